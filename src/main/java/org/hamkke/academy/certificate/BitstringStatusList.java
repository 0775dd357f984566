package org.hamkke.academy.certificate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bits of a W3C Bitstring Status List v1.0: bit {@code i} set means the credential holding
 * index {@code i} is revoked. Bits are counted from the left, the first bit being the most
 * significant bit of the first byte. The list is published compressed: {@link #encode()} gives the
 * {@code encodedList} value, Multibase base64url (the leading {@code u}, no padding) of the GZIP
 * of the bits. A list holds at least 131,072 entries (16 KB), so that one certificate's bit hides
 * among many; all zeros, it compresses to a few dozen bytes.
 *
 * <p>Not thread-safe: the issuing side changes a list under its own lock (a row lock, later).
 */
public final class BitstringStatusList {

    /** The specification's minimum, for group privacy. */
    public static final int MIN_ENTRIES = 16 * 1024 * 8;
    /** What {@link #decode} accepts at most (16 MB of bits): a published list is input too. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final byte[] bits;

    /** A list of {@code entries} bits, none set; at least {@link #MIN_ENTRIES} and whole bytes. */
    public BitstringStatusList(int entries) {
        if (entries < MIN_ENTRIES || entries % 8 != 0 || entries / 8 > MAX_BYTES) {
            throw new IllegalArgumentException("A status list has a whole number of bytes, at least " + MIN_ENTRIES
                    + " entries and at most " + (MAX_BYTES * 8L) + ": " + entries);
        }
        this.bits = new byte[entries / 8];
    }

    public BitstringStatusList() {
        this(MIN_ENTRIES);
    }

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    public int size() {
        return bits.length * 8;
    }

    public boolean get(int index) {
        check(index);
        return (bits[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    public void set(int index, boolean value) {
        check(index);
        if (value) {
            bits[index >>> 3] |= (byte) (0x80 >>> (index & 7));
        } else {
            bits[index >>> 3] &= (byte) ~(0x80 >>> (index & 7));
        }
    }

    /** The {@code encodedList}: "u" + base64url without padding of the GZIP-compressed bits. */
    public String encode() {
        var compressed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    /**
     * Reads an {@code encodedList}, refusing one without the Multibase prefix, one smaller than the
     * minimum, and one that would inflate beyond {@link #MAX_BYTES} (a compressed list is tiny and
     * can expand enormously).
     */
    public static BitstringStatusList decode(String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new IllegalArgumentException("An encodedList is Multibase base64url and starts with 'u'");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The encodedList is not base64url", e);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bits = in.readNBytes(MAX_BYTES + 1);
            if (bits.length > MAX_BYTES) {
                throw new IllegalArgumentException("The status list inflates beyond " + MAX_BYTES + " bytes");
            }
            if (bits.length * 8 < MIN_ENTRIES) {
                throw new IllegalArgumentException("The status list holds " + bits.length * 8 + " entries, fewer than " + MIN_ENTRIES);
            }
            return new BitstringStatusList(bits);
        } catch (IOException e) {
            throw new IllegalArgumentException("The encodedList is not GZIP-compressed", e);
        }
    }

    private void check(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("Status list index " + index + " outside 0.." + (size() - 1));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitstringStatusList list && Arrays.equals(bits, list.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }
}

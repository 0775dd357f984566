package org.hamkke.academy.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

    @Test
    void aNewListHoldsTheMinimumOf131072EntriesNoneSet() {
        var list = new BitstringStatusList();
        assertEquals(131_072, list.size());
        for (int i = 0; i < list.size(); i += 997) {
            assertFalse(list.get(i));
        }
    }

    @Test
    void bitsRoundTripThroughTheEncodedList() {
        var list = new BitstringStatusList();
        int[] revoked = {0, 7, 8, 9, 4242, 65_535, 131_071};
        for (int i : revoked) {
            list.set(i, true);
        }
        list.set(9, false);
        var read = BitstringStatusList.decode(list.encode());
        assertEquals(list, read);
        assertTrue(read.get(0) && read.get(7) && read.get(8) && read.get(4242) && read.get(65_535) && read.get(131_071));
        assertFalse(read.get(9) || read.get(1) || read.get(131_070));
    }

    /** The specification's layout: index 0 is the left-most bit, the high bit of the first byte. */
    @Test
    void indexZeroIsTheMostSignificantBitOfTheFirstByte() throws Exception {
        var list = new BitstringStatusList();
        list.set(0, true);
        list.set(9, true);
        byte[] bits = gunzip(list.encode());
        assertEquals(16 * 1024, bits.length);
        assertEquals((byte) 0x80, bits[0]);
        assertEquals((byte) 0x40, bits[1]);
    }

    /** Multibase base64url ('u', no padding) of the GZIP of the bits, as the specification says. */
    @Test
    void encodedListIsMultibaseBase64UrlOfGzip() throws Exception {
        String encoded = new BitstringStatusList().encode();
        assertTrue(encoded.startsWith("u"));
        assertTrue(encoded.substring(1).matches("[A-Za-z0-9_-]+"), "base64url without padding: " + encoded);
        byte[] compressed = Base64.getUrlDecoder().decode(encoded.substring(1));
        assertEquals((byte) 0x1f, compressed[0]);
        assertEquals((byte) 0x8b, compressed[1]);
        assertTrue(encoded.length() < 200, "16 KB of zeros compress to a few dozen bytes: " + encoded.length());
    }

    /** The empty list of the W3C Bitstring Status List v1.0 examples (another implementation's GZIP). */
    @Test
    void readsTheSpecificationsExampleList() {
        var list = BitstringStatusList.decode("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA");
        assertEquals(131_072, list.size());
        assertEquals(new BitstringStatusList(), list);
    }

    @Test
    void refusesWhatIsNotAListOfTheSpecification() throws Exception {
        String valid = new BitstringStatusList().encode();
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode(valid.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode("u***"));
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode("u" + b64(new byte[] {1, 2, 3})));
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode("u" + b64(gzip(new byte[1024]))));
        // A list that inflates beyond 16 MB is refused before it is held whole.
        assertThrows(IllegalArgumentException.class,
                () -> BitstringStatusList.decode("u" + b64(gzip(new byte[BitstringStatusList.MAX_BYTES + 8]))));
        assertThrows(IllegalArgumentException.class, () -> new BitstringStatusList(1024));
        assertThrows(IndexOutOfBoundsException.class, () -> new BitstringStatusList().get(131_072));
        assertThrows(IndexOutOfBoundsException.class, () -> new BitstringStatusList().set(-1, true));
    }

    @Test
    void aLargerListKeepsItsSize() {
        var list = new BitstringStatusList(262_144);
        list.set(262_143, true);
        var read = BitstringStatusList.decode(list.encode());
        assertEquals(262_144, read.size());
        assertTrue(read.get(262_143));
    }

    private static byte[] gunzip(String encoded) throws Exception {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

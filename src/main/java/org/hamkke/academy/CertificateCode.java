package org.hamkke.academy;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A certificate's verification code, as printed on it and carried by its QR code:
 * {@code HK-7Q2M-9XFA-K3TD-WP8R}, 16 characters of Crockford's base 32 (80 random bits) after the
 * portal's prefix. Unguessable: with a million certificates issued, a guess finds one with a chance
 * of one in 10<sup>18</sup>, so the public verification page may show the holder's name to whoever
 * holds the code (the holder handed it out with the certificate).
 *
 * <p>Crockford's alphabet leaves out I, L, O and U; a code read aloud or typed from paper is taken
 * with any case, spaces or missing dashes, and with O for 0 and I or L for 1 ({@link #parse}).
 */
public final class CertificateCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int GROUPS = 4;
    private static final int GROUP = 4;
    private static final String PREFIX = "HK";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateCode() {}

    /** A new random code. */
    static String random() {
        StringBuilder code = new StringBuilder(PREFIX);
        for (int g = 0; g < GROUPS; g++) {
            code.append('-');
            for (int i = 0; i < GROUP; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /**
     * The code as the portal writes it, from what someone typed or scanned; empty when it cannot be
     * one (wrong length, a letter outside the alphabet), which the page answers like an unknown code.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder symbols = new StringBuilder();
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '\u00a0') {
                continue;
            }
            symbols.append(switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            });
        }
        String body = symbols.length() == PREFIX.length() + GROUPS * GROUP && symbols.indexOf(PREFIX) == 0
                ? symbols.substring(PREFIX.length())
                : symbols.length() == GROUPS * GROUP ? symbols.toString() : null;
        if (body == null || body.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(PREFIX);
        for (int g = 0; g < GROUPS; g++) {
            code.append('-').append(body, g * GROUP, (g + 1) * GROUP);
        }
        return Optional.of(code.toString());
    }
}

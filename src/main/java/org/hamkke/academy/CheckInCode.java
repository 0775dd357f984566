package org.hamkke.academy;

import java.util.Locale;
import java.util.Optional;

/**
 * A session's check-in code as people read, say and type it: six characters from an alphabet of
 * thirty with no look-alikes (no 0 or O, no 1, I or L, no U beside V), so a code read off a
 * projector or said aloud is typed right. The database draws each session's code from this same
 * alphabet with its strong random source (V16), one code per session, unique across sessions:
 * 30^6 = 729 million codes, of which a few dozen are valid at any moment, and guessing is limited
 * per person ({@link AttemptLimit}).
 *
 * <p>What the learner types is forgiven its letter case, spaces and dashes ("abc-234", "ABC 234");
 * anything else outside the alphabet makes it no code at all, answered as such and not counted as
 * a guess.
 */
public final class CheckInCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 6;
    /** The longest text considered at all: a code with some spaces or dashes. */
    static final int MAX_TYPED = 20;

    private CheckInCode() {}

    /** The code typed, in its stored form, or empty when it cannot be one. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '\u00a0') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
            code.append(c);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** The code as shown to be read out: "ABC 234". */
    public static String spaced(String code) {
        return code == null || code.length() != LENGTH ? code : code.substring(0, 3) + " " + code.substring(3);
    }
}

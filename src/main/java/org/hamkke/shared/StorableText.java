package org.hamkke.shared;

import java.util.Optional;

/**
 * Which texts can be kept as typed, whatever feature keeps them. PostgreSQL refuses the NUL
 * character in text and in jsonb; other control characters (but tab, line feed and carriage
 * return) are invisible, break the XML of a page and are never typed on purpose; a lone half of a
 * surrogate pair is not a character at all and would be silently replaced on the way to the
 * database. A browser's maxlength is only a courtesy: a forged post or a pasted text reaches the
 * server anyway and must get a message, never an error page.
 */
public final class StorableText {

    /** Message keys of the two ways a text is refused; both name the limit as {0}. */
    public static final String TOO_LONG = "text.tooLong";
    public static final String UNSTORABLE = "text.unstorable";

    private StorableText() {}

    public static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What is wrong with a text, as a message key ({@link #UNSTORABLE} or {@link #TOO_LONG}), or
     * empty when it may be stored. Length counts UTF-16 units, as a browser's maxlength does.
     */
    public static Optional<String> problem(String text, int max) {
        if (text == null) {
            return Optional.empty();
        }
        if (!storable(text)) {
            return Optional.of(UNSTORABLE);
        }
        return text.length() > max ? Optional.of(TOO_LONG) : Optional.empty();
    }

    /**
     * A free text as it is kept: stripped, null when blank.
     *
     * @throws Refused {@link #UNSTORABLE} or {@link #TOO_LONG} (with the limit) when it may not be stored
     */
    public static String checked(String text, int max) {
        String trimmed = text == null || text.isBlank() ? null : text.strip();
        problem(trimmed, max).ifPresent(key -> {
            throw new Refused(key, String.valueOf(max));
        });
        return trimmed;
    }

    /**
     * As {@link #checked(String, int)} for a form that reports every problem at once: a problem
     * is added for {@code field} (null returned) instead of thrown.
     */
    public static String checked(String text, int max, String field, java.util.List<Problem> problems) {
        try {
            return checked(text, max);
        } catch (Refused refused) {
            problems.add(new Problem(field, refused.key(), String.valueOf(max)));
            return null;
        }
    }
}

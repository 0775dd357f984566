package org.hamkke.intake;

import java.util.Optional;

/**
 * What text the intake stores: how long each field may be (the pages' {@code maxlength} reads the
 * same numbers, through {@code intake.web.TextLimits}, so the browser and the server agree), and
 * which characters can be kept at all. A browser's limit is only a courtesy: a forged post, an old
 * phone or a pasted text reaches the server anyway, and must get a message in the person's
 * language, never an error page.
 */
public final class TextRules {

    /** The name of an enterprise or group, a member's name. */
    public static final int NAME = 200;
    /** Legal form, sector, region, a member's role. */
    public static final int SHORT = 100;
    /** An e-mail address (RFC 5321's limit for a path). */
    public static final int EMAIL = 254;
    /** A short answer (text, number, date) to a question that sets no limit of its own. */
    public static final int SHORT_ANSWER = 500;
    /** A long answer, or a choice, to a question that sets no limit of its own. */
    public static final int LONG_ANSWER = 10_000;
    /** A reviewer's comment on one criterion. */
    public static final int COMMENT = 4_000;
    /** The reason for a move, or the message to the applicant with a decision. */
    public static final int REASON = 4_000;
    /** Why staff reopen a submitted review. */
    public static final int REOPEN_REASON = 2_000;
    /** Score bands and choice lists in the call editor (one text area each). */
    public static final int LINES = 4_000;

    /** Message keys of the two ways a text is refused. */
    public static final String TOO_LONG = "text.tooLong";
    public static final String UNSTORABLE = "text.unstorable";

    private TextRules() {}

    /**
     * A text refused by a service (a comment, a reason): the message key ({@link #TOO_LONG} or
     * {@link #UNSTORABLE}) and the limit its {0} names. Nothing was stored.
     */
    public static final class Refused extends RuntimeException {
        private final String key;
        private final int limit;

        Refused(String key, int limit) {
            super(key + " (limit " + limit + ")");
            this.key = key;
            this.limit = limit;
        }

        public String key() {
            return key;
        }

        public int limit() {
            return limit;
        }
    }

    /** Refuses a text that cannot be stored as it is. */
    static void require(String text, int max) {
        problem(text, max).ifPresent(key -> {
            throw new Refused(key, max);
        });
    }

    static void require(Iterable<String> texts, int max) {
        problem(texts, max).ifPresent(key -> {
            throw new Refused(key, max);
        });
    }

    /** Whether the text can be stored and shown again as typed ({@link org.hamkke.shared.StorableText#storable}, shared by every feature). */
    public static boolean storable(String text) {
        return org.hamkke.shared.StorableText.storable(text);
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

    /** The first problem of several texts with one limit, e.g. a comment per criterion. */
    public static Optional<String> problem(Iterable<String> texts, int max) {
        for (String text : texts) {
            Optional<String> problem = problem(text, max);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}

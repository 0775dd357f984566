package org.hamkke.notification;

import java.util.Arrays;
import java.util.List;

/**
 * What a notice is about. Each kind has a template in {@code Notices*.properties}
 * ({@code <kind>.subject}, {@code <kind>.body}) in all five languages, and says whether a person
 * may turn its e-mail off: decisions and offers with a deadline are mandatory.
 */
public enum NoticeKind {
    WELCOME(false),
    ROLE_GRANTED(false),
    APPLICATION_DECISION(true),
    DRAFT_REMINDER(false),
    REVIEW_REMINDER(false),
    /** Staff reopened a reviewer's submitted review, with a reason: once per reopening. */
    REVIEW_REOPENED(false),
    /** The daily digest e-mail itself; it is the person's delivery choice, not a kind to choose. */
    DAILY_DIGEST(true);

    private final boolean mandatory;

    NoticeKind(boolean mandatory) {
        this.mandatory = mandatory;
    }

    /** E-mail for it is always sent, immediately, whatever the person's preferences. */
    public boolean isMandatory() {
        return mandatory;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The kinds a person sees on the preferences page. */
    public static List<NoticeKind> choosable() {
        return Arrays.stream(values()).filter(k -> k != DAILY_DIGEST).toList();
    }

    public static NoticeKind fromKey(String key) {
        return Arrays.stream(values())
                .filter(k -> k.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown notice kind " + key));
    }
}

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
    /** Academy: a seat in a cohort is the person's. */
    ENROLMENT_CONFIRMED(false),
    /** Academy: the cohort is full; the person is on its waitlist, at a position. */
    ENROLMENT_WAITLISTED(false),
    /** Academy: the request waits for staff's approval. */
    ENROLMENT_REQUESTED(false),
    /** Academy: a freed seat is offered until a moment; unanswered, it passes on. */
    SEAT_OFFERED(true),
    /** Academy: an offer ends soon and is not answered yet. */
    OFFER_EXPIRING(true),
    /** Academy: an offer was not answered in time and passed to the next in line. */
    OFFER_EXPIRED(false),
    /** Academy: staff cancelled an enrolment or declined a request, with their reason. */
    ENROLMENT_CANCELLED(true),
    /** Academy: a completer's certificate was issued, with its code and verification address. */
    CERTIFICATE_ISSUED(false),
    /** Academy: a session of the person's cohort moved, with its old and new time (once per change); mandatory: they planned their day on it. */
    SESSION_MOVED(true),
    /** Academy: a session of the person's cohort is cancelled, with the staff's reason (once); mandatory, like a move. */
    SESSION_CANCELLED(true),
    /** Academy: a session is soon, as long before as the person chose ({@link NoticePreferences.ReminderLead}). */
    SESSION_REMINDER(false),
    /** Incubation: staff offer a mentor to a venture; mandatory: the offer has a deadline. */
    MENTOR_OFFERED(true),
    /** Incubation: the mentor accepted (to the staff member who offered, and to the venture's members). */
    MENTOR_ACCEPTED(false),
    /** Incubation: the mentor declined, with their note (to the staff member who offered). */
    MENTOR_DECLINED(false),
    /** Incubation: nobody answered the offer in time (to the staff member who offered). */
    MENTOR_OFFER_EXPIRED(false),
    /** Incubation: a pairing marked "not a good fit" by one side (to the other side and staff), back to matching. */
    MENTOR_NOT_A_FIT(false),
    /** Incubation: a member submitted evidence for a milestone (to the venture's mentors, once per submission). */
    MILESTONE_SUBMITTED(false),
    /** Incubation: a mentor graded a milestone's evidence, passed or revision requested (to the venture's members). */
    MILESTONE_GRADED(false),
    /** Incubation: a mentor corrected a published grade, with a reason (to the venture's members); the earlier grade is kept. */
    MILESTONE_GRADE_CORRECTED(false),
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

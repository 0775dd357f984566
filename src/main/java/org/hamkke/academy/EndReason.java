package org.hamkke.academy;

/** Why an enrolment was cancelled: kept with it, shown to staff on the roster and to the learner. */
public enum EndReason {
    /** The learner left (a seat, the waitlist, or a request awaiting approval). */
    LEFT,
    /** The learner declined a seat offered to them. */
    DECLINED,
    /** An offered seat was not accepted in time; it passed to the next in line. */
    EXPIRED,
    /** Staff declined a request (cohorts that need approval). */
    REFUSED,
    /** Staff cancelled the enrolment, with a reason the learner is told. */
    STAFF
}

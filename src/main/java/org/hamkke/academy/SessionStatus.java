package org.hamkke.academy;

/** Whether a session still takes place. A cancelled one stays, with its reason, for the history and the notices. */
public enum SessionStatus {
    SCHEDULED,
    CANCELLED
}

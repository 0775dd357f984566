package org.hamkke.academy;

/** How much a course expects a learner to know already. */
public enum Level {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED
}

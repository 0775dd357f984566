package org.hamkke.academy;

/** How a cohort meets: where learners must be, and what the cohort must say for them to get there. */
public enum Delivery {
    /** At a venue (and a room): a venue is required. */
    IN_PERSON,
    /** On a video call: an https meeting link is required. */
    ONLINE,
    /** Some sessions at the venue, some online: both are required. */
    BLENDED;

    public boolean needsVenue() {
        return this != ONLINE;
    }

    public boolean needsLink() {
        return this != IN_PERSON;
    }
}

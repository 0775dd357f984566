package org.hamkke.incubation.matching;

/** How a mentor works with a venture. Only a mentor who meets in person can earn the region's points. */
public enum Mode {
    IN_PERSON,
    ONLINE,
    BOTH;

    /** Whether this mentor can meet a venture that wants to be met in person. */
    public boolean meetsInPerson() {
        return this != ONLINE;
    }
}

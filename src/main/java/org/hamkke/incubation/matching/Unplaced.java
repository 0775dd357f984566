package org.hamkke.incubation.matching;

/**
 * A venture the round could not give a mentor, and why, as a message key of the portal's bundle:
 * {@link RoundMatcher#NO_ELIGIBLE_MENTOR} or {@link RoundMatcher#PLACES_TAKEN}.
 */
public record Unplaced(long ventureId, String reasonKey) {}

package org.hamkke.incubation.matching;

/** A venture and the mentor proposed for it in a round, with the pair's score. */
public record Pair(long ventureId, long mentorId, Score score) {}

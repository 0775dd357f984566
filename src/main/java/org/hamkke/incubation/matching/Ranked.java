package org.hamkke.incubation.matching;

/** A mentor offered for one venture, with the score that placed them. */
public record Ranked(MentorCandidate mentor, Score score) {}

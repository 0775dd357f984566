package org.hamkke.incubation.matching;

import java.util.List;

/** A pair's score: {@code total} is the sum of its reasons' points, nothing hidden. */
public record Score(int total, List<Reason> reasons) {

    public Score {
        reasons = List.copyOf(reasons);
        if (total != reasons.stream().mapToInt(Reason::points).sum()) {
            throw new IllegalArgumentException("A score's total is the sum of its reasons' points");
        }
    }
}

package org.hamkke.incubation.matching;

import java.util.List;

/**
 * A round's proposal for staff to review: pairs and unplaced ventures, each sorted by venture id.
 *
 * @param totalScore the sum of the pairs' scores
 */
public record Proposal(List<Pair> pairs, List<Unplaced> unplaced, int totalScore) {

    public Proposal {
        pairs = List.copyOf(pairs);
        unplaced = List.copyOf(unplaced);
    }
}

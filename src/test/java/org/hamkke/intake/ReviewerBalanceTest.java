package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewerBalanceTest {

    @Test
    void everyApplicationGetsItsReviewersAndLoadsStayEven() {
        var added = ReviewerBalance.assign(List.of(1L, 2L, 3L, 4L), List.of(10L, 11L, 12L, 13L), Map.of(), Map.of(), 2, Map.of());
        added.values().forEach(rs -> assertEquals(2, rs.size()));
        Map<Long, Long> perReviewer = added.values().stream().flatMap(List::stream)
                .collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.stream.Collectors.counting()));
        assertEquals(Map.of(10L, 2L, 11L, 2L, 12L, 2L, 13L, 2L), perReviewer, "8 reviews over 4 reviewers: 2 each");
    }

    @Test
    void theBusiestReviewerIsSparedAndNobodyReviewsTwice() {
        var added = ReviewerBalance.assign(List.of(1L), List.of(10L, 11L, 12L), Map.of(10L, 5), Map.of(), 2, Map.of());
        assertEquals(List.of(11L, 12L), added.get(1L));
        added.get(1L).forEach(r -> assertEquals(1, added.get(1L).stream().filter(r::equals).count()));
    }

    @Test
    void aConflictedReviewerIsNeverChosenAndExistingReviewersCount() {
        var added = ReviewerBalance.assign(List.of(1L), List.of(10L, 11L, 12L), Map.of(),
                Map.of(1L, Set.of(10L, 11L)), 2, Map.of(1L, 1));
        assertEquals(List.of(12L), added.get(1L), "11 already reviews it, 10 declared a conflict: one more is needed");
        assertFalse(added.get(1L).contains(10L));
    }

    @Test
    void tooFewReviewersAssignsWhatIsPossible() {
        var added = ReviewerBalance.assign(List.of(1L), List.of(10L), Map.of(), Map.of(), 3, Map.of());
        assertEquals(List.of(10L), added.get(1L));
    }
}

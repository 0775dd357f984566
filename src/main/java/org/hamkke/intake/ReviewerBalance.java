package org.hamkke.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who reviews what, when staff ask for automatic assignment: each application gets reviewers
 * until it has {@code perApplication} of them, always the least loaded reviewer who is not
 * already on it (and has not declared a conflict with it). Ties go to the lower id, so the
 * result is the same every time for the same input.
 */
public final class ReviewerBalance {

    private ReviewerBalance() {}

    /**
     * @param applications the applications to cover, in order
     * @param reviewers everyone who may review
     * @param load each reviewer's current number of assignments (missing means 0)
     * @param onIt for each application, the reviewers already assigned or conflicted
     * @return the new assignments, application id to reviewer ids
     */
    public static Map<Long, List<Long>> assign(List<Long> applications, List<Long> reviewers, Map<Long, Integer> load,
            Map<Long, Set<Long>> onIt, int perApplication, Map<Long, Integer> activeOnIt) {
        Map<Long, Integer> current = new HashMap<>();
        reviewers.forEach(r -> current.put(r, load.getOrDefault(r, 0)));
        Map<Long, List<Long>> added = new LinkedHashMap<>();
        for (Long application : applications) {
            Set<Long> taken = new HashSet<>(onIt.getOrDefault(application, Set.of()));
            int missing = perApplication - activeOnIt.getOrDefault(application, 0);
            List<Long> chosen = new ArrayList<>();
            for (int i = 0; i < missing; i++) {
                Long next = reviewers.stream()
                        .filter(r -> !taken.contains(r))
                        .min(Comparator.<Long>comparingInt(current::get).thenComparing(Comparator.naturalOrder()))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                chosen.add(next);
                taken.add(next);
                current.merge(next, 1, Integer::sum);
            }
            if (!chosen.isEmpty()) {
                added.put(application, chosen);
            }
        }
        return added;
    }
}

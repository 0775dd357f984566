package org.hamkke.incubation.matching;

import java.util.Set;

/**
 * What a venture asks of a mentor.
 *
 * @param needs tags of the expertise it needs, compared with a mentor's expertise ignoring case
 * @param region where it would meet a mentor; only counts when it {@code wantsInPerson}
 */
public record VentureNeeds(
        long ventureId, String name, Set<String> needs, Set<String> languages, String region, boolean wantsInPerson) {

    public VentureNeeds {
        needs = Set.copyOf(needs);
        languages = Set.copyOf(languages);
    }
}

package org.hamkke.incubation.matching;

import java.util.Objects;
import java.util.Set;

/**
 * A mentor as the matching sees them: what they know, the languages they work in, where and how
 * they meet, and how many ventures they take.
 *
 * @param region where the mentor meets in person; may be null for a mentor who works online only
 * @param cap how many ventures the mentor takes at once
 * @param active how many they have now; above {@code cap} when staff lowered the cap since, which
 *     leaves no places rather than a negative number
 * @param conflictVentureIds ventures the mentor may not mentor (a declared or known conflict of interest)
 */
public record MentorCandidate(
        long mentorId,
        String name,
        Set<String> expertise,
        Set<String> languages,
        String region,
        Mode mode,
        int cap,
        int active,
        boolean available,
        Set<Long> conflictVentureIds) {

    public MentorCandidate {
        Objects.requireNonNull(mode, "mode");
        if (cap < 0 || active < 0) {
            throw new IllegalArgumentException("Mentor " + mentorId + ": cap and active must not be negative");
        }
        expertise = Set.copyOf(expertise);
        languages = Set.copyOf(languages);
        conflictVentureIds = Set.copyOf(conflictVentureIds);
    }

    public int placesLeft() {
        return Math.max(0, cap - active);
    }
}

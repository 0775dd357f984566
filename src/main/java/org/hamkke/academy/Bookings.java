package org.hamkke.academy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The timetable's one rule: a room, or a person, is in one place at a time. Each scheduled session
 * books its cohort's room (in person or blended; {@link Cohort#roomKey}) and its cohort's
 * instructors for its time; two bookings of the same room or the same person may not overlap. Time
 * is half-open, so a session may start the minute the one before it ends. A session never clashes
 * with itself (a session being moved is compared with all the others), and cancelled sessions book
 * nothing.
 *
 * <p>The services ask this rule before they write ({@link Timetable}); the database holds the same
 * rule as exclusion constraints on its own copy of the bookings (V15), so two instances booking one
 * slot at once cannot both succeed.
 */
final class Bookings {

    private Bookings() {}

    /**
     * A session's claim on a room and on people, for a while.
     *
     * @param sessionId the session's id, or 0 for one not written yet
     * @param roomKey the room, or null when it occupies none (online)
     */
    record Booking(long sessionId, Instant startsAt, Instant endsAt, String roomKey, Set<Long> instructors) {

        Booking {
            instructors = Set.copyOf(instructors);
        }

        boolean overlaps(Booking other) {
            return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
        }

        boolean isSameSession(Booking other) {
            return sessionId != 0 && sessionId == other.sessionId;
        }
    }

    /** What two bookings share: the room, or a person. */
    enum Shared {
        ROOM,
        INSTRUCTOR
    }

    /**
     * One clash: the proposed booking, the booked one it collides with, and what they share.
     *
     * @param instructor the person both need, for {@link Shared#INSTRUCTOR}; else null
     */
    record Clash(Booking proposed, Booking booked, Shared shared, Long instructor) {}

    /**
     * The first clash of the proposed bookings (in their order) with those already booked, the room
     * before the people; empty when there is none.
     */
    static Optional<Clash> firstClash(List<Booking> proposed, List<Booking> booked) {
        for (Booking wanted : proposed) {
            for (Booking other : booked) {
                Optional<Clash> clash = between(wanted, other);
                if (clash.isPresent()) {
                    return clash;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Clash> between(Booking wanted, Booking other) {
        if (wanted.isSameSession(other) || !wanted.overlaps(other)) {
            return Optional.empty();
        }
        if (wanted.roomKey() != null && wanted.roomKey().equals(other.roomKey())) {
            return Optional.of(new Clash(wanted, other, Shared.ROOM, null));
        }
        return wanted.instructors().stream().filter(other.instructors()::contains).sorted().findFirst()
                .map(person -> new Clash(wanted, other, Shared.INSTRUCTOR, person));
    }
}

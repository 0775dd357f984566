package org.hamkke.academy;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;

/**
 * A session refused because it would put a room or a person in two places at once, naming the
 * session it collides with so staff know what to move: its course, its cohort, its time on its own
 * cohort's clock, and the room or the person they share. Found by the timetable's rule before
 * anything is written ({@link Bookings}), or, when another instance won the race, by the database's
 * refusal (V15), explained the same way afterwards; {@link #other} is null only when the winner
 * could not be found again (moved meanwhile).
 */
public final class SessionClash extends Refused {

    /**
     * The session it collides with, as a page names it.
     *
     * @param room true when they share the room ({@code place}), false when a person ({@code instructor})
     */
    public record Other(
            long sessionId, long cohortId, String courseTitleJson, String cohortLabel, LocalDate cohortStartsOn, LocalDate cohortEndsOn,
            Instant startsAt, Instant endsAt, String timeZone, boolean room, String place, String instructor)
            implements Serializable {}

    private final Other other;

    public SessionClash(Other other) {
        super(List.of(new Problem(null, other == null ? "academy.session.clash" : other.room() ? "academy.session.clash.room" : "academy.session.clash.instructor",
                other == null ? null : String.valueOf(other.sessionId()))));
        this.other = other;
    }

    /** The session it collides with, or null when the database refused and the winner could not be found again. */
    public Other other() {
        return other;
    }
}

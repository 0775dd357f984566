package org.hamkke.academy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * One meeting of a cohort: two moments, read on the wall in the cohort's zone. Made only by
 * {@link Cohort#schedule}, which keeps it within the cohort's dates. Its life:
 *
 * <ul>
 *   <li><b>Moved</b> ({@link #moveTo}): to a new start and end, still within the cohort's days, the
 *       end after the start and at most a day later; not once it has begun (its attendance belongs
 *       to the time it had), and not into the past.
 *   <li><b>Cancelled</b> ({@link #cancel}): with the staff's reason, which the learners read; it
 *       stays in the cohort's list, marked, instead of disappearing from their calendars.
 *   <li><b>Removed</b>: only while nobody is enrolled in its cohort ({@link Cohort#unschedule});
 *       after that it is cancelled instead.
 * </ul>
 *
 * Whether it puts a room or an instructor in two places at once is not its own affair but the
 * timetable's ({@link Bookings}), checked by the service before it is written and by the database
 * (V15) as it is. A change made on a version someone else changed meanwhile is refused
 * ({@link #requireSeen}; {@code @Version} backs it).
 */
@Entity
@Table(name = "cohort_session")
public class Session extends BaseEntity {

    static final int REASON_LENGTH = 1000;
    /** The database's limit on one session (V14). */
    static final Duration LONGEST = Duration.ofHours(24);

    @ManyToOne(optional = false)
    @JoinColumn(name = "cohort_id", updatable = false)
    private Cohort cohort;

    private String title;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionStatus status = SessionStatus.SCHEDULED;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancel_reason")
    private String cancelReason;

    protected Session() {}

    Session(Cohort cohort, String title, Instant startsAt, Instant endsAt) {
        this.cohort = cohort;
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    /**
     * Moves the session to a new start and end.
     *
     * @return whether anything changed (the same times again change nothing, and tell nobody)
     * @throws Refused "academy.session.cancelled", "academy.session.begun", "academy.session.past",
     *     "academy.session.endBeforeStart", "academy.session.tooLong", "academy.session.moveOutside" (with the day)
     */
    boolean moveTo(Instant start, Instant end, Instant now) {
        requireChangeable(now);
        if (start.equals(startsAt) && end.equals(endsAt)) {
            return false;
        }
        if (start.isBefore(now)) {
            throw new Refused("academy.session.past");
        }
        if (!end.isAfter(start)) {
            throw new Refused(List.of(new Problem("endTime", "academy.session.endBeforeStart")));
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new Refused(List.of(new Problem("endTime", "academy.session.tooLong")));
        }
        if (!cohort.isWithin(start, end)) {
            throw new Refused(List.of(new Problem("date", "academy.session.moveOutside",
                    start.atZone(cohort.zone()).toLocalDate().toString())));
        }
        startsAt = start;
        endsAt = end;
        return true;
    }

    /**
     * Cancels the session; the reason is what the learners read, so it is required.
     *
     * @throws Refused "academy.session.cancelled", "academy.session.begun", "academy.session.reasonRequired",
     *     or the reason's text problem
     */
    void cancel(String reason, Instant now) {
        requireChangeable(now);
        String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
        if (trimmed == null) {
            throw new Refused(List.of(new Problem("reason", "academy.session.reasonRequired")));
        }
        StorableText.problem(trimmed, REASON_LENGTH).ifPresent(key -> {
            throw new Refused(List.of(new Problem("reason", key, String.valueOf(REASON_LENGTH))));
        });
        status = SessionStatus.CANCELLED;
        cancelledAt = now;
        cancelReason = trimmed;
    }

    /**
     * Refuses to change a session that changed since staff saw it (they saw {@code seenVersion}):
     * the calendar or the list shows it again as it is now.
     */
    void requireSeen(long seenVersion) {
        if (getVersion() != seenVersion) {
            throw new Refused("academy.changedMeanwhile");
        }
    }

    private void requireChangeable(Instant now) {
        if (status == SessionStatus.CANCELLED) {
            throw new Refused("academy.session.cancelled");
        }
        if (hasBegun(now)) {
            throw new Refused("academy.session.begun");
        }
    }

    public boolean hasBegun(Instant now) {
        return !now.isBefore(startsAt);
    }

    public boolean isCancelled() {
        return status == SessionStatus.CANCELLED;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public String getTitle() {
        return title;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    /** The start as the cohort's wall clock reads it. */
    public ZonedDateTime getStartsLocal() {
        return startsAt.atZone(cohort.zone());
    }

    public ZonedDateTime getEndsLocal() {
        return endsAt.atZone(cohort.zone());
    }
}

package org.hamkke.incubation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hamkke.incubation.AssignmentStatus.Mover;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * A mentor's assignment to a venture, from staff's offer to its end. Each move follows
 * {@link AssignmentStatus}'s machine; while it is live (offered or active) it holds one of the
 * mentor's places, which V19's trigger counts against the mentor's cap in the same statement.
 */
@Entity
@Table(name = "mentor_assignment")
public class MentorAssignment extends BaseEntity {

    static final int NOTE_LENGTH = 1000;

    @Column(name = "venture_id", nullable = false, updatable = false)
    private long ventureId;

    @Column(name = "mentor_id", nullable = false, updatable = false)
    private long mentorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssignmentStatus status;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "offered_by", updatable = false)
    private Long offeredBy;

    @Column(name = "offered_at", nullable = false, updatable = false)
    private Instant offeredAt;

    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_note")
    private String endedNote;

    /** The match score when offered, kept to show why this mentor was chosen. */
    private Integer score;

    protected MentorAssignment() {}

    private MentorAssignment(long ventureId, long mentorId, LocalDate startsOn, LocalDate endsOn, Long offeredBy, Instant now,
            Duration answerWithin, Integer score) {
        this.ventureId = ventureId;
        this.mentorId = mentorId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.offeredBy = offeredBy;
        this.offeredAt = now;
        this.offerExpiresAt = now.plus(answerWithin);
        this.score = score;
        this.status = AssignmentStatus.OFFERED;
    }

    /**
     * Staff offer the mentor to the venture, from a start to an end day; the mentor has
     * {@code answerWithin} to accept.
     *
     * @throws Refused "incubation.assignment.dates" when a day is missing or the end is not after the start
     */
    public static MentorAssignment offer(long ventureId, long mentorId, LocalDate startsOn, LocalDate endsOn, Long offeredBy, Instant now,
            Duration answerWithin, Integer score) {
        List<Problem> problems = new ArrayList<>();
        if (startsOn == null) {
            problems.add(new Problem("startsOn", "incubation.assignment.startMissing"));
        }
        if (endsOn == null) {
            problems.add(new Problem("endsOn", "incubation.assignment.endMissing"));
        } else if (startsOn != null && !endsOn.isAfter(startsOn)) {
            problems.add(new Problem("endsOn", "incubation.assignment.endBeforeStart"));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new MentorAssignment(ventureId, mentorId, startsOn, endsOn, offeredBy, now, answerWithin, score);
    }

    public boolean isOfferExpired(Instant now) {
        return status == AssignmentStatus.OFFERED && !now.isBefore(offerExpiresAt);
    }

    /**
     * The mentor takes it, in time.
     *
     * @return false when the offer's time is up (the caller expires it instead)
     */
    boolean accept(Instant now) {
        if (isOfferExpired(now)) {
            return false;
        }
        status = status.moveTo(AssignmentStatus.ACTIVE, Mover.MENTOR);
        answeredAt = now;
        offerExpiresAt = null;
        return true;
    }

    void decline(String note, Instant now) {
        status = status.moveTo(AssignmentStatus.DECLINED, Mover.MENTOR);
        answeredAt = now;
        offerExpiresAt = null;
        endedNote = StorableText.checked(note, NOTE_LENGTH);
    }

    /** @return whether it expired now (false when it is not, or no longer, due) */
    boolean expire(Instant now) {
        if (!isOfferExpired(now)) {
            return false;
        }
        status = status.moveTo(AssignmentStatus.EXPIRED, Mover.PORTAL);
        endedAt = now;
        offerExpiresAt = null;
        return true;
    }

    void withdraw(String note, Instant now) {
        status = status.moveTo(AssignmentStatus.WITHDRAWN, Mover.STAFF);
        endedAt = now;
        offerExpiresAt = null;
        endedNote = StorableText.checked(note, NOTE_LENGTH);
    }

    void end(String note, Instant now) {
        status = status.moveTo(AssignmentStatus.ENDED, Mover.STAFF);
        endedAt = now;
        endedNote = StorableText.checked(note, NOTE_LENGTH);
    }

    /**
     * Either side says the pairing is not working: it ends, and the venture goes back to matching.
     *
     * @throws Refused "incubation.assignment.reasonRequired" without a reason
     */
    void notAFit(Mover by, String reason, Instant now) {
        String note = StorableText.checked(reason, NOTE_LENGTH);
        if (note == null) {
            throw new Refused(List.of(new Problem("reason", "incubation.assignment.reasonRequired")));
        }
        status = status.moveTo(AssignmentStatus.NOT_A_FIT, by);
        endedAt = now;
        endedNote = note;
    }

    public long getVentureId() {
        return ventureId;
    }

    public long getMentorId() {
        return mentorId;
    }

    public AssignmentStatus getStatus() {
        return status;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Long getOfferedBy() {
        return offeredBy;
    }

    public Instant getOfferedAt() {
        return offeredAt;
    }

    public Instant getOfferExpiresAt() {
        return offerExpiresAt;
    }

    public String getEndedNote() {
        return endedNote;
    }

    public Integer getScore() {
        return score;
    }
}

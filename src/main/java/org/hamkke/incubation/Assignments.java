package org.hamkke.incubation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.incubation.AssignmentStatus.Mover;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.DatabaseRefusal;
import org.hamkke.shared.db.Rows;

/**
 * Mentors' assignments to ventures: staff offer, the mentor accepts or declines, the portal
 * expires an offer nobody answered (and tells the staff member who made it), either side may say
 * "not a good fit" (the venture goes back to matching), staff end or withdraw.
 *
 * <p><b>The cap.</b> A mentor's live assignments (offered or active) never exceed their cap, under
 * any concurrency, on any number of instances: V19's trigger counts them on the mentor's profile
 * in the same statement that writes the assignment, and the profile's check refuses a count above
 * the cap. Two staff offering the last place at once: the second waits for the first's row lock,
 * then the check says no, and they are told the mentor is at their cap. No check-then-act in Java.
 *
 * <p>Every method that acts for a mentor or a member takes their person id, and its query finds
 * only their own assignments: another's id finds nothing, which is "nothing to act on".
 */
@ApplicationScoped
@Transactional
public class Assignments {

    static final String AUDIT_TYPE = "venture";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    IncubationNotices notices;

    /** How long a mentor has to answer an offer (MicroProfile Config). */
    @Inject
    @ConfigProperty(name = "hamkke.incubation.offer-answer-within", defaultValue = "P7D")
    Duration answerWithin;

    /** An assignment as a page lists it. */
    public record Row(long id, long ventureId, String ventureName, long mentorId, String mentorName, AssignmentStatus status,
            LocalDate startsOn, LocalDate endsOn, Instant offerExpiresAt, String endedNote, Integer score, long version) {}

    /**
     * Staff offer the mentor to the venture from one day to another; the mentor is told and has
     * {@code hamkke.incubation.offer-answer-within} (7 days) to answer.
     *
     * @throws Refused the dates' problems; "incubation.assignment.atCap" when the mentor has no
     *     place left (the database's count, whatever the page showed); ".conflict", ".unavailable",
     *     ".already" (already offered to or mentoring this venture), ".noMentor", ".noVenture"
     */
    @Allowed({Role.STAFF, Role.ADMIN})
    public long offer(Actor staff, long ventureId, long mentorId, LocalDate startsOn, LocalDate endsOn, Integer score) {
        MentorProfile mentor = em.find(MentorProfile.class, mentorId);
        if (mentor == null) {
            throw refused("incubation.assignment.noMentor");
        }
        if (em.find(Venture.class, ventureId) == null) {
            throw refused("incubation.assignment.noVenture");
        }
        if (!mentor.isAvailable()) {
            throw refused("incubation.assignment.unavailable");
        }
        if (conflicted(mentorId, ventureId)) {
            throw refused("incubation.assignment.conflict");
        }
        MentorAssignment assignment = MentorAssignment.offer(ventureId, mentorId, startsOn, endsOn, staff.personId(), clock.instant(),
                answerWithin, score);
        try {
            em.persist(assignment);
            em.flush();
        } catch (RuntimeException e) {
            if (DatabaseRefusal.by(e, "mentor_cap")) {
                throw refused("incubation.assignment.atCap");
            }
            if (DatabaseRefusal.by(e, "mentor_assignment_live")) {
                throw refused("incubation.assignment.already");
            }
            throw e;
        }
        audit.record(staff, "assignment.offer", AUDIT_TYPE, String.valueOf(ventureId),
                "mentor " + mentorId + ", " + startsOn + " to " + endsOn + (score == null ? "" : ", score " + score));
        notices.offered(assignment);
        return assignment.getId();
    }

    /**
     * The mentor takes the offer, in time; the staff member who made it and the venture's members
     * are told.
     *
     * @return false when the offer's time was up: it is expired right here, as the job would
     * @throws AssignmentStatus.IllegalMoveException when nothing is offered to them (any more)
     */
    @Allowed(Role.MENTOR)
    public boolean accept(long mentorId, long assignmentId) {
        MentorAssignment assignment = mentorsOwn(mentorId, assignmentId);
        Instant now = clock.instant();
        if (!assignment.accept(now)) {
            expire(assignment, now);
            return false;
        }
        notices.accepted(assignment);
        return true;
    }

    /** The mentor declines, with an optional note; the staff member who offered is told. */
    @Allowed(Role.MENTOR)
    public void decline(long mentorId, long assignmentId, String note) {
        MentorAssignment assignment = mentorsOwn(mentorId, assignmentId);
        assignment.decline(note, clock.instant());
        notices.declined(assignment);
    }

    /** The mentor says the pairing is not working, with a reason; members and staff are told. */
    @Allowed(Role.MENTOR)
    public void notAFitByMentor(long mentorId, long assignmentId, String reason) {
        MentorAssignment assignment = mentorsOwn(mentorId, assignmentId);
        assignment.notAFit(Mover.MENTOR, reason, clock.instant());
        notices.notAFit(assignment);
    }

    /** A member of the venture says the pairing is not working, with a reason; the mentor and staff are told. */
    @Allowed(Role.ENTREPRENEUR)
    public void notAFitByMember(long memberId, long assignmentId, String reason) {
        MentorAssignment assignment = Rows.first(em.createNativeQuery("""
                                select a.id from mentor_assignment a join venture_member m on m.venture_id = a.venture_id
                                where a.id = ?1 and m.person_id = ?2""")
                        .setParameter(1, assignmentId)
                        .setParameter(2, memberId),
                r -> em.find(MentorAssignment.class, r.id("id")))
                .orElseThrow(() -> new AssignmentStatus.IllegalMoveException(AssignmentStatus.ACTIVE, AssignmentStatus.NOT_A_FIT, Mover.MEMBER));
        assignment.notAFit(Mover.MEMBER, reason, clock.instant());
        notices.notAFit(assignment);
    }

    /** Staff end an active assignment, or take back an offer, with an optional note. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public void close(Actor staff, long assignmentId, long version, String note) {
        MentorAssignment assignment = Optional.ofNullable(em.find(MentorAssignment.class, assignmentId))
                .orElseThrow(() -> refused("incubation.assignment.gone"));
        if (assignment.getVersion() != version) {
            throw refused("incubation.assignment.changedMeanwhile");
        }
        Instant now = clock.instant();
        if (assignment.getStatus() == AssignmentStatus.OFFERED) {
            assignment.withdraw(note, now);
        } else {
            assignment.end(note, now);
        }
        audit.record(staff, "assignment." + assignment.getStatus().name().toLowerCase(java.util.Locale.ROOT), AUDIT_TYPE,
                String.valueOf(assignment.getVentureId()), "mentor " + assignment.getMentorId());
    }

    /** Offers whose answer time is up, oldest first: what the job works through, one by one. */
    @Allowed(portal = true)
    public List<Long> dueOffers(Instant now) {
        return Rows.list(em.createNativeQuery("select id from mentor_assignment where status = 'OFFERED' and offer_expires_at <= ?1 order by offer_expires_at, id")
                        .setParameter(1, Timestamp.from(now)),
                r -> r.id("id"));
    }

    /** Expires one offer whose time is up, and tells the staff member who made it; nothing when it was answered meanwhile. */
    @Allowed(portal = true)
    public boolean expireOffer(long assignmentId, Instant now) {
        MentorAssignment assignment = em.find(MentorAssignment.class, assignmentId);
        return assignment != null && expire(assignment, now);
    }

    /** The venture's assignments, live first, then the most recent. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public List<Row> ofVenture(long ventureId) {
        return rows("a.venture_id = ?1", ventureId);
    }

    /** The mentor's own assignments, live first: offers to answer and ventures they mentor (ended ones read-only). */
    @Allowed(Role.MENTOR)
    public List<Row> ofMentor(long mentorId) {
        return rows("a.mentor_id = ?1", mentorId);
    }

    /** The assignments of the member's own ventures. */
    @Allowed(Role.ENTREPRENEUR)
    public List<Row> ofMember(long memberId) {
        return rows("a.venture_id in (select venture_id from venture_member where person_id = ?1)", memberId);
    }

    private List<Row> rows(String where, long id) {
        return Rows.list(em.createNativeQuery("""
                                select a.id, a.venture_id, v.name as venture_name, a.mentor_id,
                                       coalesce(nullif(p.display_name, ''), p.username) as mentor_name, a.status, a.starts_on, a.ends_on,
                                       a.offer_expires_at, a.ended_note, a.score, a.version
                                from mentor_assignment a join venture v on v.id = a.venture_id join person p on p.id = a.mentor_id
                                where %s
                                order by a.status not in ('OFFERED', 'ACTIVE'), a.offered_at desc, a.id desc limit 200""".formatted(where))
                        .setParameter(1, id),
                r -> new Row(r.id("id"), r.id("venture_id"), r.text("venture_name"), r.id("mentor_id"), r.text("mentor_name"),
                        r.constant(AssignmentStatus.class, "status"), r.date("starts_on"), r.date("ends_on"), r.instant("offer_expires_at"),
                        r.text("ended_note"), r.optionalInteger("score"), r.id("version")));
    }

    private boolean expire(MentorAssignment assignment, Instant now) {
        if (!assignment.expire(now)) {
            return false;
        }
        notices.expired(assignment);
        return true;
    }

    /** The mentor's own assignment; another's id (or none) is "nothing to act on". */
    private MentorAssignment mentorsOwn(long mentorId, long assignmentId) {
        MentorAssignment assignment = em.find(MentorAssignment.class, assignmentId);
        if (assignment == null || assignment.getMentorId() != mentorId) {
            throw new AssignmentStatus.IllegalMoveException(AssignmentStatus.OFFERED, AssignmentStatus.ACTIVE, Mover.MENTOR);
        }
        return assignment;
    }

    private boolean conflicted(long mentorId, long ventureId) {
        return !em.createNativeQuery("select 1 from mentor_conflict where mentor_id = ?1 and venture_id = ?2")
                .setParameter(1, mentorId)
                .setParameter(2, ventureId)
                .getResultList()
                .isEmpty();
    }

    private static Refused refused(String key) {
        return new Refused(List.of(new Problem(null, key)));
    }
}

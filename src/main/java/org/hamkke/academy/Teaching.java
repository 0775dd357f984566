package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hamkke.academy.EnrolmentStatus.Mover;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.Refused;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.Rows;

/**
 * What an instructor does for the cohorts they teach: their cohorts and next sessions, a session's
 * roll (marking each confirmed learner present, late, excused or absent) and its check-in code,
 * the final assessment, and "complete now". Open to anyone signed in, because instructors are
 * people of the realm (staff, mentors) named on a cohort, not a role: <b>every query here carries
 * the rule "the caller teaches this cohort"</b>, and a cohort, session or enrolment they do not
 * teach is not found, exactly like one that does not exist (the pages answer 404).
 *
 * <p>Saving is stale-safe: a mark or an assessment carries the version the page showed, and one
 * that someone else changed meanwhile (another instructor, the learner's own check-in) is refused
 * with what it is now, never overwritten. Every change is audited.
 */
@Allowed(signedIn = true)
@ApplicationScoped
@Transactional
public class Teaching {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Completer completer;

    @Inject
    CheckInSettings settings;

    /** "The caller (?2) teaches the cohort {@code h}" (with a leading space: a text block ends "and" without its own). */
    private static final String TEACHES = " exists (select 1 from cohort_instructor i where i.cohort_id = h.id and i.person_id = ?2)";

    /** Thrown for a cohort, session or enrolment the caller does not teach, as for one that does not exist: the page answers 404. */
    public static final class NotTeaching extends IllegalArgumentException {
        NotTeaching(String what) {
            super("Not an instructor's " + what);
        }
    }

    /** One of the instructor's cohorts, with its next session (null when none is left). */
    public record TeachingCohort(long cohortId, String courseTitleJson, String label, LocalDate startsOn, LocalDate endsOn, String timeZone,
            long confirmed, long completed, long sessions, Long nextSessionId, String nextTitle, Instant nextStartsAt, Instant nextEndsAt) {}

    /** A cohort as its instructor sees it, with its course's completion rule. */
    public record CohortView(long cohortId, String courseTitleJson, String label, LocalDate startsOn, LocalDate endsOn, String timeZone,
            Delivery delivery, String venue, int minAttendance, boolean finalAssessment) {}

    /** One of the cohort's sessions: how many learners have a mark. */
    public record SessionLine(long sessionId, String title, Instant startsAt, Instant endsAt, String timeZone, long marked) {}

    /**
     * A learner of the cohort (confirmed or completed) as the instructor sees them.
     *
     * @param share           sessions attended of those held so far
     * @param attended        sessions attended of all the cohort's sessions (the rule's count)
     * @param passed          the final assessment: true, false, or null when not recorded
     * @param assessmentVersion the assessment's version as shown, or -1 when none is recorded
     * @param meetsRule       whether the course's rule is met now ({@link Course#isCompletedBy})
     */
    public record Learner(long enrolmentId, long personId, String name, EnrolmentStatus status, AttendanceShare share, int attended,
            Boolean passed, long assessmentVersion, boolean meetsRule) implements java.io.Serializable {}

    /** A session as its instructor sees it, with its code and when the code works. */
    public record SessionView(long sessionId, long cohortId, String courseTitleJson, String cohortLabel, String title, Instant startsAt,
            Instant endsAt, String timeZone, Delivery delivery, String venue, String room, String code, CheckInWindow window) {}

    /**
     * A learner on a session's roll.
     *
     * @param mark    null when not marked
     * @param version the mark's version as shown, or -1 when none
     */
    public record RollLine(long personId, String name, EnrolmentStatus status, Mark mark, long version, boolean checkedIn, Instant markedAt)
            implements java.io.Serializable {}

    /** Whether the person teaches any cohort (the portal shows them the way to their teaching). */
    public boolean teachesAny(long personId) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from cohort_instructor where person_id = ?1)")
                .setParameter(1, personId)
                .getSingleResult();
    }

    /** The cohorts the person teaches: those with a session still to come first, soonest first; then the rest, latest first. */
    public List<TeachingCohort> cohorts(long personId) {
        return Rows.list(em.createNativeQuery("""
                                select h.id, c.title, h.label, h.starts_on, h.ends_on, h.time_zone,
                                       (select count(*) from enrolment e where e.cohort_id = h.id and e.status = 'CONFIRMED') as confirmed,
                                       (select count(*) from enrolment e where e.cohort_id = h.id and e.status = 'COMPLETED') as completed,
                                       (select count(*) from cohort_session s where s.cohort_id = h.id and s.status <> 'CANCELLED') as sessions,
                                       n.id as next_id, n.title as next_title, n.starts_at as next_starts, n.ends_at as next_ends
                                from cohort_instructor i join cohort h on h.id = i.cohort_id join course c on c.id = h.course_id
                                left join lateral (select s.id, s.title, s.starts_at, s.ends_at from cohort_session s
                                                   where s.cohort_id = h.id and s.status <> 'CANCELLED' and s.ends_at > ?2 order by s.starts_at, s.id limit 1) n on true
                                where i.person_id = ?1
                                order by (n.id is null), n.starts_at, h.starts_on desc, h.id desc limit 200""")
                        .setParameter(1, personId)
                        .setParameter(2, Timestamp.from(clock.instant())),
                r -> new TeachingCohort(r.id("id"), r.text("title"), r.text("label"), r.date("starts_on"), r.date("ends_on"), r.text("time_zone"),
                        r.id("confirmed"), r.id("completed"), r.id("sessions"), r.optionalId("next_id"), r.text("next_title"),
                        r.instant("next_starts"), r.instant("next_ends")));
    }

    /** The cohort, when the person teaches it. */
    public Optional<CohortView> cohort(long personId, long cohortId) {
        return Rows.first(em.createNativeQuery("""
                                select h.id, c.title, h.label, h.starts_on, h.ends_on, h.time_zone, h.delivery, h.venue, c.min_attendance,
                                       c.final_assessment
                                from cohort h join course c on c.id = h.course_id where h.id = ?1 and """ + TEACHES)
                        .setParameter(1, cohortId)
                        .setParameter(2, personId),
                r -> new CohortView(r.id("id"), r.text("title"), r.text("label"), r.date("starts_on"), r.date("ends_on"), r.text("time_zone"),
                        r.constant(Delivery.class, "delivery"), r.text("venue"), r.integer("min_attendance"), r.flag("final_assessment")));
    }

    /** The cohort's sessions in time order, each with how many marks it has; empty for a cohort the person does not teach. */
    public List<SessionLine> sessions(long personId, long cohortId) {
        return Rows.list(em.createNativeQuery("""
                                select s.id, s.title, s.starts_at, s.ends_at, h.time_zone,
                                       (select count(*) from attendance a where a.session_id = s.id) as marked
                                from cohort_session s join cohort h on h.id = s.cohort_id
                                where s.cohort_id = ?1 and """ + TEACHES + " order by s.starts_at, s.id")
                        .setParameter(1, cohortId)
                        .setParameter(2, personId),
                r -> new SessionLine(r.id("id"), r.text("title"), r.instant("starts_at"), r.instant("ends_at"), r.text("time_zone"),
                        r.id("marked")));
    }

    /**
     * The cohort's confirmed and completed learners by name, with their attendance, assessment and
     * whether they meet the course's rule now; empty for a cohort the person does not teach. Two
     * statements whatever the number of learners.
     */
    public List<Learner> learners(long personId, long cohortId) {
        Cohort cohort = em.find(Cohort.class, cohortId);
        if (cohort == null) {
            return List.of();
        }
        Course course = cohort.getCourse();
        Instant now = clock.instant();
        return Rows.list(em.createNativeQuery("""
                                with sessions as (select s.id, s.starts_at <= ?3 as held from cohort_session s where s.cohort_id = ?1 and s.status <> 'CANCELLED'),
                                     marks as (select a.person_id, count(*) filter (where a.mark <> 'ABSENT') as attended,
                                                      count(*) filter (where a.mark <> 'ABSENT' and x.held) as attended_held
                                               from attendance a join sessions x on x.id = a.session_id group by a.person_id)
                                select e.id, e.person_id, coalesce(nullif(p.display_name, ''), p.username) as name, e.status,
                                       coalesce(m.attended, 0) as attended, coalesce(m.attended_held, 0) as attended_held,
                                       (select count(*) from sessions) as sessions, (select count(*) from sessions where held) as held,
                                       f.passed, coalesce(f.version, -1) as assessment_version
                                from enrolment e join cohort h on h.id = e.cohort_id join person p on p.id = e.person_id
                                left join marks m on m.person_id = e.person_id
                                left join final_assessment f on f.enrolment_id = e.id
                                where e.cohort_id = ?1 and e.status in ('CONFIRMED', 'COMPLETED') and """ + TEACHES
                                + " order by lower(coalesce(nullif(p.display_name, ''), p.username)), e.id")
                        .setParameter(1, cohortId)
                        .setParameter(2, personId)
                        .setParameter(3, Timestamp.from(now)),
                r -> {
                    Object passed = r.raw("passed");
                    boolean hasPassed = Boolean.TRUE.equals(passed);
                    return new Learner(r.id("id"), r.id("person_id"), r.text("name"), r.constant(EnrolmentStatus.class, "status"),
                            new AttendanceShare(r.integer("attended_held"), r.integer("held")), r.integer("attended"),
                            passed == null ? null : hasPassed, r.id("assessment_version"),
                            course.isCompletedBy(r.integer("attended"), r.integer("sessions"), hasPassed));
                });
    }

    /** The session, with its check-in code, when the person teaches its cohort. */
    public Optional<SessionView> session(long personId, long sessionId) {
        return Rows.first(em.createNativeQuery("""
                                select s.id, s.cohort_id, c.title as course_title, h.label, s.title, s.starts_at, s.ends_at, h.time_zone,
                                       h.delivery, h.venue, h.room, k.code
                                from cohort_session s join cohort h on h.id = s.cohort_id join course c on c.id = h.course_id
                                left join session_check_in k on k.session_id = s.id
                                where s.id = ?1 and """ + TEACHES)
                        .setParameter(1, sessionId)
                        .setParameter(2, personId),
                r -> new SessionView(r.id("id"), r.id("cohort_id"), r.text("course_title"), r.text("label"), r.text("title"),
                        r.instant("starts_at"), r.instant("ends_at"), r.text("time_zone"), r.constant(Delivery.class, "delivery"),
                        r.text("venue"), r.text("room"), r.text("code"), settings.window(r.instant("starts_at"), r.instant("ends_at"))));
    }

    /** The session's roll: the cohort's confirmed and completed learners by name, with their marks; empty when the person does not teach it. */
    public List<RollLine> roll(long personId, long sessionId) {
        return Rows.list(em.createNativeQuery("""
                                select e.person_id, coalesce(nullif(p.display_name, ''), p.username) as name, e.status, a.mark,
                                       coalesce(a.version, -1) as version, a.via, a.marked_at
                                from cohort_session s join cohort h on h.id = s.cohort_id
                                join enrolment e on e.cohort_id = h.id and e.status in ('CONFIRMED', 'COMPLETED')
                                join person p on p.id = e.person_id
                                left join attendance a on a.session_id = s.id and a.person_id = e.person_id
                                where s.id = ?1 and """ + TEACHES
                                + " order by lower(coalesce(nullif(p.display_name, ''), p.username)), e.id")
                        .setParameter(1, sessionId)
                        .setParameter(2, personId),
                r -> new RollLine(r.id("person_id"), r.text("name"), r.constant(EnrolmentStatus.class, "status"), r.constant(Mark.class, "mark"),
                        r.id("version"), "CHECK_IN".equals(r.text("via")), r.instant("marked_at")));
    }

    private record Target(long cohortId, Instant startsAt, Instant endsAt, boolean enrolled, Mark mark, long version) {}

    /**
     * The instructor marks a learner of the session, at once. Saving the mark already there changes nothing.
     *
     * @param seenVersion the version of the learner's mark the page showed, -1 for none
     * @throws NotTeaching for a session the person does not teach (or none)
     * @throws Refused "teach.mark.notEnrolled" (no longer confirmed), "teach.mark.notYet" (only excused before
     *     the session), "teach.mark.changedMeanwhile" with the mark as it is now (someone marked meanwhile; nothing saved)
     */
    public void mark(Actor actor, long sessionId, long learnerId, Mark mark, long seenVersion) {
        Target t = Rows.first(em.createNativeQuery("""
                                select s.cohort_id, s.starts_at, s.ends_at, a.mark, coalesce(a.version, -1) as version,
                                       exists (select 1 from enrolment e where e.cohort_id = h.id and e.person_id = ?3
                                               and e.status in ('CONFIRMED', 'COMPLETED')) as enrolled
                                from cohort_session s join cohort h on h.id = s.cohort_id
                                left join attendance a on a.session_id = s.id and a.person_id = ?3
                                where s.id = ?1 and """ + TEACHES)
                        .setParameter(1, sessionId)
                        .setParameter(2, actor.personId())
                        .setParameter(3, learnerId),
                r -> new Target(r.id("cohort_id"), r.instant("starts_at"), r.instant("ends_at"), r.flag("enrolled"),
                        r.constant(Mark.class, "mark"), r.id("version")))
                .orElseThrow(() -> new NotTeaching("session"));
        Instant now = clock.instant();
        if (!t.enrolled()) {
            throw new Refused("teach.mark.notEnrolled");
        }
        if (!mark.mayGiveAt(now, settings.window(t.startsAt(), t.endsAt()))) {
            throw new Refused("teach.mark.notYet");
        }
        if (t.version() != seenVersion) {
            throw new Refused("teach.mark.changedMeanwhile", t.mark() == null ? null : t.mark().name());
        }
        if (mark == t.mark()) {
            return;
        }
        // The version seen is the statement's condition too: a mark written between the read and here is not overwritten.
        int written = t.mark() == null
                ? em.createNativeQuery("""
                                insert into attendance (session_id, person_id, mark, marked_at, marked_by, via) values (?1, ?2, ?3, ?4, ?5, 'ROLL')
                                on conflict (session_id, person_id) do nothing""")
                        .setParameter(1, sessionId).setParameter(2, learnerId).setParameter(3, mark.name())
                        .setParameter(4, Timestamp.from(now)).setParameter(5, actor.personId())
                        .executeUpdate()
                : em.createNativeQuery("""
                                update attendance set mark = ?3, marked_at = ?4, marked_by = ?5, via = 'ROLL', version = version + 1
                                where session_id = ?1 and person_id = ?2 and version = ?6""")
                        .setParameter(1, sessionId).setParameter(2, learnerId).setParameter(3, mark.name())
                        .setParameter(4, Timestamp.from(now)).setParameter(5, actor.personId()).setParameter(6, seenVersion)
                        .executeUpdate();
        if (written == 0) {
            throw new Refused("teach.mark.changedMeanwhile", null);
        }
        audit.record(actor, "attendance.mark", Cohorts.AUDIT_TYPE, String.valueOf(t.cohortId()),
                "session " + sessionId + ", person " + learnerId + ": " + (t.mark() == null ? "none" : t.mark()) + " -> " + mark);
    }

    private record Assessed(long cohortId, EnrolmentStatus status, boolean required, Boolean passed, long version) {}

    /**
     * The instructor records whether a learner passed the course's final assessment.
     *
     * @param seenVersion the assessment's version the page showed, -1 for none
     * @throws NotTeaching for an enrolment of a cohort the person does not teach (or none)
     * @throws Refused "teach.assessment.notRequired", "teach.assessment.final" (the learner completed already),
     *     "teach.assessment.changedMeanwhile"
     */
    public void assess(Actor actor, long cohortId, long enrolmentId, boolean passed, long seenVersion) {
        Assessed a = Rows.first(em.createNativeQuery("""
                                select h.id, e.status, c.final_assessment, f.passed, coalesce(f.version, -1) as version
                                from enrolment e join cohort h on h.id = e.cohort_id join course c on c.id = h.course_id
                                left join final_assessment f on f.enrolment_id = e.id
                                where e.id = ?1 and h.id = ?3 and e.status in ('CONFIRMED', 'COMPLETED') and """ + TEACHES)
                        .setParameter(1, enrolmentId)
                        .setParameter(2, actor.personId())
                        .setParameter(3, cohortId),
                r -> new Assessed(r.id("id"), r.constant(EnrolmentStatus.class, "status"), r.flag("final_assessment"),
                        r.raw("passed") == null ? null : r.flag("passed"), r.id("version")))
                .orElseThrow(() -> new NotTeaching("enrolment"));
        if (!a.required()) {
            throw new Refused("teach.assessment.notRequired");
        }
        if (a.status() == EnrolmentStatus.COMPLETED) {
            throw new Refused("teach.assessment.final");
        }
        if (a.version() != seenVersion) {
            throw new Refused("teach.assessment.changedMeanwhile");
        }
        if (a.passed() != null && a.passed() == passed) {
            return;
        }
        Instant now = clock.instant();
        int written = a.passed() == null
                ? em.createNativeQuery("""
                                insert into final_assessment (enrolment_id, passed, recorded_at, recorded_by) values (?1, ?2, ?3, ?4)
                                on conflict (enrolment_id) do nothing""")
                        .setParameter(1, enrolmentId).setParameter(2, passed).setParameter(3, Timestamp.from(now))
                        .setParameter(4, actor.personId())
                        .executeUpdate()
                : em.createNativeQuery("""
                                update final_assessment set passed = ?2, recorded_at = ?3, recorded_by = ?4, version = version + 1
                                where enrolment_id = ?1 and version = ?5""")
                        .setParameter(1, enrolmentId).setParameter(2, passed).setParameter(3, Timestamp.from(now))
                        .setParameter(4, actor.personId()).setParameter(5, seenVersion)
                        .executeUpdate();
        if (written == 0) {
            throw new Refused("teach.assessment.changedMeanwhile");
        }
        audit.record(actor, "assessment.record", Cohorts.AUDIT_TYPE, String.valueOf(a.cohortId()),
                "enrolment " + enrolmentId + ": " + (a.passed() == null ? "none" : a.passed() ? "passed" : "not passed") + " -> "
                        + (passed ? "passed" : "not passed"));
    }

    /**
     * The instructor completes, now, the cohort's confirmed learners who meet the course's rule
     * ({@link Completer}); the others stay confirmed.
     *
     * @return how many were completed
     * @throws NotTeaching for a cohort the person does not teach (or none)
     */
    public int completeNow(Actor actor, long cohortId) {
        if (cohort(actor.personId(), cohortId).isEmpty()) {
            throw new NotTeaching("cohort");
        }
        List<Long> done = completer.complete(cohortId, Mover.STAFF, clock.instant(), false);
        audit.record(actor, "cohort.complete", Cohorts.AUDIT_TYPE, String.valueOf(cohortId), done.size() + " completed by an instructor");
        return done.size();
    }
}

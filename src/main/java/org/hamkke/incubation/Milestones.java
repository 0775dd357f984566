package org.hamkke.incubation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.Refused;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.DatabaseRefusal;
import org.hamkke.shared.db.Rows;

/**
 * Ventures' milestone plans, evidence and grades. Staff apply a programme's templates to a venture
 * (its plan, due from the start of its incubation), add, move and drop milestones with a reason;
 * members submit evidence for their own venture's open milestones; the mentor assigned now grades
 * the latest submission against the rubric and corrects a grade by a new version.
 *
 * <p><b>Who sees what</b> is decided in the queries, keyed on the caller's person id: a member
 * finds only the ventures they are a member of; a mentor the ventures they mentor or mentored
 * (an accepted assignment, active or ended: read-only once it ended), and grades only with an
 * active one; staff all. Another person's ids find nothing, which pages answer with 404.
 *
 * <p><b>At once.</b> Every change to a milestone's evidence or grades also increments the
 * milestone's version, and each action carries the version its page showed: two mentors grading
 * the same submission, the second is refused ("changed meanwhile") and nothing is overwritten.
 */
@ApplicationScoped
@Transactional
public class Milestones {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    IncubationNotices notices;

    /** How long before its due date a milestone counts as due soon (MicroProfile Config). */
    @Inject
    @ConfigProperty(name = "hamkke.incubation.due-soon", defaultValue = "P3D")
    Period dueSoon;

    /** Days are the portal's (people have no zone of their own yet). */
    @Inject
    @ConfigProperty(name = "hamkke.time-zone", defaultValue = "UTC")
    String zone;

    /** A venture as the milestone pages name it. */
    public record VentureRef(long id, String name, long callId) {}

    /** A submission and its grades, first version first. */
    public record Attempt(Submission submission, List<Grade> grades) {
        public Optional<Grade> latestGrade() {
            return grades.isEmpty() ? Optional.empty() : Optional.of(grades.getLast());
        }
    }

    /** A milestone and its history: every submission, newest first, each with every grade version. */
    public record Entry(Milestone milestone, List<Attempt> attempts) {
        public Optional<Attempt> latest() {
            return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getFirst());
        }
    }

    /**
     * A venture's plan as a page shows it.
     *
     * @param people the names of those who submitted and graded, by person id
     */
    public record Plan(VentureRef venture, List<Entry> entries, Health health, Map<Long, String> people) {}

    /** One milestone for its mentor: its venture, history, and whether they may grade it now (an active assignment). */
    public record Grading(VentureRef venture, Entry entry, boolean mayGrade, Map<Long, String> people) {}

    /** A milestone waiting for the mentor's grade, since the first evidence sent after its last grade. */
    public record Waiting(long milestoneId, String titleJson, long ventureId, String ventureName, int submission, Instant waitingSince,
            LocalDate dueOn) {}

    // ---- staff ----

    @Allowed({Role.STAFF, Role.ADMIN})
    public Optional<Plan> planForStaff(long ventureId) {
        return venture("v.id = ?1", ventureId, 0).map(this::plan);
    }

    /**
     * Applies the programme's templates to the venture: one milestone for each template not
     * applied yet, due its offset after the incubation's start ({@link Milestone#incubationStart}).
     *
     * @return how many were added (0 when all were applied before)
     */
    @Allowed({Role.STAFF, Role.ADMIN})
    public int applyTemplates(Actor staff, long ventureId) {
        VentureRef venture = venture("v.id = ?1", ventureId, 0).orElseThrow(() -> new Refused("milestone.ventureGone"));
        List<MilestoneTemplate> templates = em.createQuery("select t from MilestoneTemplate t where t.callId = :call order by t.position",
                        MilestoneTemplate.class)
                .setParameter("call", venture.callId())
                .getResultList();
        Set<Long> applied = new HashSet<>(em.createQuery(
                        "select m.templateId from Milestone m where m.ventureId = :v and m.templateId is not null", Long.class)
                .setParameter("v", ventureId)
                .getResultList());
        List<Milestone> added = Milestone.plan(ventureId, templates, applied, incubationStart(ventureId), clock.instant());
        try {
            added.forEach(em::persist);
            em.flush();
        } catch (RuntimeException e) {
            if (DatabaseRefusal.by(e, "milestone_from_template")) {
                throw new Refused("milestone.changedMeanwhile");
            }
            throw e;
        }
        if (!added.isEmpty()) {
            audit.record(staff, "milestone.plan", Assignments.AUDIT_TYPE, String.valueOf(ventureId), added.size() + " from templates");
        }
        return added.size();
    }

    /** Staff add a milestone of their own, after the others. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public long add(Actor staff, long ventureId, String language, String title, String description, LocalDate dueOn) {
        venture("v.id = ?1", ventureId, 0).orElseThrow(() -> new Refused("milestone.ventureGone"));
        Integer last = em.createQuery("select max(m.position) from Milestone m where m.ventureId = :v", Integer.class)
                .setParameter("v", ventureId)
                .getSingleResult();
        Milestone milestone = Milestone.add(ventureId, last == null ? 1 : last + 1, language, title, description, dueOn, clock.instant());
        em.persist(milestone);
        em.flush();
        audit.record(staff, "milestone.add", Assignments.AUDIT_TYPE, String.valueOf(ventureId), "milestone " + milestone.getId() + " due " + dueOn);
        return milestone.getId();
    }

    /** Staff give a milestone a new due date, with a reason. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public void move(Actor staff, long milestoneId, long version, LocalDate dueOn, String reason) {
        Milestone milestone = current(milestoneId, version);
        LocalDate was = milestone.getDueOn();
        milestone.move(dueOn, reason);
        audit.record(staff, "milestone.move", Assignments.AUDIT_TYPE, String.valueOf(milestone.getVentureId()),
                "milestone " + milestoneId + " from " + was + " to " + dueOn + ": " + milestone.getReason());
    }

    /** Staff drop a milestone from the plan, with a reason; its evidence and grades are kept. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public void drop(Actor staff, long milestoneId, long version, String reason) {
        Milestone milestone = current(milestoneId, version);
        milestone.drop(reason);
        audit.record(staff, "milestone.drop", Assignments.AUDIT_TYPE, String.valueOf(milestone.getVentureId()),
                "milestone " + milestoneId + ": " + milestone.getReason());
    }

    /** How each venture's plan stands today, in one statement whatever the number of ventures; a venture without a plan has all zeros. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public Map<Long, Health> health(Collection<Long> ventureIds) {
        LocalDate today = today();
        Map<Long, Health.Tally> tallies = new LinkedHashMap<>();
        ventureIds.forEach(id -> tallies.put(id, new Health.Tally(id, today, dueSoon)));
        if (!ventureIds.isEmpty()) {
            String ids = ventureIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
            Rows.list(em.createNativeQuery("""
                                    select venture_id, status, due_on, count(*) as n from milestone
                                    where venture_id = any(cast(?1 as bigint[])) group by venture_id, status, due_on""")
                            .setParameter(1, ids),
                    r -> tallies.get(r.id("venture_id")).add(r.constant(MilestoneStatus.class, "status"), r.date("due_on"), r.integer("n")));
        }
        Map<Long, Health> health = new LinkedHashMap<>();
        tallies.forEach((id, tally) -> health.put(id, tally.health()));
        return health;
    }

    // ---- members ----

    /** The member's own ventures, by name. */
    @Allowed(Role.ENTREPRENEUR)
    public List<VentureRef> venturesOfMember(long memberId) {
        return Rows.list(em.createNativeQuery(VENTURE + " where exists (select 1 from venture_member vm where vm.venture_id = v.id "
                + "and vm.person_id = ?1) order by v.name, v.id").setParameter(1, memberId), Milestones::ref);
    }

    /** The plan of one of the member's own ventures; another venture finds nothing. */
    @Allowed(Role.ENTREPRENEUR)
    public Optional<Plan> planForMember(long memberId, long ventureId) {
        return venture("v.id = ?1 and exists (select 1 from venture_member vm where vm.venture_id = v.id and vm.person_id = ?2)", ventureId,
                memberId).map(this::plan);
    }

    /**
     * A member submits evidence for an open milestone of their own venture; its mentors are told.
     *
     * @throws Refused the evidence's problems ({@link Evidence#of}); "milestone.closed" when it is
     *     passed or dropped; "milestone.changedMeanwhile" when the page showed an older state
     */
    @Allowed(Role.ENTREPRENEUR)
    public long submit(long memberId, long milestoneId, long version, String text, String links) {
        Milestone milestone = reachable(milestoneId, MEMBER_OF_MILESTONE, memberId).orElseThrow(() -> new Refused("milestone.gone"));
        Evidence evidence = Evidence.of(text, links);
        if (!milestone.getStatus().takesEvidence()) {
            throw new Refused("milestone.closed");
        }
        if (milestone.getVersion() != version) {
            throw new Refused("milestone.changedMeanwhile");
        }
        long earlier = em.createQuery("select count(s) from Submission s where s.milestoneId = :m", Long.class)
                .setParameter("m", milestoneId)
                .getSingleResult();
        Submission submission = milestone.submit((int) earlier, memberId, evidence, clock.instant());
        em.lock(milestone, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        try {
            em.persist(submission);
            em.flush();
        } catch (RuntimeException e) {
            if (DatabaseRefusal.by(e, "milestone_open")) {
                throw new Refused("milestone.closed");
            }
            if (DatabaseRefusal.by(e, "milestone_submission_milestone_id_number_key")) {
                throw new Refused("milestone.changedMeanwhile");
            }
            throw e;
        }
        notices.submitted(milestone, submission);
        return submission.getId();
    }

    // ---- mentors ----

    /** A milestone of a venture the mentor mentors or mentored, with whether they may grade it now. */
    @Allowed(Role.MENTOR)
    public Optional<Grading> grading(long mentorId, long milestoneId) {
        Optional<Milestone> found = reachable(milestoneId, MENTORED_MILESTONE, mentorId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Milestone milestone = found.get();
        VentureRef venture = venture("v.id = ?1", milestone.getVentureId(), 0).orElseThrow();
        List<Entry> entries = entries(List.of(milestone));
        boolean mayGrade = reachable(milestoneId, ASSIGNED_MILESTONE, mentorId).isPresent();
        return Optional.of(new Grading(venture, entries.getFirst(), mayGrade, people(entries)));
    }

    /** The plan of a venture the mentor mentors or mentored (read-only once their assignment ended). */
    @Allowed(Role.MENTOR)
    public Optional<Plan> planForMentor(long mentorId, long ventureId) {
        return venture("v.id = ?1 and exists (select 1 from mentor_assignment a where a.venture_id = v.id and a.mentor_id = ?2 "
                + "and a.status in ('ACTIVE', 'ENDED', 'NOT_A_FIT'))", ventureId, mentorId).map(this::plan);
    }

    /**
     * The mentor assigned to the venture now grades the milestone's latest submission; the
     * members are told.
     *
     * @throws Refused the rubric's problems, "milestone.grade.notYours" without an active
     *     assignment, "milestone.changedMeanwhile" when another grade or evidence came first
     */
    @Allowed(Role.MENTOR)
    public long grade(long mentorId, long milestoneId, long version, Grade.Marks marks) {
        return publish(mentorId, milestoneId, version, (milestone, latest) -> milestone.grade(latest.submission(), latest.grades(), mentorId,
                marks, clock.instant()));
    }

    /**
     * The mentor corrects the latest submission's grade: a new version with the reason; the
     * earlier versions are kept and shown; the members are told.
     */
    @Allowed(Role.MENTOR)
    public long correct(long mentorId, long milestoneId, long version, Grade.Marks marks, String reason) {
        return publish(mentorId, milestoneId, version, (milestone, latest) -> milestone.correct(latest.submission(), latest.grades(), mentorId,
                marks, reason, clock.instant()));
    }

    /** The milestones of the mentor's ventures waiting for a grade, the longest waiting first. */
    @Allowed(Role.MENTOR)
    public List<Waiting> gradingQueue(long mentorId) {
        return Rows.list(em.createNativeQuery("""
                                select m.id, m.title, m.due_on, v.id as venture_id, v.name as venture_name,
                                       (select max(s.number) from milestone_submission s where s.milestone_id = m.id) as submission,
                                       (select min(s.submitted_at) from milestone_submission s where s.milestone_id = m.id
                                          and not exists (select 1 from milestone_submission later join milestone_grade g on g.submission_id = later.id
                                                          where later.milestone_id = m.id and later.number >= s.number)) as waiting_since
                                from milestone m join venture v on v.id = m.venture_id
                                where m.status = 'SUBMITTED' and exists (select 1 from mentor_assignment a where a.venture_id = m.venture_id
                                                                         and a.mentor_id = ?1 and a.status = 'ACTIVE')
                                order by waiting_since, m.id limit 500""")
                        .setParameter(1, mentorId),
                r -> new Waiting(r.id("id"), r.text("title"), r.id("venture_id"), r.text("venture_name"), r.integer("submission"),
                        r.instant("waiting_since"), r.date("due_on")));
    }

    // ---- the parts ----

    private interface Publishing {
        Grade grade(Milestone milestone, Attempt latest);
    }

    private long publish(long mentorId, long milestoneId, long version, Publishing publishing) {
        Milestone milestone = reachable(milestoneId, ASSIGNED_MILESTONE, mentorId).orElseThrow(() -> new Refused("milestone.grade.notYours"));
        if (milestone.getVersion() != version) {
            throw new Refused("milestone.changedMeanwhile");
        }
        Attempt latest = entries(List.of(milestone)).getFirst().latest().orElseThrow(() -> new Refused("milestone.changedMeanwhile"));
        Grade grade = publishing.grade(milestone, latest);
        em.lock(milestone, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        try {
            em.persist(grade);
            em.flush();
        } catch (RuntimeException e) {
            if (DatabaseRefusal.by(e, "milestone_grade_submission_id_version_key")) {
                throw new Refused("milestone.changedMeanwhile");
            }
            throw e;
        }
        notices.graded(milestone, grade);
        return grade.getId();
    }

    private static final String VENTURE = "select v.id, v.name, a.call_id from venture v join application a on a.id = v.application_id";
    private static final String MEMBER_OF_MILESTONE = "exists (select 1 from venture_member vm where vm.venture_id = m.venture_id and vm.person_id = ?2)";
    private static final String MENTORED_MILESTONE = "exists (select 1 from mentor_assignment a where a.venture_id = m.venture_id "
            + "and a.mentor_id = ?2 and a.status in ('ACTIVE', 'ENDED', 'NOT_A_FIT'))";
    private static final String ASSIGNED_MILESTONE = "exists (select 1 from mentor_assignment a where a.venture_id = m.venture_id "
            + "and a.mentor_id = ?2 and a.status = 'ACTIVE')";

    private Optional<VentureRef> venture(String where, long ventureId, long personId) {
        var query = em.createNativeQuery(VENTURE + " where " + where).setParameter(1, ventureId);
        if (where.contains("?2")) {
            query.setParameter(2, personId);
        }
        return Rows.first(query, Milestones::ref);
    }

    private static VentureRef ref(Rows.Row r) {
        return new VentureRef(r.id("id"), r.text("name"), r.id("call_id"));
    }

    /** The milestone when the person may reach it by the rule (membership, mentoring); another's finds nothing. */
    private Optional<Milestone> reachable(long milestoneId, String rule, long personId) {
        return Rows.first(em.createNativeQuery("select m.id from milestone m where m.id = ?1 and " + rule)
                                .setParameter(1, milestoneId)
                                .setParameter(2, personId),
                        r -> r.id("id"))
                .map(id -> em.find(Milestone.class, id));
    }

    /** A milestone staff act on, as the page showed it. */
    private Milestone current(long milestoneId, long version) {
        Milestone milestone = Optional.ofNullable(em.find(Milestone.class, milestoneId)).orElseThrow(() -> new Refused("milestone.gone"));
        if (milestone.getVersion() != version) {
            throw new Refused("milestone.changedMeanwhile");
        }
        return milestone;
    }

    private Plan plan(VentureRef venture) {
        List<Milestone> milestones = em.createQuery("select m from Milestone m where m.ventureId = :v order by m.dueOn, m.position, m.id",
                        Milestone.class)
                .setParameter("v", venture.id())
                .getResultList();
        List<Entry> entries = entries(milestones);
        return new Plan(venture, entries, health(List.of(venture.id())).get(venture.id()), people(entries));
    }

    /** The milestones with their submissions and grades: two statements whatever their number. */
    private List<Entry> entries(List<Milestone> milestones) {
        if (milestones.isEmpty()) {
            return List.of();
        }
        List<Long> ids = milestones.stream().map(Milestone::getId).toList();
        List<Submission> submissions = em.createQuery("select s from Submission s where s.milestoneId in :ids order by s.number desc",
                        Submission.class)
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, List<Grade>> grades = submissions.isEmpty() ? Map.of() : em.createQuery("""
                        select g from Grade g where g.submissionId in
                          (select s.id from Submission s where s.milestoneId in :ids) order by g.version""", Grade.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(Grade::getSubmissionId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<Attempt>> attempts = submissions.stream()
                .collect(Collectors.groupingBy(Submission::getMilestoneId, LinkedHashMap::new,
                        Collectors.mapping(s -> new Attempt(s, grades.getOrDefault(s.getId(), List.of())), Collectors.toList())));
        return milestones.stream().map(m -> new Entry(m, attempts.getOrDefault(m.getId(), List.of()))).toList();
    }

    /** The names of those who submitted and graded, in one statement. */
    private Map<Long, String> people(List<Entry> entries) {
        Set<Long> ids = new HashSet<>();
        entries.forEach(e -> e.attempts().forEach(a -> {
            ids.add(a.submission().getSubmittedBy());
            a.grades().forEach(g -> ids.add(g.getGraderId()));
        }));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new LinkedHashMap<>();
        Rows.list(em.createNativeQuery("select id, coalesce(nullif(display_name, ''), username) as name from person where id = any(cast(?1 as bigint[]))")
                        .setParameter(1, ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"))),
                r -> names.put(r.id("id"), r.text("name")));
        return names;
    }

    private LocalDate incubationStart(long ventureId) {
        List<LocalDate> starts = Rows.list(em.createNativeQuery(
                                "select starts_on from mentor_assignment where venture_id = ?1 and status in ('ACTIVE', 'ENDED')")
                        .setParameter(1, ventureId),
                r -> r.date("starts_on"));
        LocalDate created = Rows.first(em.createNativeQuery("select created_at from venture where id = ?1").setParameter(1, ventureId),
                        r -> r.instant("created_at"))
                .map(at -> at.atZone(ZoneId.of(zone)).toLocalDate())
                .orElseThrow();
        return Milestone.incubationStart(starts, created);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(zone)));
    }
}

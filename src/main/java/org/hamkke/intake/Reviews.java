package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.JsonObjects;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;

/**
 * Review: staff assign reviewers; a reviewer declares a conflict of interest (or none) before
 * seeing anything, scores each criterion of the call's rubric with a comment, saves a draft and
 * submits. Every reviewer-facing method takes the reviewer's id and checks the assignment, the
 * declaration and every other conflict ({@link Conflicts}) inside its query, so no page or API can
 * show an application to someone not assigned, to its applicant or a co-member, or to someone who
 * declared a conflict; a withdrawn application is closed to its reviewers. With blind review,
 * names, members and file names are never sent.
 */
/** Staff manage reviews; a reviewer's own methods say so, and their queries keep each reviewer to their assignments. */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class Reviews {

    @Inject
    EntityManager em;


    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Conflicts conflicts;

    /** Not assigned, conflicted, or no such application: the same answer for all three. */
    public static final class NotAvailable extends RuntimeException {
        NotAvailable() {
            super("Not available to this reviewer");
        }
    }

    /** A submitted review is final; staff reopen it, reviewers cannot change it. */
    public static final class AlreadySubmitted extends RuntimeException {
        AlreadySubmitted() {
            super("Review already submitted");
        }
    }

    /** A rubric criterion as reviewers score it, with its score bands ("0-1 weak") to guide them. */
    public record Criterion(String key, String labelJson, String guidanceJson, double weight, int maxScore, List<ScoreBand> bands) {}

    public record Assignment(long applicationId, String callTitleJson, String conflict, String reviewStatus) {}

    /** What a reviewer sees of an application; name and members are null under blind review, file names neutral. */
    public record Sheet(
            long applicationId, String callTitleJson, boolean blind, String name, String kind, String sector, String region,
            List<String> members, List<AnswerSheet.Answer> answers, List<Criterion> rubric, Map<String, Integer> scores,
            Map<String, String> comments, boolean submitted) {}

    public record Reviewer(long id, String name) {}

    /** People with the reviewer role at their last sign-in. */
    public List<Reviewer> reviewers() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select p.id, coalesce(nullif(p.display_name, ''), p.username) from person p
                        join person_role r on r.person_id = p.id and r.role = 'reviewer'
                        order by 2, 1
                        """)
                .getResultList();
        return rows.stream().map(r -> new Reviewer(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /**
     * Assigns one reviewer by hand.
     *
     * @throws Conflicts.Conflicted when the staff member conflicts with the application (they may
     *     not choose its reviewers), or the reviewer does (the reason says which and why)
     * @throws IllegalArgumentException when the person is not a reviewer
     */
    public void assign(Actor staff, long applicationId, long reviewerId) {
        if (reviewers().stream().noneMatch(r -> r.id() == reviewerId)) {
            throw new IllegalArgumentException("Person " + reviewerId + " is not a reviewer");
        }
        conflicts.require(staff.personId(), applicationId);
        conflicts.require(reviewerId, applicationId);
        insertAssignment(staff, applicationId, reviewerId);
    }

    /** Adds the assignment; the conflict rule is in the statement too, so nothing can slip past it. */
    private int insertAssignment(Actor staff, long applicationId, long reviewerId) {
        int added = em.createNativeQuery(
                        """
                        insert into review_assignment (application_id, reviewer_id, assigned_at, assigned_by)
                        select ?1, ?2, ?3, ?4 from application a
                        where a.id = ?1 and a.stage is not null and a.stage <> 'WITHDRAWN' and not %s
                        on conflict (application_id, reviewer_id) do nothing
                        """.formatted(Conflicts.conflicted("?2", "a")))
                .setParameter(1, applicationId)
                .setParameter(2, reviewerId)
                .setParameter(3, Timestamp.from(clock.instant()))
                .setParameter(4, staff.personId())
                .executeUpdate();
        if (added == 1) {
            audit.record(staff, "review.assign", "application", String.valueOf(applicationId), "reviewer " + reviewerId);
        }
        return added;
    }

    /**
     * Gives every application in review {@code perApplication} reviewers, balancing the load and
     * passing over everyone who conflicts with an application (its applicant, co-members, anyone
     * who declared a conflict with it).
     *
     * @return how many assignments were added (rows written)
     */
    public int autoAssign(Actor staff, long callId, int perApplication) {
        return autoAssign(staff, callId, perApplication, null);
    }

    /** As {@link #autoAssign(Actor, long, int)}, for the chosen applications only (null: all). */
    public int autoAssign(Actor staff, long callId, int perApplication, Set<Long> only) {
        @SuppressWarnings("unchecked")
        List<Object> applications = em.createNativeQuery(
                        "select id from application where call_id = ?1 and stage = 'IN_REVIEW' order by submitted_at, id")
                .setParameter(1, callId)
                .getResultList();
        List<Long> appIds = applications.stream().map(o -> ((Number) o).longValue())
                .filter(id -> only == null || only.contains(id)).toList();
        List<Long> reviewerIds = reviewers().stream().map(Reviewer::id).toList();
        Map<Long, Integer> load = new HashMap<>();
        Map<Long, Set<Long>> onIt = new HashMap<>();
        Map<Long, Integer> active = new HashMap<>();
        // The call's assignments only: a reviewer's load is the work this call's deadline asks of
        // them. A declared conflict is no work, and its reviewer is never put on that application again.
        @SuppressWarnings("unchecked")
        List<Object[]> existing = em.createNativeQuery(
                        """
                        select ra.application_id, ra.reviewer_id, ra.conflict from review_assignment ra
                        join application a on a.id = ra.application_id where a.call_id = ?1
                        """)
                .setParameter(1, callId)
                .getResultList();
        for (Object[] row : existing) {
            long app = ((Number) row[0]).longValue();
            long reviewer = ((Number) row[1]).longValue();
            onIt.computeIfAbsent(app, a -> new HashSet<>()).add(reviewer);
            if (!"CONFLICT".equals(row[2])) {
                load.merge(reviewer, 1, Integer::sum);
                active.merge(app, 1, Integer::sum);
            }
        }
        conflicts.inCall(callId).forEach((app, people) -> onIt.computeIfAbsent(app, a -> new HashSet<>()).addAll(people));
        int count = 0;
        // The balance only ever picks from reviewerIds: no need to check each one again.
        for (var entry : ReviewerBalance.assign(appIds, reviewerIds, load, onIt, perApplication, active).entrySet()) {
            for (Long reviewer : entry.getValue()) {
                count += insertAssignment(staff, entry.getKey(), reviewer);
            }
        }
        return count;
    }

    @Allowed(Role.REVIEWER)
    public List<Assignment> assignmentsOf(long reviewerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select a.id, c.title::text, ra.conflict, coalesce(r.status, 'NONE')
                        from review_assignment ra join application a on a.id = ra.application_id
                        join programme_call c on c.id = a.call_id left join review r on r.assignment_id = ra.id
                        where ra.reviewer_id = ?1 and a.stage <> 'WITHDRAWN' and not %s
                        order by ra.assigned_at, a.id
                        """.formatted(Conflicts.conflicted("ra.reviewer_id", "a")))
                .setParameter(1, reviewerId)
                .getResultList();
        return rows.stream()
                .map(r -> new Assignment(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    /** The reviewer's declaration; a conflict is final and shuts the application to them for good. */
    @Allowed(Role.REVIEWER)
    public void declare(Actor reviewer, long applicationId, boolean conflict) {
        int changed = em.createNativeQuery(
                        """
                        update review_assignment ra set conflict = ?3, declared_at = ?4
                        from application a
                        where a.id = ra.application_id and ra.application_id = ?1 and ra.reviewer_id = ?2
                          and ra.conflict = 'UNDECLARED' and %s
                        """.formatted(OPEN_TO_REVIEWER))
                .setParameter(1, applicationId)
                .setParameter(2, reviewer.personId())
                .setParameter(3, conflict ? "CONFLICT" : "NONE")
                .setParameter(4, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (changed != 1) {
            throw new NotAvailable();
        }
        if (conflict) {
            audit.record(reviewer, "review.conflict", "application", String.valueOf(applicationId), "reassign");
        }
    }

    /**
     * Whether the reviewer still has to declare before seeing the application.
     *
     * @throws NotAvailable when the application is not open to this reviewer at all
     */
    @Allowed(Role.REVIEWER)
    public boolean needsDeclaration(long reviewerId, long applicationId) {
        return "UNDECLARED".equals(declaration(reviewerId, applicationId).orElseThrow(NotAvailable::new));
    }

    /** The application as this reviewer may see it: only assigned, only after declaring no conflict. */
    @Allowed(Role.REVIEWER)
    public Sheet open(long reviewerId, long applicationId) {
        if (!"NONE".equals(declaration(reviewerId, applicationId).orElse(null))) {
            throw new NotAvailable();
        }
        Object[] a = (Object[]) em.createNativeQuery(
                        """
                        select a.call_id, c.title::text, c.blind_review, a.name, a.applicant_kind, a.sector, a.region, a.answers::text
                        from application a join programme_call c on c.id = a.call_id where a.id = ?1
                        """)
                .setParameter(1, applicationId)
                .getSingleResult();
        long callId = ((Number) a[0]).longValue();
        boolean blind = (Boolean) a[2];
        List<String> members = new ArrayList<>();
        if (!blind) {
            @SuppressWarnings("unchecked")
            List<Object> names = em.createNativeQuery("select name from application_member where application_id = ?1 order by position")
                    .setParameter(1, applicationId)
                    .getResultList();
            names.forEach(n -> members.add((String) n));
        }
        List<AnswerSheet.Answer> answers = AnswerSheet.of(em, callId, applicationId, (String) a[7], blind);
        Object[] review = reviewOf(reviewerId, applicationId);
        return new Sheet(applicationId, (String) a[1], blind, blind ? null : (String) a[3], (String) a[4], (String) a[5],
                (String) a[6], members, answers, rubric(callId), review == null ? Map.of() : JsonObjects.ints((String) review[0]),
                review == null ? Map.of() : JsonObjects.strings((String) review[1]), review != null && "SUBMITTED".equals(review[2]));
    }

    /**
     * Saves the scores and comments; with {@code submit}, every criterion must be scored in range
     * and the review becomes final.
     */
    @Allowed(Role.REVIEWER)
    public void save(Actor reviewer, long applicationId, Map<String, Integer> scores, Map<String, String> comments, boolean submit) {
        Sheet sheet = open(reviewer.personId(), applicationId);
        if (sheet.submitted()) {
            throw new AlreadySubmitted();
        }
        TextRules.require(comments.values(), TextRules.COMMENT);
        if (submit) {
            List<Scoring.Criterion> rubric = sheet.rubric().stream()
                    .map(c -> new Scoring.Criterion(c.key(), c.weight(), c.maxScore())).toList();
            Scoring.weighted(rubric, scores);
        }
        Map<String, String> written = new LinkedHashMap<>();
        comments.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                written.put(k, v.strip());
            }
        });
        em.createNativeQuery(
                        """
                        insert into review (assignment_id, scores, comments, status, submitted_at)
                        select id, cast(?3 as jsonb), cast(?4 as jsonb), ?5, ?6 from review_assignment
                        where application_id = ?1 and reviewer_id = ?2
                        on conflict (assignment_id) do update set scores = excluded.scores, comments = excluded.comments,
                          status = excluded.status, submitted_at = excluded.submitted_at, version = review.version + 1
                        where review.status = 'DRAFT'
                        """)
                .setParameter(1, applicationId)
                .setParameter(2, reviewer.personId())
                .setParameter(3, JsonObjects.of(scores))
                .setParameter(4, JsonObjects.of(written))
                .setParameter(5, submit ? "SUBMITTED" : "DRAFT")
                .setParameter(6, submit ? Timestamp.from(clock.instant()) : null)
                .executeUpdate();
    }

    /** One reviewer's review of an application as staff see it, names included, with its reopenings. */
    public record StaffView(
            long reviewerId, String reviewerName, String conflict, String status, Instant submittedAt,
            Map<String, Integer> scores, Map<String, String> comments, List<Reopening> reopenings) {

        public boolean isSubmitted() {
            return "SUBMITTED".equals(status);
        }
    }

    /** Staff reopened a submitted review: who, when and why. */
    public record Reopening(String actor, Instant at, String reason) {}

    /**
     * Every assignment of an application with its review and reopenings, for staff (two queries).
     *
     * @param readerId the staff member reading
     * @throws Conflicts.Conflicted when the reader conflicts with the application: who reviewed
     *     their own (or their group's) application, and how, is what the conflict concerns
     */
    public List<StaffView> ofApplication(long readerId, long applicationId) {
        conflicts.require(readerId, applicationId);
        @SuppressWarnings("unchecked")
        List<Object[]> history = em.createNativeQuery(
                        """
                        select ra.reviewer_id, o.actor, o.at, o.reason from review_reopening o
                        join review_assignment ra on ra.id = o.assignment_id where ra.application_id = ?1 order by o.at, o.id
                        """)
                .setParameter(1, applicationId)
                .getResultList();
        Map<Long, List<Reopening>> reopenings = new HashMap<>();
        for (Object[] h : history) {
            reopenings.computeIfAbsent(((Number) h[0]).longValue(), k -> new ArrayList<>())
                    .add(new Reopening((String) h[1], ((Timestamp) h[2]).toInstant(), (String) h[3]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select ra.reviewer_id, coalesce(nullif(p.display_name, ''), p.username), ra.conflict, r.status, r.submitted_at,
                               coalesce(r.scores::text, '{}'), coalesce(r.comments::text, '{}')
                        from review_assignment ra join person p on p.id = ra.reviewer_id
                        left join review r on r.assignment_id = ra.id
                        where ra.application_id = ?1 order by ra.assigned_at, ra.id
                        """)
                .setParameter(1, applicationId)
                .getResultList();
        return rows.stream().map(r -> new StaffView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        r[3] == null ? "NOT_STARTED" : (String) r[3], r[4] == null ? null : ((Timestamp) r[4]).toInstant(),
                        JsonObjects.ints((String) r[5]), JsonObjects.strings((String) r[6]),
                        reopenings.getOrDefault(((Number) r[0]).longValue(), List.of())))
                .toList();
    }

    /** Why a reopening was refused. */
    public static final class NotSubmitted extends RuntimeException {
        NotSubmitted() {
            super("Only a submitted review can be reopened");
        }
    }

    /**
     * Staff reopen a submitted review so its reviewer can change it: back to a draft with its scores
     * and comments kept; the reason and who reopened it stay in the review's history.
     *
     * @throws NotSubmitted when the review is not (or no longer) submitted: a second click changes nothing
     * @throws IllegalArgumentException without a reason
     */
    public void reopen(Actor staff, long applicationId, long reviewerId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required");
        }
        TextRules.require(reason, TextRules.REOPEN_REASON);
        conflicts.require(staff.personId(), applicationId);
        @SuppressWarnings("unchecked")
        List<Number> reopened = em.createNativeQuery(
                        """
                        update review r set status = 'DRAFT', submitted_at = null, version = r.version + 1
                        from review_assignment ra
                        where ra.id = r.assignment_id and ra.application_id = ?1 and ra.reviewer_id = ?2 and r.status = 'SUBMITTED'
                        returning ra.id
                        """)
                .setParameter(1, applicationId)
                .setParameter(2, reviewerId)
                .getResultList();
        if (reopened.isEmpty()) {
            throw new NotSubmitted();
        }
        em.createNativeQuery("insert into review_reopening (assignment_id, actor_id, actor, at, reason) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, reopened.getFirst().longValue())
                .setParameter(2, staff.personId())
                .setParameter(3, staff.username())
                .setParameter(4, Timestamp.from(clock.instant()))
                .setParameter(5, reason.strip())
                .executeUpdate();
        audit.record(staff, "review.reopen", "application", String.valueOf(applicationId), "reviewer " + reviewerId + ": " + reason.strip());
    }

    /**
     * Scores of some applications of a call (a page of the staff table, or one application), from
     * submitted reviews only, with each reviewer's habits taken out exactly as over the whole call.
     * Reads the reviews of these applications, and from the rest of the call only one row per
     * reviewer: their mean and spread, which the database works out. Applications the reader
     * conflicts with are left out (their scores are what the conflict concerns).
     */
    public Map<Long, Scoring.Summary> summaries(long readerId, long callId, Collection<Long> applicationIds) {
        List<Scoring.Criterion> rubric = rubric(callId).stream()
                .map(c -> new Scoring.Criterion(c.key(), c.weight(), c.maxScore())).toList();
        Set<Long> readable = new HashSet<>(applicationIds);
        readable.removeAll(conflicts.ofPerson(readerId, applicationIds).keySet());
        if (rubric.isEmpty() || readable.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select ra.reviewer_id, ra.application_id, r.scores::text
                        from review r join review_assignment ra on ra.id = r.assignment_id
                        join application a on a.id = ra.application_id
                        where a.call_id = ?1 and ra.application_id = any(cast(?2 as bigint[])) and r.status = 'SUBMITTED'
                        order by ra.application_id, ra.id
                        """)
                .setParameter(1, callId)
                .setParameter(2, Conflicts.array(readable))
                .getResultList();
        List<Scoring.Review> reviews = new ArrayList<>();
        for (Object[] r : rows) {
            Scoring.Review review = new Scoring.Review(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    JsonObjects.ints((String) r[2]));
            if (scoredWhole(rubric, review)) {
                reviews.add(review);
            }
        }
        if (reviews.isEmpty()) {
            return Map.of();
        }
        // Each reviewer's habits, and the call's (the row without a reviewer), over all of the call's
        // submitted reviews: the review's score is Scoring.weighted written in SQL. A review missing a
        // criterion added after it was submitted is left out here as in Java.
        @SuppressWarnings("unchecked")
        List<Object[]> habits = em.createNativeQuery(
                        """
                        with scored as (
                          select ra.reviewer_id,
                                 100 * sum(rc.weight * cast(r.scores ->> rc.key as numeric) / rc.max_score) / sum(rc.weight) as score
                          from review r join review_assignment ra on ra.id = r.assignment_id
                          join application a on a.id = ra.application_id
                          join rubric_criterion rc on rc.call_id = a.call_id
                          where a.call_id = ?1 and r.status = 'SUBMITTED'
                          group by r.assignment_id, ra.reviewer_id
                          having count(r.scores ->> rc.key) = count(*))
                        select reviewer_id, avg(score), stddev_pop(score), min(score), max(score)
                        from scored group by grouping sets ((reviewer_id), ())
                        """)
                .setParameter(1, callId)
                .getResultList();
        Map<Long, Scoring.Stats> byReviewer = new HashMap<>();
        Scoring.Stats call = new Scoring.Stats(0, 0, 0, 0);
        for (Object[] h : habits) {
            if (h[1] == null) {
                continue;
            }
            Scoring.Stats stats = new Scoring.Stats(((Number) h[1]).doubleValue(), ((Number) h[2]).doubleValue(),
                    ((Number) h[3]).doubleValue(), ((Number) h[4]).doubleValue());
            if (h[0] == null) {
                call = stats;
            } else {
                byReviewer.put(((Number) h[0]).longValue(), stats);
            }
        }
        double threshold = ((Number) em.createNativeQuery("select disagreement_threshold from programme_call where id = ?1")
                .setParameter(1, callId).getSingleResult()).doubleValue();
        Map<Long, Scoring.Summary> byApplication = new LinkedHashMap<>();
        Scoring.summarise(rubric, reviews, byReviewer, call, threshold).forEach(s -> byApplication.put(s.applicationId(), s));
        return byApplication;
    }

    /** Whether a review scores every criterion of the rubric in range (one submitted before a criterion was added does not). */
    private static boolean scoredWhole(List<Scoring.Criterion> rubric, Scoring.Review review) {
        try {
            Scoring.weighted(rubric, review.scores());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Of these applications, those where a reviewer declared a conflict: staff must find someone else. */
    public Set<Long> conflicted(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(
                        """
                        select distinct ra.application_id from review_assignment ra
                        where ra.application_id = any(cast(?1 as bigint[])) and ra.conflict = 'CONFLICT'
                        """)
                .setParameter(1, Conflicts.array(applicationIds))
                .getResultList();
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> ids.add(((Number) r).longValue()));
        return ids;
    }

    public List<Criterion> rubric(long callId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select key, label::text, guidance::text, weight, max_score, bands::text from rubric_criterion "
                                + "where call_id = ?1 order by position")
                .setParameter(1, callId)
                .getResultList();
        return rows.stream()
                .map(r -> new Criterion((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).doubleValue(),
                        ((Number) r[4]).intValue(), ScoreBand.read((String) r[5])))
                .toList();
    }

    /**
     * SQL: the application {@code a} is open to the reviewer {@code ?2} of the assignment
     * {@code ra}: submitted, not withdrawn, and no conflict but (at most) the one they still have to
     * declare on {@code ra} itself.
     */
    private static final String OPEN_TO_REVIEWER = """
            a.stage is not null and a.stage <> 'WITHDRAWN' and not %s""".formatted(Conflicts.conflicted("?2", "a"));

    /** The reviewer's declaration (UNDECLARED or NONE) when the application is open to them; empty otherwise. */
    private Optional<String> declaration(long reviewerId, long applicationId) {
        List<?> rows = em.createNativeQuery(
                        """
                        select ra.conflict from review_assignment ra join application a on a.id = ra.application_id
                        where ra.application_id = ?1 and ra.reviewer_id = ?2 and %s
                        """.formatted(OPEN_TO_REVIEWER))
                .setParameter(1, applicationId)
                .setParameter(2, reviewerId)
                .getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    private Object[] reviewOf(long reviewerId, long applicationId) {
        List<?> rows = em.createNativeQuery(
                        """
                        select r.scores::text, r.comments::text, r.status from review r join review_assignment ra on ra.id = r.assignment_id
                        where ra.application_id = ?1 and ra.reviewer_id = ?2
                        """)
                .setParameter(1, applicationId)
                .setParameter(2, reviewerId)
                .getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.getFirst();
    }
}

package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Person;
import org.hamkke.identity.Role;
import org.hamkke.notification.NoticeEvent;
import org.hamkke.notification.NoticeKind;
import org.hamkke.notification.NotificationService;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.Rows;

/**
 * Review: staff assign reviewers; a reviewer declares a conflict of interest (or none) before
 * seeing anything ({@link ReviewAssignment#declare}), scores each criterion of the call's rubric
 * with a comment, saves a draft and submits ({@link Review}); staff may reopen a submitted review
 * with a reason, and its reviewer is told.
 *
 * <p>Which objects a person may reach is decided in the queries: every reviewer-facing method
 * takes the reviewer's id and finds their assignment with the conflict rule ({@link Conflicts})
 * inside the query, so no page or API can show an application to someone not assigned, to its
 * applicant or a co-member, or to someone who declared a conflict; a withdrawn application is
 * closed to its reviewers. With blind review, names, members and file names are never sent.
 * Every change that moves the call's figures refreshes its score summary ({@link ScoreSummaries}).
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

    @Inject
    NotificationService notifications;

    /** Not assigned, conflicted, or no such application: the same answer for all three. */
    public static final class NotAvailable extends RuntimeException {
        NotAvailable() {
            super("Not available to this reviewer");
        }
    }

    /** A rubric criterion as reviewers score it, with its score bands ("0-1 weak") to guide them. */
    public record Criterion(String key, String labelJson, String guidanceJson, double weight, int maxScore, List<ScoreBand> bands) {

        static Criterion of(RubricCriterion c) {
            return new Criterion(c.getKey(), c.getLabel().json(), c.getGuidance().json(), c.getWeight().doubleValue(),
                    c.getMaxScore(), c.getBands());
        }
    }

    /**
     * One of a reviewer's assignments, for their list.
     *
     * @param name the application's name, or null under blind review
     * @param reviewStatus NONE (not started), DRAFT or SUBMITTED
     * @param reviewDeadline when the call wants reviews by (its due date), or null
     */
    public record Assignment(long applicationId, String name, String callTitleJson, ReviewAssignment.Declaration conflict,
            String reviewStatus, Instant reviewDeadline) {

        /** Declared no conflict: the application is open to review. */
        public boolean isDeclared() {
            return conflict == ReviewAssignment.Declaration.NONE;
        }

        public boolean isSubmitted() {
            return "SUBMITTED".equals(reviewStatus);
        }

        /** Past its due date and not submitted. */
        public boolean overdue(Instant now) {
            return reviewDeadline != null && !isSubmitted() && now.isAfter(reviewDeadline);
        }
    }

    /** What a reviewer sees of an application; name and members are null under blind review, file names neutral. */
    public record Sheet(
            long applicationId, String callTitleJson, boolean blind, String name, ApplicantKind kind, String sector, String region,
            List<String> members, List<AnswerSheet.Answer> answers, List<Criterion> rubric, Map<String, Integer> scores,
            Map<String, String> comments, boolean submitted) {}

    public record Reviewer(long id, String name) {}

    /** One reviewer's review of an application as staff see it, names included, with its reopenings. */
    public record StaffView(
            long reviewerId, String reviewerName, ReviewAssignment.Declaration conflict, String status, Instant submittedAt,
            Map<String, Integer> scores, Map<String, String> comments, List<Reopening> reopenings) {

        public boolean isSubmitted() {
            return "SUBMITTED".equals(status);
        }
    }

    /** Staff reopened a submitted review: who, when and why. */
    public record Reopening(String actor, Instant at, String reason) {}

    /** People with the reviewer role at their last sign-in. */
    public List<Reviewer> reviewers() {
        return Rows.list(em.createNativeQuery("""
                        select p.id, coalesce(nullif(p.display_name, ''), p.username) as name from person p
                        join person_role r on r.person_id = p.id and r.role = 'reviewer'
                        order by 2, 1"""), r -> new Reviewer(r.id("id"), r.text("name")));
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
        if (insertAssignment(staff, applicationId, reviewerId) == 1) {
            Application application = em.find(Application.class, applicationId);
            ScoreSummaries.refresh(em, application.getCall().getId());
        }
    }

    /**
     * Adds the assignment when the application may have one: submitted, not withdrawn, and the
     * reviewer not conflicted. The conflict rule is in the statement itself, so nothing can slip
     * past it between a check and the insert; assigning twice adds nothing.
     */
    private int insertAssignment(Actor staff, long applicationId, long reviewerId) {
        int added = em.createNativeQuery("""
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
        record Existing(long application, long reviewer, boolean conflict) {}
        List<Long> appIds = Rows.list(em.createNativeQuery(
                                "select id from application where call_id = ?1 and stage = 'IN_REVIEW' order by submitted_at, id")
                        .setParameter(1, callId), r -> r.id("id"))
                .stream().filter(id -> only == null || only.contains(id)).toList();
        List<Long> reviewerIds = reviewers().stream().map(Reviewer::id).toList();
        Map<Long, Integer> load = new HashMap<>();
        Map<Long, Set<Long>> onIt = new HashMap<>();
        Map<Long, Integer> active = new HashMap<>();
        // The call's assignments only: a reviewer's load is the work this call's deadline asks of
        // them. A declared conflict is no work, and its reviewer is never put on that application again.
        for (Existing row : Rows.list(em.createNativeQuery("""
                                select ra.application_id, ra.reviewer_id, ra.conflict = 'CONFLICT' as conflict from review_assignment ra
                                join application a on a.id = ra.application_id where a.call_id = ?1""")
                        .setParameter(1, callId),
                r -> new Existing(r.id("application_id"), r.id("reviewer_id"), r.flag("conflict")))) {
            onIt.computeIfAbsent(row.application(), a -> new HashSet<>()).add(row.reviewer());
            if (!row.conflict()) {
                load.merge(row.reviewer(), 1, Integer::sum);
                active.merge(row.application(), 1, Integer::sum);
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
        if (count > 0) {
            ScoreSummaries.refresh(em, callId);
        }
        return count;
    }

    /**
     * The reviewer's assignments they may still see (not withdrawn, no conflict but the one they may
     * yet declare), the soonest due first (those without a due date last), then in the order given.
     * The name only when the call's review is not blind, and only once they declared no conflict.
     */
    @Allowed(Role.REVIEWER)
    public List<Assignment> assignmentsOf(long reviewerId) {
        return Rows.list(em.createNativeQuery("""
                                select a.id, case when c.blind_review or ra.conflict <> 'NONE' then null else a.name end as name, c.title,
                                       ra.conflict, coalesce(r.status, 'NONE') as status, c.review_deadline
                                from review_assignment ra join application a on a.id = ra.application_id
                                join programme_call c on c.id = a.call_id left join review r on r.assignment_id = ra.id
                                where ra.reviewer_id = ?1 and a.stage <> 'WITHDRAWN' and not %s
                                order by c.review_deadline nulls last, ra.assigned_at, a.id
                                """.formatted(Conflicts.conflicted("ra.reviewer_id", "a")))
                        .setParameter(1, reviewerId),
                r -> new Assignment(r.id("id"), r.text("name"), r.text("title"), r.constant(ReviewAssignment.Declaration.class, "conflict"),
                        r.text("status"), r.instant("review_deadline")));
    }

    /**
     * The reviewer's declaration ({@link ReviewAssignment#declare}): made once; a conflict is final
     * and shuts the application to them for good.
     *
     * @throws NotAvailable when the application is not open to them, or they declared already
     */
    @Allowed(Role.REVIEWER)
    public void declare(Actor reviewer, long applicationId, boolean conflict) {
        long assignmentId = openAssignment(reviewer.personId(), applicationId).orElseThrow(NotAvailable::new);
        // Locked: two tabs declaring at once follow one another, and the second finds it declared.
        ReviewAssignment assignment = em.find(ReviewAssignment.class, assignmentId, LockModeType.PESSIMISTIC_WRITE);
        try {
            assignment.declare(conflict, clock.instant());
        } catch (ReviewAssignment.AlreadyDeclared e) {
            throw new NotAvailable();
        }
        if (conflict) {
            audit.record(reviewer, "review.conflict", "application", String.valueOf(applicationId), "reassign");
            ScoreSummaries.refresh(em, assignment.getApplication().getCall().getId());
        }
    }

    /**
     * Whether the reviewer still has to declare before seeing the application.
     *
     * @throws NotAvailable when the application is not open to this reviewer at all
     */
    @Allowed(Role.REVIEWER)
    public boolean needsDeclaration(long reviewerId, long applicationId) {
        long assignmentId = openAssignment(reviewerId, applicationId).orElseThrow(NotAvailable::new);
        return em.find(ReviewAssignment.class, assignmentId).getDeclaration() == ReviewAssignment.Declaration.UNDECLARED;
    }

    /** The application as this reviewer may see it: only assigned, only after declaring no conflict. */
    @Allowed(Role.REVIEWER)
    public Sheet open(long reviewerId, long applicationId) {
        ReviewAssignment assignment = declaredNone(reviewerId, applicationId);
        Application a = assignment.getApplication();
        ProgrammeCall call = a.getCall();
        boolean blind = call.isBlindReview();
        Review review = assignment.getReview();
        return new Sheet(applicationId, call.getTitle().json(), blind, blind ? null : a.getName(), a.getKind(), a.getSector(),
                a.getRegion(), blind ? List.of() : a.getMembers().stream().map(ApplicationMember::getName).toList(),
                AnswerSheet.of(a, blind), call.getCriteria().stream().map(Criterion::of).toList(),
                review == null ? Map.of() : review.getScores(), review == null ? Map.of() : review.getComments(),
                review != null && review.isSubmitted());
    }

    /**
     * Saves the scores and comments ({@link Review#saveDraft}); with {@code submit}, every criterion
     * must be scored in range and the review becomes final ({@link Review#submit}).
     *
     * @throws NotAvailable when the application is not open to this reviewer
     * @throws Review.AlreadySubmitted when it is submitted
     * @throws IllegalArgumentException when submitting with a criterion unscored or out of range
     * @throws TextRules.Refused for a comment that cannot be stored
     */
    @Allowed(Role.REVIEWER)
    public void save(Actor reviewer, long applicationId, Map<String, Integer> scores, Map<String, String> comments, boolean submit) {
        ReviewAssignment assignment = declaredNoneForUpdate(reviewer.personId(), applicationId);
        Review review = assignment.review();
        if (submit) {
            ProgrammeCall call = assignment.getApplication().getCall();
            review.submit(scores, comments, call.scoringRubric(), clock.instant());
            ScoreSummaries.refresh(em, call.getId());
        } else {
            review.saveDraft(scores, comments);
        }
    }

    /**
     * What a staff member reads of an application's review, in one transaction: the rubric, and
     * unless the reader conflicts with the application, every reviewer's review with its
     * reopenings (names included) and the score summary. Who reviewed their own (or their
     * group's) application, and how, is what the conflict concerns: such a reader gets the reason
     * instead.
     *
     * @param ownConflict why the reader may not see the reviews, or null
     * @param summary null before a review is scored
     */
    public record StaffReading(Conflicts.Reason ownConflict, List<Criterion> rubric, List<StaffView> reviews, ScoreSummary summary) {}

    /** The reading for a submitted application; empty for any other id. */
    public Optional<StaffReading> reading(long readerId, long applicationId) {
        Application application = em.find(Application.class, applicationId);
        if (application == null || application.isDraft()) {
            return Optional.empty();
        }
        List<Criterion> rubric = application.getCall().getCriteria().stream().map(Criterion::of).toList();
        Conflicts.Reason own = conflicts.of(readerId, applicationId).orElse(null);
        if (own != null) {
            return Optional.of(new StaffReading(own, rubric, List.of(), null));
        }
        return Optional.of(new StaffReading(null, rubric, views(applicationId), ScoreSummaries.of(em, applicationId).orElse(null)));
    }

    /**
     * Every assignment of an application with its review and reopenings, for staff.
     *
     * @param readerId the staff member reading
     * @throws Conflicts.Conflicted when the reader conflicts with the application
     */
    public List<StaffView> ofApplication(long readerId, long applicationId) {
        conflicts.require(readerId, applicationId);
        return views(applicationId);
    }

    /** The assignments, their reviews and reopenings batch-read, and the reviewers' names: the same few statements however many. */
    private List<StaffView> views(long applicationId) {
        List<ReviewAssignment> assignments = em.createNamedQuery("ReviewAssignment.ofApplication", ReviewAssignment.class)
                .setParameter("application", applicationId)
                .getResultList();
        if (assignments.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = em.createQuery("select p from Person p where p.id in :ids", Person.class)
                .setParameter("ids", assignments.stream().map(ReviewAssignment::getReviewerId).distinct().toList())
                .getResultList().stream()
                .collect(Collectors.toMap(Person::getId, Person::getDisplayName));
        return assignments.stream().map(ra -> {
            Review r = ra.getReview();
            return new StaffView(ra.getReviewerId(), names.getOrDefault(ra.getReviewerId(), ""), ra.getDeclaration(),
                    r == null ? "NOT_STARTED" : r.getStatus().name(), r == null ? null : r.getSubmittedAt(),
                    r == null ? Map.of() : r.getScores(), r == null ? Map.of() : r.getComments(),
                    r == null ? List.of() : r.getReopenings().stream().map(o -> new Reopening(o.getActor(), o.getAt(), o.getReason())).toList());
        }).toList();
    }

    /**
     * Staff reopen a submitted review ({@link Review#reopen}) so its reviewer can change it; the
     * reviewer is told, once per reopening, in their language.
     *
     * @throws Review.NotSubmitted when the review is not (or no longer) submitted: a second click changes nothing
     * @throws Review.ReasonRequired without a reason
     * @throws Conflicts.Conflicted when the staff member conflicts with the application
     * @throws TextRules.Refused for a reason too long or that cannot be stored
     */
    public void reopen(Actor staff, long applicationId, long reviewerId, String reason) {
        conflicts.require(staff.personId(), applicationId);
        Optional<ReviewAssignment> found = em.createNamedQuery("ReviewAssignment.ofApplication", ReviewAssignment.class)
                .setParameter("application", applicationId)
                .getResultStream()
                .filter(ra -> ra.getReviewerId() == reviewerId)
                .findFirst();
        Review review = found.map(ReviewAssignment::getReview).orElse(null);
        if (review == null) {
            if (reason == null || reason.isBlank()) {
                throw new Review.ReasonRequired();
            }
            throw new Review.NotSubmitted();
        }
        // Locked and read again: of two staff reopening at once, the second finds it a draft already.
        em.refresh(review, LockModeType.PESSIMISTIC_WRITE);
        ReviewReopening reopening = review.reopen(staff, reason, clock.instant());
        ProgrammeCall call = found.get().getApplication().getCall();
        ScoreSummaries.refresh(em, call.getId());
        audit.record(staff, "review.reopen", "application", String.valueOf(applicationId), "reviewer " + reviewerId + ": " + reopening.getReason());
        Person reviewerPerson = em.find(Person.class, reviewerId);
        notifications.notify(new NoticeEvent(reviewerId, NoticeKind.REVIEW_REOPENED,
                Map.of("call", call.getTitle().in(reviewerPerson == null ? null : reviewerPerson.getLocale()), "reason", reopening.getReason()),
                "review-reopened:" + reopening.getId(), "/reviewer/review.xhtml?application=" + applicationId));
    }

    /**
     * SQL: the application {@code a} is open to the reviewer {@code ?2} of the assignment
     * {@code ra}: submitted, not withdrawn, and no conflict but (at most) the one they still have to
     * declare on {@code ra} itself.
     */
    private static final String OPEN_TO_REVIEWER = """
            a.stage is not null and a.stage <> 'WITHDRAWN' and not %s""".formatted(Conflicts.conflicted("?2", "a"));

    /** The reviewer's assignment to the application, when the application is open to them (undeclared or declared none). */
    private Optional<Long> openAssignment(long reviewerId, long applicationId) {
        return Rows.first(em.createNativeQuery("""
                                select ra.id from review_assignment ra join application a on a.id = ra.application_id
                                where ra.application_id = ?1 and ra.reviewer_id = ?2 and %s""".formatted(OPEN_TO_REVIEWER))
                        .setParameter(1, applicationId)
                        .setParameter(2, reviewerId),
                r -> r.id("id"));
    }

    private ReviewAssignment declaredNone(long reviewerId, long applicationId) {
        return openAssignment(reviewerId, applicationId).map(id -> em.find(ReviewAssignment.class, id))
                .filter(ReviewAssignment::isOpen)
                .orElseThrow(NotAvailable::new);
    }

    /**
     * As {@link #declaredNone}, locked for a change: two saves of one review (two tabs, a double
     * click on "submit") follow one another, the second reading what the first wrote.
     */
    private ReviewAssignment declaredNoneForUpdate(long reviewerId, long applicationId) {
        return openAssignment(reviewerId, applicationId).map(id -> em.find(ReviewAssignment.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(ReviewAssignment::isOpen)
                .orElseThrow(NotAvailable::new);
    }
}

package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Staff's view of a call's applications and their moves. The moves themselves are
 * {@link Application}'s ({@link Application#moveTo}, {@link Application#decide}): this service
 * finds and locks the application, refuses anyone who conflicts with it ({@link Conflicts}),
 * records the move in the audit log, tells the applicant of a decision in their language, and
 * announces an acceptance ({@link ApplicationAccepted}).
 *
 * <p>The staff table is read with native SQL: it pages by key over indexes made for each order
 * (V9, V12), joins each application's score summary ({@code application_score}) and says, per
 * row, why the reader conflicts with it: one statement for the rows, one for the call and counts.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class Pipeline {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    @Inject
    Event<ApplicationAccepted> accepted;

    @Inject
    Conflicts conflicts;

    /** A call in the list staff choose from, with how many applications were submitted to it. */
    public record CallSummary(long id, String titleJson, Instant opensAt, Instant closesAt, long submitted) {}

    /**
     * One row of the staff table.
     *
     * @param score null until a review is scored
     * @param conflictDeclared a reviewer declared a conflict: staff must find someone else
     * @param ownConflict why the person reading may not act on it, or null
     */
    public record ApplicationRow(long id, String name, ApplicantKind kind, Stage stage, Instant submittedAt, long version,
            int reviewsAssigned, int reviewsDone, ScoreSummary score, boolean conflictDeclared, Conflicts.Reason ownConflict) {}

    /** The call's table: the call, how many applications it has (in the stage asked, if any), and one page. */
    public record Table(CallSummary call, long total, Page page) {}

    /**
     * One page of the table.
     *
     * @param previous the first row's id, when there are rows before it (the "previous" link's key)
     * @param next the last row's id, when there are rows after it (the "next" link's key)
     */
    public record Page(List<ApplicationRow> rows, Long previous, Long next) {}

    /** A column of the board: how many applications are at a stage, and the newest few of them. */
    public record Column(Stage stage, long count, List<ApplicationRow> newest) {}

    /** One step of an application's history as staff read it, with who and why. */
    public record HistoryStep(Stage from, Stage to, String actor, Instant at, String reason) {}

    /** A submitted application in full, as staff read it. */
    public record Detail(
            long id, long callId, String callTitleJson, String name, ApplicantKind kind, String legalForm, String sector,
            String region, Stage stage, String receipt, Instant submittedAt, String decisionMessage, long version,
            List<String> members, List<AnswerSheet.Answer> answers, List<HistoryStep> history) {}

    /**
     * The orders the staff table offers. Each has its key (the expression that orders the rows,
     * the id last so the order is total) and an index that reads it in that order (V9, V12): the
     * table pages by key, never by offset, so the hundredth page costs what the first does. Scores
     * are read from {@code application_score}; an application not yet scored sorts last.
     */
    public enum Order {
        NEWEST("a.submitted_at", true),
        OLDEST("a.submitted_at", false),
        NAME("lower(a.name)", false),
        /** Best normalised score first ({@link Scoring}: each reviewer's habits taken out). */
        SCORE("coalesce(s.normalised, -1)", true),
        /** Best mean of the raw scores first. */
        MEAN("coalesce(s.mean, -1)", true);

        private final String key;
        private final boolean descending;

        Order(String key, boolean descending) {
            this.key = key;
            this.descending = descending;
        }

        boolean byScore() {
            return this == SCORE || this == MEAN;
        }
    }

    public List<CallSummary> calls() {
        return Rows.list(em.createNativeQuery(CALL_SUMMARY + " order by c.closes_at desc, c.id desc"), Pipeline::callSummary);
    }

    /** The call, when there is one (any state): the staff table answers 404 for any other number. */
    public Optional<CallSummary> findCall(long callId) {
        return Rows.first(em.createNativeQuery(CALL_SUMMARY + " where c.id = ?1").setParameter(1, callId), Pipeline::callSummary);
    }

    private static final String CALL_SUMMARY = """
            select c.id, c.title, c.opens_at, c.closes_at,
                   (select count(*) from application a where a.call_id = c.id and a.stage is not null) as submitted
            from programme_call c""";

    private static CallSummary callSummary(Rows.Row r) {
        return new CallSummary(r.id("id"), r.text("title"), r.instant("opens_at"), r.instant("closes_at"), r.id("submitted"));
    }

    /**
     * The call's table for one reader, in one transaction: the call and its count (one statement),
     * then a page ({@link #page}). Empty when there is no such call.
     */
    public Optional<Table> table(long readerId, long callId, Stage stage, Order order, Long after, Long before, int limit) {
        return Rows.first(em.createNativeQuery("""
                                select c.id, c.title, c.opens_at, c.closes_at,
                                       count(a.id) as submitted, count(a.id) filter (where a.stage = ?2) as in_stage
                                from programme_call c left join application a on a.call_id = c.id and a.stage is not null
                                where c.id = ?1 group by c.id""")
                        .setParameter(1, callId)
                        .setParameter(2, stage == null ? "" : stage.name()),
                        r -> new Table(callSummary(r), stage == null ? r.id("submitted") : r.id("in_stage"), null))
                .map(t -> new Table(t.call(), t.total(), page(readerId, callId, stage, order, after, before, limit)));
    }

    /**
     * A page of a call's submitted applications in the order asked, optionally of one stage only,
     * starting after the row {@code after} or ending before the row {@code before} (neither: the
     * first page). The links carry a row's id, not its key: the key is read back here, so
     * applicants' names never travel in addresses or land in access logs. A cursor that is not a
     * submitted application of this call starts from the top.
     */
    public Page page(long readerId, long callId, Stage stage, Order order, Long after, Long before, int limit) {
        Long cursor = after != null ? after : before;
        Optional<Map.Entry<Object, Long>> key = cursor == null ? Optional.empty() : Rows.first(em.createNativeQuery("""
                                select %s as key, a.id from application a left join application_score s on s.application_id = a.id
                                where a.id = ?1 and a.call_id = ?2 and a.stage is not null""".formatted(order.key))
                        .setParameter(1, cursor)
                        .setParameter(2, callId),
                r -> Map.entry(r.raw("key"), r.id("id")));
        boolean backwards = key.isPresent() && after == null;
        // Reading backwards (the previous page) walks the same index the other way, then turns the rows round.
        boolean descending = order.descending != backwards;
        List<Object> params = new ArrayList<>(List.of(readerId, callId));
        StringBuilder where = new StringBuilder(order.byScore() ? "s.call_id = ?2" : "a.call_id = ?2").append(" and a.stage is not null");
        if (stage != null) {
            params.add(stage.name());
            where.append(" and a.stage = ?").append(params.size());
        }
        if (key.isPresent()) {
            params.add(key.get().getKey());
            params.add(key.get().getValue());
            where.append(" and (").append(order.key).append(", a.id) ").append(descending ? "<" : ">")
                    .append(" (?").append(params.size() - 1).append(", ?").append(params.size()).append(")");
        }
        String direction = descending ? " desc" : "";
        params.add(limit + 1);
        // By score, the summary drives (its index is in score order); otherwise the application does.
        String from = order.byScore()
                ? "application_score s join application a on a.id = s.application_id"
                : "application a left join application_score s on s.application_id = a.id";
        var query = em.createNativeQuery("select " + COLUMNS + " from " + from + " where " + where + " order by " + order.key + direction + ", a.id"
                + direction + " limit ?" + params.size());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<ApplicationRow> rows = new ArrayList<>(Rows.list(query, Pipeline::row));
        boolean more = rows.size() > limit;
        if (more) {
            rows.removeLast();
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        Long first = rows.isEmpty() ? null : rows.getFirst().id();
        Long last = rows.isEmpty() ? null : rows.getLast().id();
        if (key.isEmpty()) {
            return new Page(rows, null, more ? last : null);
        }
        return backwards ? new Page(rows, more ? first : null, last) : new Page(rows, first, more ? last : null);
    }

    /** The chosen applications of one call, for a bulk action's confirmation. */
    public List<ApplicationRow> rows(long readerId, long callId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Rows.list(em.createNativeQuery("select " + COLUMNS + " from application a left join application_score s on s.application_id = a.id"
                                + " where a.call_id = ?2 and a.stage is not null and a.id = any(cast(?3 as bigint[])) order by lower(a.name), a.id")
                        .setParameter(1, readerId)
                        .setParameter(2, callId)
                        .setParameter(3, Conflicts.array(ids)),
                Pipeline::row);
    }

    /** The call's board: every stage with its count and its {@code perColumn} newest applications, in one query. */
    public List<Column> board(long readerId, long callId, int perColumn) {
        Map<Stage, List<ApplicationRow>> newest = new EnumMap<>(Stage.class);
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        Rows.list(em.createNativeQuery("select a.n, " + COLUMNS + """
                                 from (select b.*, row_number() over (partition by b.stage order by b.submitted_at desc, b.id desc) as rn,
                                              count(*) over (partition by b.stage) as n
                                       from application b where b.call_id = ?2 and b.stage is not null) a
                                left join application_score s on s.application_id = a.id
                                where a.rn <= ?3 order by a.stage, a.rn""")
                        .setParameter(1, readerId)
                        .setParameter(2, callId)
                        .setParameter(3, perColumn),
                        r -> Map.entry(row(r), r.id("n")))
                .forEach(e -> {
                    newest.computeIfAbsent(e.getKey().stage(), s -> new ArrayList<>()).add(e.getKey());
                    counts.put(e.getKey().stage(), e.getValue());
                });
        return Arrays.stream(Stage.values())
                .map(s -> new Column(s, counts.getOrDefault(s, 0L), newest.getOrDefault(s, List.of())))
                .toList();
    }

    /** A row of the staff table: the application {@code a}, its score summary {@code s}, and the reader's ({@code ?1}) conflict with it. */
    private static final String COLUMNS = """
            a.id, a.name, a.applicant_kind, a.stage, a.submitted_at, a.version,
                   coalesce(s.reviews_assigned, 0) as reviews_assigned, coalesce(s.reviews_done, 0) as reviews_done,
                   coalesce(s.reviews_scored, 0) as reviews_scored, s.mean, s.spread, s.normalised, coalesce(s.disagreement, false) as disagreement,
                   exists (select 1 from review_assignment x where x.application_id = a.id and x.conflict = 'CONFLICT') as conflict_declared,
                   %s as own_conflict
            """.formatted(Conflicts.reason("?1", "a"));

    private static ApplicationRow row(Rows.Row r) {
        int scored = r.integer("reviews_scored");
        ScoreSummary score = scored == 0 ? null : new ScoreSummary(r.integer("reviews_assigned"), r.integer("reviews_done"), scored,
                r.number("mean"), r.number("spread"), r.number("normalised"), r.flag("disagreement"));
        return new ApplicationRow(r.id("id"), r.text("name"), r.constant(ApplicantKind.class, "applicant_kind"),
                r.constant(Stage.class, "stage"), r.instant("submitted_at"), r.id("version"), r.integer("reviews_assigned"),
                r.integer("reviews_done"), score, r.flag("conflict_declared"), r.constant(Conflicts.Reason.class, "own_conflict"));
    }

    /**
     * Moves or decides an application, as staff ({@link Application#moveTo}).
     *
     * @param seenVersion the version shown to the person deciding
     * @param reason why; for a decision, the message the applicant reads (required)
     * @throws IllegalArgumentException when there is no such submitted application
     * @throws Stage.IllegalMoveException when the state machine does not allow the move
     * @throws Application.ChangedMeanwhile when the application is no longer at the version seen
     * @throws Application.MessageRequired for a decision without a message
     * @throws Conflicts.Conflicted when the person moving conflicts with the application
     * @throws TextRules.Refused for a reason too long or with a character that cannot be stored
     */
    public void move(Actor actor, long applicationId, long seenVersion, Stage to, String reason) {
        TextRules.require(reason, TextRules.REASON);
        // Locked: of two staff moving it at once, the second waits, then finds the version changed.
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || application.isDraft()) {
            throw new IllegalArgumentException("No submitted application " + applicationId);
        }
        conflicts.require(actor.personId(), applicationId);
        application.requireSeen(seenVersion);
        Stage from = application.getStage();
        application.moveTo(to, actor, reason, clock.instant());
        audit.record(actor, "application.move", "application", String.valueOf(applicationId), from + " -> " + to);

        if (to.isDecision()) {
            Person applicant = em.find(Person.class, application.getApplicantId());
            String language = applicant == null ? null : applicant.getLocale();
            notifications.notify(new NoticeEvent(application.getApplicantId(), NoticeKind.APPLICATION_DECISION,
                    Map.of("call", application.getCall().getTitle().in(language), "decisionKey", "decision." + to.name().toLowerCase(),
                            "message", application.getDecisionMessage()),
                    "decision:" + applicationId + ":" + to.name(), "/me/"));
        }
        if (to == Stage.ACCEPTED) {
            accepted.fire(new ApplicationAccepted(applicationId, application.getApplicantId(), application.getName(),
                    application.getLegalForm(), application.getSector(), application.getRegion(),
                    application.getMembers().stream().map(m -> new ApplicationAccepted.Member(m.getName(), m.getRole())).toList()));
        }
    }

    /** A submitted application in full, with its history, as staff read it. */
    public Optional<Detail> detail(long applicationId) {
        Application a = em.find(Application.class, applicationId);
        if (a == null || a.isDraft()) {
            return Optional.empty();
        }
        List<String> members = a.getMembers().stream()
                .map(m -> m.getName() + (m.getRole() == null ? "" : " (" + m.getRole() + ")") + (m.getEmail() == null ? "" : " · " + m.getEmail())
                        + (m.hasConsented() ? " ✓" : " ✗"))
                .toList();
        List<HistoryStep> history = a.getHistory().stream()
                .map(c -> new HistoryStep(c.getFrom(), c.getTo(), c.getActor(), c.getAt(), c.getReason()))
                .toList();
        return Optional.of(new Detail(a.getId(), a.getCall().getId(), a.getCall().getTitle().json(), a.getName(), a.getKind(),
                a.getLegalForm(), a.getSector(), a.getRegion(), a.getStage(), a.getReceipt(), a.getSubmittedAt(),
                a.getDecisionMessage(), a.getVersion(), members, AnswerSheet.of(a, false), history));
    }
}

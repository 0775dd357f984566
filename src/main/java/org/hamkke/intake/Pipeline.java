package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.notification.NoticeEvent;
import org.hamkke.notification.NoticeKind;
import org.hamkke.notification.NotificationService;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;

/**
 * Staff moving applications along the {@link Stage} machine. A move names the version the person
 * saw: if someone else moved the application meanwhile, the move is refused (nothing is
 * overwritten). Every move is recorded in {@code stage_change} and the audit log; a decision also
 * notifies the applicant in their language, and an acceptance announces {@link ApplicationAccepted}.
 * Nobody moves or decides an application they conflict with ({@link Conflicts}): the rule is checked
 * here, whatever page or action asks.
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

    public record Row(long id, String name, String kind, Stage stage, Instant submittedAt, long version) {}

    public record CallSummary(long id, String titleJson, Instant opensAt, Instant closesAt, long submitted) {}

    /** Thrown when the application changed since the person loaded it. */
    public static final class ChangedMeanwhile extends RuntimeException {
        private final Stage now;

        ChangedMeanwhile(Stage now) {
            super("Changed meanwhile; now " + now);
            this.now = now;
        }

        public Stage now() {
            return now;
        }
    }

    /** Thrown for a decision without a message to the applicant. */
    public static final class MessageRequired extends RuntimeException {
        MessageRequired() {
            super("A decision needs a message to the applicant");
        }
    }

    public List<CallSummary> calls() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select c.id, c.title::text, c.opens_at, c.closes_at,
                               (select count(*) from application a where a.call_id = c.id and a.stage is not null)
                        from programme_call c order by c.closes_at desc, c.id desc
                        """)
                .getResultList();
        return rows.stream()
                .map(r -> new CallSummary(((Number) r[0]).longValue(), (String) r[1], ((Timestamp) r[2]).toInstant(),
                        ((Timestamp) r[3]).toInstant(), ((Number) r[4]).longValue()))
                .toList();
    }

    /** The call, when there is one (any state): the staff table answers 404 for any other number. */
    public java.util.Optional<CallSummary> findCall(long callId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select c.id, c.title::text, c.opens_at, c.closes_at,
                               (select count(*) from application a where a.call_id = c.id and a.stage is not null)
                        from programme_call c where c.id = ?1
                        """)
                .setParameter(1, callId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new CallSummary(((Number) r[0]).longValue(), (String) r[1],
                ((Timestamp) r[2]).toInstant(), ((Timestamp) r[3]).toInstant(), ((Number) r[4]).longValue()));
    }

    /**
     * The orders the staff table offers. Each has its key (the columns that order the rows, the
     * id last so the order is total) and an index that reads it in that order (V9): the table pages
     * by key, never by offset, so the hundredth page costs what the first does.
     */
    public enum Order {
        NEWEST("submitted_at", true),
        OLDEST("submitted_at", false),
        NAME("lower(name)", false);

        private final String key;
        private final boolean descending;

        Order(String key, boolean descending) {
            this.key = key;
            this.descending = descending;
        }
    }

    /**
     * One page of the table.
     *
     * @param previous the first row's id, when there are rows before it (the "previous" link's key)
     * @param next the last row's id, when there are rows after it (the "next" link's key)
     */
    public record Page(List<Row> rows, Long previous, Long next) {}

    /**
     * A page of a call's submitted applications in the order asked, optionally of one stage only,
     * starting after the row {@code after} or ending before the row {@code before} (neither: the
     * first page). The links carry a row's id, not its key: the key of a submitted application (its
     * submission time, its name) never changes, so it is read back here, and applicants' names never
     * travel in addresses or land in access logs. A cursor that is not a submitted application of
     * this call starts from the top.
     */
    public Page page(long callId, Stage stage, Order order, Long after, Long before, int limit) {
        Long cursor = after != null ? after : before;
        Object[] key = null;
        if (cursor != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery(
                            "select %s, id from application where id = ?1 and call_id = ?2 and stage is not null".formatted(order.key))
                    .setParameter(1, cursor)
                    .setParameter(2, callId)
                    .getResultList();
            key = found.isEmpty() ? null : found.getFirst();
        }
        boolean backwards = key != null && after == null;
        // Reading backwards (the previous page) walks the same index the other way, then turns the rows round.
        boolean descending = order.descending != backwards;
        List<Object> params = new ArrayList<>(List.of(callId));
        StringBuilder sql = new StringBuilder("select id, name, applicant_kind, stage, submitted_at, version from application "
                + "where call_id = ?1 and stage is not null");
        if (stage != null) {
            params.add(stage.name());
            sql.append(" and stage = ?").append(params.size());
        }
        if (key != null) {
            params.add(key[0]);
            params.add(key[1]);
            sql.append(" and (").append(order.key).append(", id) ").append(descending ? "<" : ">")
                    .append(" (?").append(params.size() - 1).append(", ?").append(params.size()).append(")");
        }
        String direction = descending ? " desc" : "";
        params.add(limit + 1);
        sql.append(" order by ").append(order.key).append(direction).append(", id").append(direction)
                .append(" limit ?").append(params.size());
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        List<Row> rows = new ArrayList<>(found.stream().map(Pipeline::row).toList());
        boolean more = rows.size() > limit;
        if (more) {
            rows.removeLast();
        }
        if (backwards) {
            java.util.Collections.reverse(rows);
        }
        Long first = rows.isEmpty() ? null : rows.getFirst().id();
        Long last = rows.isEmpty() ? null : rows.getLast().id();
        if (key == null) {
            return new Page(rows, null, more ? last : null);
        }
        return backwards ? new Page(rows, more ? first : null, last) : new Page(rows, first, more ? last : null);
    }

    /** The chosen applications of one call, for a bulk action's confirmation. */
    public List<Row> rows(long callId, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select id, name, applicant_kind, stage, submitted_at, version from application
                        where call_id = ?1 and stage is not null and id = any(cast(?2 as bigint[])) order by lower(name), id
                        """)
                .setParameter(1, callId)
                .setParameter(2, ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .getResultList();
        return rows.stream().map(Pipeline::row).toList();
    }

    /** A column of the board: how many applications are at a stage, and the newest few of them. */
    public record Column(Stage stage, long count, List<Row> newest) {}

    /** The call's board: every stage with its count and its {@code perColumn} newest applications, in one query. */
    public List<Column> board(long callId, int perColumn) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select id, name, applicant_kind, stage, submitted_at, version, n from (
                          select a.*, row_number() over (partition by stage order by submitted_at desc, id desc) as rn,
                                 count(*) over (partition by stage) as n
                          from application a where call_id = ?1 and stage is not null) t
                        where rn <= ?2 order by stage, rn
                        """)
                .setParameter(1, callId)
                .setParameter(2, perColumn)
                .getResultList();
        Map<Stage, List<Row>> newest = new java.util.EnumMap<>(Stage.class);
        Map<Stage, Long> counts = new java.util.EnumMap<>(Stage.class);
        for (Object[] r : rows) {
            Row row = row(r);
            newest.computeIfAbsent(row.stage(), s -> new ArrayList<>()).add(row);
            counts.put(row.stage(), ((Number) r[6]).longValue());
        }
        return java.util.Arrays.stream(Stage.values())
                .map(s -> new Column(s, counts.getOrDefault(s, 0L), newest.getOrDefault(s, List.of())))
                .toList();
    }

    private static Row row(Object[] r) {
        return new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], Stage.valueOf((String) r[3]),
                ((Timestamp) r[4]).toInstant(), ((Number) r[5]).longValue());
    }

    public long count(long callId, Stage stage) {
        var query = em.createNativeQuery("select count(*) from application where call_id = ?1 and stage is not null"
                        + (stage == null ? "" : " and stage = ?2"))
                .setParameter(1, callId);
        if (stage != null) {
            query.setParameter(2, stage.name());
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * Moves an application, as staff.
     *
     * @param seenVersion the version shown to the person deciding
     * @param reason why; for a decision, the message the applicant reads (required)
     * @throws Stage.IllegalMoveException when the state machine does not allow the move
     * @throws ChangedMeanwhile when the application is no longer at the version seen
     * @throws MessageRequired for a decision without a message
     * @throws Conflicts.Conflicted when the person moving conflicts with the application
     * @throws TextRules.Refused for a reason too long or with a character that cannot be stored
     */
    public void move(Actor actor, long applicationId, long seenVersion, Stage to, String reason) {
        TextRules.require(reason, TextRules.REASON);
        List<?> found = em.createNativeQuery(
                        """
                        select a.stage, a.version, a.applicant_id, a.name, a.legal_form, a.sector, a.region,
                               coalesce(c.title ->> p.locale, c.title ->> 'en'), a.call_id
                        from application a join programme_call c on c.id = a.call_id join person p on p.id = a.applicant_id
                        where a.id = ?1 and a.stage is not null for update of a
                        """)
                .setParameter(1, applicationId)
                .getResultList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No submitted application " + applicationId);
        }
        Object[] current = (Object[]) found.getFirst();
        conflicts.require(actor.personId(), applicationId);
        Stage from = Stage.valueOf((String) current[0]);
        if (((Number) current[1]).longValue() != seenVersion) {
            throw new ChangedMeanwhile(from);
        }
        from.moveTo(to, Stage.Mover.STAFF);
        String why = reason == null ? null : reason.strip();
        if (to.isDecision() && (why == null || why.isEmpty())) {
            throw new MessageRequired();
        }
        Instant now = clock.instant();
        em.createNativeQuery(
                        """
                        update application set stage = ?2, version = version + 1, updated_at = ?3,
                          decision_message = case when ?4 then ?5 else decision_message end,
                          decided_at = case when ?4 then ?3 else decided_at end
                        where id = ?1
                        """)
                .setParameter(1, applicationId)
                .setParameter(2, to.name())
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, to.isDecision())
                .setParameter(5, why)
                .executeUpdate();
        em.createNativeQuery(
                        """
                        insert into stage_change (application_id, from_stage, to_stage, actor_id, actor, at, reason)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        """)
                .setParameter(1, applicationId)
                .setParameter(2, from.name())
                .setParameter(3, to.name())
                .setParameter(4, actor.personId())
                .setParameter(5, actor.username())
                .setParameter(6, Timestamp.from(now))
                .setParameter(7, why)
                .executeUpdate();
        audit.record(actor, "application.move", "application", String.valueOf(applicationId), from + " -> " + to);

        long applicant = ((Number) current[2]).longValue();
        if (to.isDecision()) {
            notifications.notify(new NoticeEvent(applicant, NoticeKind.APPLICATION_DECISION,
                    Map.of("call", (String) current[7], "decisionKey", "decision." + to.name().toLowerCase(), "message", why),
                    "decision:" + applicationId + ":" + to.name(), "/me/"));
        }
        if (to == Stage.ACCEPTED) {
            accepted.fire(new ApplicationAccepted(applicationId, applicant, (String) current[3], (String) current[4],
                    (String) current[5], (String) current[6], members(applicationId)));
        }
    }

    /** A submitted application in full, as staff read it. */
    public record Detail(
            long id, long callId, String callTitleJson, String name, String kind, String legalForm, String sector, String region,
            Stage stage, String receipt, Instant submittedAt, String decisionMessage, long version, List<String> members,
            List<AnswerSheet.Answer> answers) {}

    public java.util.Optional<Detail> detail(long applicationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(
                        """
                        select a.id, a.call_id, c.title::text, a.name, a.applicant_kind, a.legal_form, a.sector, a.region, a.stage,
                               a.receipt, a.submitted_at, a.decision_message, a.version, a.answers::text
                        from application a join programme_call c on c.id = a.call_id where a.id = ?1 and a.stage is not null
                        """)
                .setParameter(1, applicationId)
                .getResultList();
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        Object[] a = found.getFirst();
        long callId = ((Number) a[1]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> people = em.createNativeQuery(
                        """
                        select name, role, consent_at is not null, email from application_member where application_id = ?1
                        order by position""")
                .setParameter(1, applicationId)
                .getResultList();
        List<String> members = people.stream()
                .map(m -> m[0] + (m[1] == null ? "" : " (" + m[1] + ")") + (m[3] == null ? "" : " · " + m[3])
                        + ((Boolean) m[2] ? " ✓" : " ✗"))
                .toList();
        return java.util.Optional.of(new Detail(applicationId, callId, (String) a[2], (String) a[3], (String) a[4], (String) a[5],
                (String) a[6], (String) a[7], Stage.valueOf((String) a[8]), (String) a[9], ((Timestamp) a[10]).toInstant(),
                (String) a[11], ((Number) a[12]).longValue(), members, AnswerSheet.of(em, callId, applicationId, (String) a[13], false)));
    }

    /** The moves of one application, oldest first. */
    public List<String[]> history(long applicationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select from_stage, to_stage, actor, at, reason from stage_change where application_id = ?1 order by at, id")
                .setParameter(1, applicationId)
                .getResultList();
        List<String[]> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new String[] {(String) r[0], (String) r[1], (String) r[2], ((Timestamp) r[3]).toInstant().toString(), (String) r[4]});
        }
        return out;
    }

    private List<ApplicationAccepted.Member> members(long applicationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select name, role from application_member where application_id = ?1 order by position")
                .setParameter(1, applicationId)
                .getResultList();
        return rows.stream().map(r -> new ApplicationAccepted.Member((String) r[0], (String) r[1])).toList();
    }
}

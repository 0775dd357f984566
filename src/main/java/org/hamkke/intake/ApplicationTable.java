package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.db.Rows;

/**
 * What staff read of a call's submitted applications, in SQL: the table (filtered, sorted and paged
 * by key in the database), the neighbours of one application in the table's order, the board of
 * stages, the calls to choose from. Every row carries its review figures from
 * {@code application_score} (kept by the services, V12) and why the reader conflicts with it, if
 * they do ({@link Conflicts}), so a page is a constant number of statements however many rows.
 *
 * <p>The table pages by key, never by offset: a page starts just after a row ({@link Cursor}: its
 * sort key as the database gave it, and its id, which makes the order total), and each order is
 * read from an index in that order (V9, V12), scanned forwards or backwards, so the hundredth page
 * costs what the first does. The filters narrow what the index walk keeps.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class ApplicationTable {

    @Inject
    EntityManager em;

    /** A call in the list staff choose from, with how many applications were submitted to it. */
    public record CallSummary(long id, String titleJson, Instant opensAt, Instant closesAt, long submitted) implements Serializable {}

    /**
     * One application as the table and the board show it.
     *
     * @param score null until a review is scored
     * @param reviewers the assigned reviewers who count (not those who declared a conflict), by name, comma-separated
     * @param conflictDeclared a reviewer declared a conflict: staff must find someone else
     * @param ownConflict why the person reading may not act on it, or null
     */
    public record Row(long id, String name, ApplicantKind kind, Stage stage, Instant submittedAt, long version,
            int reviewsAssigned, int reviewsDone, ScoreSummary score, String reviewers, boolean conflictDeclared,
            Conflicts.Reason ownConflict) implements Serializable {

        /** The stages staff may move it to: none for someone who conflicts with it. */
        public List<Stage> moves() {
            return ownConflict != null ? List.of() : stage.staffMoves().stream().sorted().toList();
        }
    }

    /** A column of the board: how many applications are at a stage, and the newest few of them. */
    public record Column(Stage stage, long count, List<Row> newest) {}

    /**
     * The orders of the table, each by one column and either way, with the id last so the order is
     * total. Each has an index that reads it, without a stage and with one (scanned backwards for
     * the other direction): {@code application_call_submitted} and {@code application_pipeline},
     * {@code application_call_name} and {@code application_call_stage_name} (V6, V9), and for the
     * scores {@code application_score_mean}, {@code application_score_normalised} and the same
     * with the stage (V12, V13), where an application not yet scored counts as -1, below any
     * score. The key and the id are the index's own columns, so a page starts inside the index.
     */
    public enum Sort {
        SUBMITTED("a.submitted_at", "a.id"),
        NAME("lower(a.name)", "a.id"),
        /** The mean of the raw scores. */
        MEAN("coalesce(s.mean, -1)", "s.application_id"),
        /** The normalised score ({@link Scoring}: each reviewer's habits taken out). */
        SCORE("coalesce(s.normalised, -1)", "s.application_id");

        private final String key;
        private final String id;

        Sort(String key, String id) {
            this.key = key;
            this.id = id;
        }

        /** By score, the summary drives the walk (its indexes are in score order); otherwise the application does. */
        boolean byScore() {
            return this == MEAN || this == SCORE;
        }
    }

    /**
     * What staff ask the table for: one call's submitted applications, optionally of one stage,
     * one kind of applicant, with a name containing some text (any case), or with reviewers in
     * strong disagreement; in one order.
     *
     * @param name text the name contains; blank, or text that could never be stored, asks nothing
     */
    public record Query(long callId, Stage stage, ApplicantKind kind, String name, boolean disagreement, Sort sort,
            boolean descending) implements Serializable {

        /** Longest name search kept: a name is at most {@link TextRules#NAME} characters. */
        static final int NAME_SEARCH = TextRules.NAME;

        public Query {
            name = nameSearch(name);
            sort = sort == null ? Sort.SUBMITTED : sort;
        }

        /** The name search as asked: trimmed, at most as long as a name; null asks nothing. */
        public static String nameSearch(String typed) {
            if (typed == null || typed.isBlank() || !TextRules.storable(typed)) {
                return null;
            }
            String name = typed.strip();
            return name.length() > NAME_SEARCH ? name.substring(0, NAME_SEARCH) : name;
        }

        /** The whole call, newest first. */
        public static Query of(long callId) {
            return new Query(callId, null, null, null, false, Sort.SUBMITTED, true);
        }
    }

    /** Where a page starts: just after the row with this sort key (as the database gave it) and id. */
    public record Cursor(Serializable key, long id) implements Serializable {}

    /**
     * Some rows in the query's order.
     *
     * @param last where the page after these starts
     * @param more whether there are rows after these
     */
    public record Slice(List<Row> rows, Cursor last, boolean more) {}

    /** The applications just before and after one in the table's order; either may be absent. */
    public record Neighbours(Neighbour previous, Neighbour next) {}

    public record Neighbour(long id, String name) {}

    public List<CallSummary> calls() {
        return Rows.list(em.createNativeQuery(CALL_SUMMARY + " order by c.closes_at desc, c.id desc"), ApplicationTable::callSummary);
    }

    /** A call as a page about it names it. */
    public record Call(long id, String titleJson) implements Serializable {}

    /** The call, when there is one (any state): the staff pages answer 404 for any other number. */
    public Optional<Call> findCall(long callId) {
        return Rows.first(em.createNativeQuery("select id, title from programme_call where id = ?1").setParameter(1, callId),
                r -> new Call(r.id("id"), r.text("title")));
    }

    private static final String CALL_SUMMARY = """
            select c.id, c.title, c.opens_at, c.closes_at,
                   (select count(*) from application a where a.call_id = c.id and a.stage is not null) as submitted
            from programme_call c""";

    private static CallSummary callSummary(Rows.Row r) {
        return new CallSummary(r.id("id"), r.text("title"), r.instant("opens_at"), r.instant("closes_at"), r.id("submitted"));
    }

    /** How many applications the query finds (one statement). */
    public long count(Query query) {
        Sql sql = new Sql();
        String where = sql.where(query, false);
        return Rows.first(sql.bind(em.createNativeQuery("select count(*) as n from application a"
                + " left join application_score s on s.application_id = a.id where " + where)), r -> r.id("n")).orElse(0L);
    }

    /**
     * Up to {@code limit} rows in the query's order, starting just after {@code after} (null: from
     * the top), read by the person {@code readerId} (one statement).
     */
    public Slice page(long readerId, Query query, Cursor after, int limit) {
        Sql sql = new Sql(readerId);
        String where = sql.where(query, query.sort().byScore());
        String direction = query.descending() ? " desc" : "";
        String key = query.sort().key;
        String id = query.sort().id;
        if (after != null) {
            where += " and (" + key + ", " + id + ") " + (query.descending() ? "<" : ">") + " (" + sql.add(after.key()) + ", "
                    + sql.add(after.id()) + ")";
        }
        String order = " order by " + key + direction + ", " + id + direction;
        List<Map.Entry<Row, Cursor>> rows = new ArrayList<>(Rows.list(sql.bind(em.createNativeQuery(
                        "select " + COLUMNS + ", " + key + " as sort_key from " + from(query.sort()) + " where " + where + order
                                + " limit " + sql.add(limit + 1))),
                r -> Map.entry(row(r), new Cursor((Serializable) r.raw("sort_key"), r.id("id")))));
        boolean more = rows.size() > limit;
        if (more) {
            rows.removeLast();
        }
        return new Slice(rows.stream().map(Map.Entry::getKey).toList(), rows.isEmpty() ? after : rows.getLast().getValue(), more);
    }

    /**
     * The applications just before and after {@code applicationId} in the query's order, among
     * those the query finds (one statement). The application itself need not match the query any
     * more (it may just have been moved out of the stage asked for): its place in the order is
     * where it would stand. Nothing when it is not a submitted application of the query's call.
     */
    public Neighbours neighbours(Query query, long applicationId) {
        Sql sql = new Sql();
        String where = sql.where(query, query.sort().byScore());
        String here = sql.add(applicationId);
        String key = query.sort().key;
        String id = query.sort().id;
        String after = query.descending() ? "<" : ">";
        String before = query.descending() ? ">" : "<";
        String forwards = query.descending() ? " desc" : "";
        String backwards = query.descending() ? "" : " desc";
        String side = "(select '%s' as side, a.id, a.name from " + from(query.sort()) + ", here where " + where
                + " and (" + key + ", " + id + ") %s (here.k, here.id) order by " + key + "%s, " + id + "%s limit 1)";
        String statement = "with here as (select " + key + " as k, a.id from application a left join application_score s on s.application_id = a.id"
                + " where a.id = " + here + " and a.call_id = " + sql.add(query.callId()) + " and a.stage is not null) "
                + side.formatted("previous", before, backwards, backwards) + " union all " + side.formatted("next", after, forwards, forwards);
        Neighbour previous = null;
        Neighbour next = null;
        for (var n : Rows.list(sql.bind(em.createNativeQuery(statement)), r -> Map.entry(r.text("side"), new Neighbour(r.id("id"), r.text("name"))))) {
            if (n.getKey().equals("previous")) {
                previous = n.getValue();
            } else {
                next = n.getValue();
            }
        }
        return new Neighbours(previous, next);
    }

    /** The chosen applications of one call, by name, for a bulk action's confirmation, or to read one row again. */
    public List<Row> rows(long readerId, long callId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Rows.list(em.createNativeQuery("select " + COLUMNS + " from application a left join application_score s on s.application_id = a.id"
                                + " where a.call_id = ?2 and a.stage is not null and a.id = any(cast(?3 as bigint[])) order by lower(a.name), a.id")
                        .setParameter(1, readerId)
                        .setParameter(2, callId)
                        .setParameter(3, Conflicts.array(ids)),
                ApplicationTable::row);
    }

    /** The call's board: every stage with its count and its {@code perColumn} newest applications, in one query. */
    public List<Column> board(long readerId, long callId, int perColumn) {
        Map<Stage, List<Row>> newest = new EnumMap<>(Stage.class);
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

    /** By score the summary drives the walk; it has a row for every submitted application (V12). */
    private static String from(Sort sort) {
        return sort.byScore()
                ? "application_score s join application a on a.id = s.application_id"
                : "application a left join application_score s on s.application_id = a.id";
    }

    /** A statement's numbered parameters; for rows, the reader ({@code ?1}) first: the row's conflict reads it. */
    private static final class Sql {
        private final List<Object> params = new ArrayList<>();

        /** For a statement that reads no row's conflict. */
        Sql() {}

        Sql(long readerId) {
            params.add(readerId);
        }

        String add(Object value) {
            params.add(value);
            return "?" + params.size();
        }

        /** The query's conditions on {@code a} (the application) and {@code s} (its score summary). */
        String where(Query q, boolean byScore) {
            // By score, the summary's own call and stage (V13), which its indexes lead with.
            String row = byScore ? "s" : "a";
            StringBuilder where = new StringBuilder(row + ".call_id = ").append(add(q.callId()))
                    .append(" and ").append(row).append(".stage is not null");
            if (q.stage() != null) {
                where.append(" and ").append(row).append(".stage = ").append(add(q.stage().name()));
            }
            if (q.kind() != null) {
                where.append(" and a.applicant_kind = ").append(add(q.kind().name()));
            }
            if (q.name() != null) {
                where.append(" and strpos(lower(a.name), ").append(add(q.name().toLowerCase(Locale.ROOT))).append(") > 0");
            }
            if (q.disagreement()) {
                where.append(" and s.disagreement");
            }
            return where.toString();
        }

        jakarta.persistence.Query bind(jakarta.persistence.Query query) {
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query;
        }
    }

    /**
     * A row of the table: the application {@code a}, its score summary {@code s}, its reviewers who
     * count, whether one declared a conflict, and the reader's ({@code ?1}) conflict with it.
     */
    private static final String COLUMNS = """
            a.id, a.name, a.applicant_kind, a.stage, a.submitted_at, a.version,
                   coalesce(s.reviews_assigned, 0) as reviews_assigned, coalesce(s.reviews_done, 0) as reviews_done,
                   coalesce(s.reviews_scored, 0) as reviews_scored, s.mean, s.spread, s.normalised, coalesce(s.disagreement, false) as disagreement,
                   (select string_agg(coalesce(nullif(p.display_name, ''), p.username), ', ' order by coalesce(nullif(p.display_name, ''), p.username))
                    from review_assignment x join person p on p.id = x.reviewer_id
                    where x.application_id = a.id and x.conflict <> 'CONFLICT') as reviewers,
                   exists (select 1 from review_assignment x where x.application_id = a.id and x.conflict = 'CONFLICT') as conflict_declared,
                   %s as own_conflict
            """.formatted(Conflicts.reason("?1", "a"));

    private static Row row(Rows.Row r) {
        int scored = r.integer("reviews_scored");
        ScoreSummary score = scored == 0 ? null : new ScoreSummary(r.integer("reviews_assigned"), r.integer("reviews_done"), scored,
                r.number("mean"), r.number("spread"), r.number("normalised"), r.flag("disagreement"));
        return new Row(r.id("id"), r.text("name"), r.constant(ApplicantKind.class, "applicant_kind"),
                r.constant(Stage.class, "stage"), r.instant("submitted_at"), r.id("version"), r.integer("reviews_assigned"),
                r.integer("reviews_done"), score, r.text("reviewers"), r.flag("conflict_declared"),
                r.constant(Conflicts.Reason.class, "own_conflict"));
    }
}

package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.JsonObjects;
import org.hamkke.shared.LocalizedTextConverter;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;

/**
 * Staff creating and editing programme calls: the call, its application form and its review
 * rubric, saved together in one transaction and audited. Only staff and admins may call it (checked
 * here, not only by the page's address). A save names the version the person loaded; if someone
 * saved the call meanwhile, it is refused and nothing is overwritten.
 *
 * <p>Two rules protect what others already entered: a question that applicants answered is removed
 * only when staff confirm it, and once a review is submitted no rubric key may go, because reviews
 * keep their scores by key.
 *
 * <p>A removed question is never deleted, only marked ({@code removed_at}): new applicants no
 * longer see it, while every application submitted before keeps showing it with its answer and its
 * file. Refusing the removal instead would leave staff unable to correct a call that is already
 * open (a question that turned out to be unfair or unclear), and deleting it took applicants'
 * files with it (the file rows cascaded). Keeping it costs a row per removed question.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class Calls {

    public static final String AUDIT_TYPE = "programme_call";
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;


    /** A call in the staff list. */
    public record Listing(long id, String titleJson, Instant opensAt, Instant closesAt, String timeZone, long submitted,
            String status) {

        public ZonedDateTime opensLocal() {
            return opensAt.atZone(ZoneId.of(timeZone));
        }

        public ZonedDateTime closesLocal() {
            return closesAt.atZone(ZoneId.of(timeZone));
        }
    }

    /** Why a save was refused, per field. */
    public static final class Refused extends RuntimeException {
        private final List<CallRules.Problem> problems;

        Refused(List<CallRules.Problem> problems) {
            super(problems.size() + " problems");
            this.problems = List.copyOf(problems);
        }

        public List<CallRules.Problem> problems() {
            return problems;
        }
    }

    /** Thrown when the call was saved by someone else since the editor was opened. */
    public static final class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile() {
            super("The call changed meanwhile");
        }
    }

    /** One page of all calls, latest closing first; open, closed or upcoming by the server's clock. */
    public List<Listing> page(int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select c.id, c.title::text, c.opens_at, c.closes_at, c.time_zone,
                               (select count(*) from application a where a.call_id = c.id and a.stage is not null),
                               case when c.opens_at > ?1 then 'UPCOMING' when c.closes_at > ?1 then 'OPEN' else 'CLOSED' end
                        from programme_call c order by c.closes_at desc, c.id desc offset ?2 limit ?3
                        """)
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, offset)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Listing(((Number) r[0]).longValue(), (String) r[1], ((Timestamp) r[2]).toInstant(),
                        ((Timestamp) r[3]).toInstant(), (String) r[4], ((Number) r[5]).longValue(), (String) r[6]))
                .toList();
    }

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from programme_call").getSingleResult()).longValue();
    }

    /** The call as the editor shows it, with how many applications answer each question. */
    public Optional<CallForm> form(long callId) {
        List<?> found = em.createNativeQuery(
                        """
                        select version, title::text, summary::text, description::text, eligibility::text, opens_at, closes_at,
                               time_zone, max_ventures, blind_review, share_feedback, review_deadline, disagreement_threshold
                        from programme_call where id = ?1
                        """)
                .setParameter(1, callId)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) found.getFirst();
        CallForm form = new CallForm();
        form.setId(callId);
        form.setVersion(((Number) r[0]).longValue());
        putTexts(form.getTitle(), r[1]);
        putTexts(form.getSummary(), r[2]);
        putTexts(form.getDescription(), r[3]);
        putTexts(form.getEligibility(), r[4]);
        ZoneId zone = ZoneId.of((String) r[7]);
        form.setTimeZone(zone.getId());
        form.setOpensAt(typed((Timestamp) r[5], zone));
        form.setClosesAt(typed((Timestamp) r[6], zone));
        form.setMaxVentures(r[8] == null ? null : r[8].toString());
        form.setBlindReview((Boolean) r[9]);
        form.setShareFeedback((Boolean) r[10]);
        form.setReviewDeadline(r[11] == null ? null : typed((Timestamp) r[11], zone));
        form.setDisagreementThreshold(((BigDecimal) r[12]).stripTrailingZeros().toPlainString());
        form.setReviewed(hasSubmittedReviews(callId));
        loadQuestions(callId, form);
        loadCriteria(callId, form);
        return Optional.of(form);
    }

    private void loadQuestions(long callId, CallForm form) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select q.id, q.kind, q.label::text, q.help::text, q.required, q.max_length, q.min_value, q.max_value,
                               q.choices::text,
                               (select count(*) from application a where a.call_id = q.call_id
                                  and (coalesce(a.answers ->> cast(q.id as text), '') <> ''
                                       or exists (select 1 from application_file f where f.application_id = a.id and f.question_id = q.id)))
                        from call_question q where q.call_id = ?1 and q.removed_at is null order by q.position
                        """)
                .setParameter(1, callId)
                .getResultList();
        for (Object[] r : rows) {
            CallForm.Question q = new CallForm.Question(((Number) r[0]).longValue(), ((Number) r[9]).longValue(),
                    QuestionChoice.read((String) r[8]));
            form.getQuestions().add(q);
            q.setKind((String) r[1]);
            putTexts(q.getLabel(), r[2]);
            putTexts(q.getHelp(), r[3]);
            q.setRequired((Boolean) r[4]);
            q.setMaxLength(r[5] == null ? null : r[5].toString());
            q.setMinValue(r[6] == null ? null : ((BigDecimal) r[6]).stripTrailingZeros().toPlainString());
            q.setMaxValue(r[7] == null ? null : ((BigDecimal) r[7]).stripTrailingZeros().toPlainString());
        }
    }

    private void loadCriteria(long callId, CallForm form) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select key, label::text, guidance::text, weight, max_score, bands::text
                        from rubric_criterion where call_id = ?1 order by position
                        """)
                .setParameter(1, callId)
                .getResultList();
        for (Object[] r : rows) {
            CallForm.Criterion c = form.addCriterion();
            c.setKey((String) r[0]);
            putTexts(c.getLabel(), r[1]);
            putTexts(c.getGuidance(), r[2]);
            c.setWeight(((BigDecimal) r[3]).stripTrailingZeros().toPlainString());
            c.setMaxScore(r[4].toString());
            c.setBands(ScoreBand.read((String) r[5]).stream().map(ScoreBand::line).collect(Collectors.joining("\n")));
        }
    }

    /**
     * Creates the call (no id yet) or updates it, with its questions and rubric.
     *
     * @return the call's id
     * @throws Refused with every problem found, nothing saved
     * @throws ChangedMeanwhile when someone saved the call since {@code form} was loaded
     */
    public long save(Actor actor, CallForm form) {
        List<CallRules.Problem> problems = new ArrayList<>(CallRules.check(form));
        Long callId = form.getId();
        List<Long> removed = List.of();
        if (callId != null) {
            List<?> version = em.createNativeQuery("select version from programme_call where id = ?1 for update")
                    .setParameter(1, callId)
                    .getResultList();
            if (version.isEmpty() || ((Number) version.getFirst()).longValue() != form.getVersion()) {
                throw new ChangedMeanwhile();
            }
            removed = removedQuestions(callId, form);
            problems.addAll(answeredRemovals(callId, form, removed));
            problems.addAll(keysInUse(callId, form));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        boolean created = callId == null;
        callId = created ? insertCall(form) : updateCall(callId, form);
        saveQuestions(callId, form, removed);
        saveCriteria(callId, form);
        audit.record(actor, created ? "call.create" : "call.update", AUDIT_TYPE, String.valueOf(callId),
                "questions=" + (form.getQuestions().size() - removed.size()) + " criteria=" + form.getCriteria().size()
                        + (removed.isEmpty() ? "" : " removedQuestions=" + removed));
        return callId;
    }

    private long insertCall(CallForm form) {
        return ((Number) callStatement("""
                        insert into programme_call (title, summary, description, eligibility, opens_at, closes_at, time_zone,
                          max_ventures, blind_review, share_feedback, review_deadline, disagreement_threshold)
                        values (cast(?1 as jsonb), cast(?2 as jsonb), cast(?3 as jsonb), cast(?4 as jsonb), ?5, ?6, ?7,
                          cast(?8 as int), ?9, ?10, cast(?11 as timestamptz), ?12)
                        returning id
                        """, form).getSingleResult()).longValue();
    }

    private long updateCall(long callId, CallForm form) {
        callStatement("""
                        update programme_call set title = cast(?1 as jsonb), summary = cast(?2 as jsonb),
                          description = cast(?3 as jsonb), eligibility = cast(?4 as jsonb), opens_at = ?5, closes_at = ?6,
                          time_zone = ?7, max_ventures = cast(?8 as int), blind_review = ?9, share_feedback = ?10,
                          review_deadline = cast(?11 as timestamptz), disagreement_threshold = ?12, version = version + 1
                        where id = ?13
                        """, form).setParameter(13, callId).executeUpdate();
        return callId;
    }

    private jakarta.persistence.Query callStatement(String sql, CallForm form) {
        String zone = form.getTimeZone().strip();
        return em.createNativeQuery(sql)
                .setParameter(1, texts(form.getTitle()))
                .setParameter(2, texts(form.getSummary()))
                .setParameter(3, texts(form.getDescription()))
                .setParameter(4, texts(form.getEligibility()))
                .setParameter(5, Timestamp.from(CallRules.instant(form.getOpensAt(), zone)))
                .setParameter(6, Timestamp.from(CallRules.instant(form.getClosesAt(), zone)))
                .setParameter(7, zone)
                .setParameter(8, CallRules.whole(form.getMaxVentures()).map(String::valueOf).orElse(null))
                .setParameter(9, form.isBlindReview())
                .setParameter(10, form.isShareFeedback())
                .setParameter(11, CallRules.blank(form.getReviewDeadline())
                        ? null
                        : CallRules.instant(form.getReviewDeadline(), zone).toString())
                .setParameter(12, CallRules.decimal(form.getDisagreementThreshold()).orElseThrow());
    }

    /** Saved questions that the form no longer keeps. */
    private List<Long> removedQuestions(long callId, CallForm form) {
        Set<Long> kept = form.getQuestions().stream().filter(q -> q.getId() != null && !q.isRemoved())
                .map(CallForm.Question::getId).collect(Collectors.toSet());
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from call_question where call_id = ?1 and removed_at is null")
                .setParameter(1, callId)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).filter(id -> !kept.contains(id)).toList();
    }

    /** A removed question with answers needs its confirmation box ticked; counted now, not when the page opened. */
    private List<CallRules.Problem> answeredRemovals(long callId, CallForm form, List<Long> removed) {
        List<CallRules.Problem> problems = new ArrayList<>();
        for (int i = 0; i < form.getQuestions().size(); i++) {
            CallForm.Question q = form.getQuestions().get(i);
            if (q.getId() != null && removed.contains(q.getId()) && !q.isConfirmRemoval()) {
                // A file is an answer too: it lives in application_file, not in the answers.
                long answers = ((Number) em.createNativeQuery(
                                """
                                select count(*) from application a where a.call_id = ?1
                                  and (coalesce(a.answers ->> cast(?2 as text), '') <> ''
                                       or exists (select 1 from application_file f where f.application_id = a.id and f.question_id = ?3))
                                """)
                        .setParameter(1, callId)
                        .setParameter(2, String.valueOf(q.getId()))
                        .setParameter(3, q.getId())
                        .getSingleResult()).longValue();
                if (answers > 0) {
                    problems.add(new CallRules.Problem("q" + i + ".remove", "calls.question.confirmRemoval", String.valueOf(answers)));
                }
            }
        }
        return problems;
    }

    private List<CallRules.Problem> keysInUse(long callId, CallForm form) {
        if (!hasSubmittedReviews(callId)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> saved = em.createNativeQuery("select key from rubric_criterion where call_id = ?1 order by position")
                .setParameter(1, callId)
                .getResultList();
        Set<String> kept = form.getCriteria().stream().map(CallForm.Criterion::effectiveKey).collect(Collectors.toSet());
        List<String> missing = saved.stream().filter(key -> !kept.contains(key)).toList();
        return missing.isEmpty()
                ? List.of()
                : List.of(new CallRules.Problem("rubric", "calls.criterion.keyInUse", String.join(", ", missing)));
    }

    private boolean hasSubmittedReviews(long callId) {
        return !em.createNativeQuery(
                        """
                        select 1 from review r join review_assignment ra on ra.id = r.assignment_id
                        join application a on a.id = ra.application_id
                        where a.call_id = ?1 and r.status = 'SUBMITTED' limit 1
                        """)
                .setParameter(1, callId)
                .getResultList()
                .isEmpty();
    }

    /**
     * Questions keep their ids (answers are keyed by question id); positions are first moved out of
     * the way, as (call, position) is unique among live questions and rows swap places. A removed
     * question is marked, not deleted (see the class comment), and keeps its last position, so a
     * submitted application shows it where it was.
     */
    private void saveQuestions(long callId, CallForm form, List<Long> removed) {
        for (Long id : removed) {
            em.createNativeQuery("update call_question set removed_at = ?3 where id = ?1 and call_id = ?2 and removed_at is null")
                    .setParameter(1, id)
                    .setParameter(2, callId)
                    .setParameter(3, Timestamp.from(clock.instant()))
                    .executeUpdate();
        }
        em.createNativeQuery("update call_question set position = -position - 1 where call_id = ?1 and removed_at is null")
                .setParameter(1, callId)
                .executeUpdate();
        int position = 0;
        for (CallForm.Question q : form.getQuestions()) {
            if (q.isRemoved()) {
                continue;
            }
            position++;
            String sql = q.getId() == null
                    ? """
                      insert into call_question (kind, label, help, required, max_length, min_value, max_value, choices,
                        position, call_id)
                      values (?1, cast(?2 as jsonb), cast(?3 as jsonb), ?4, cast(?5 as int), cast(?6 as numeric),
                        cast(?7 as numeric), cast(?8 as jsonb), ?9, ?10)
                      """
                    : """
                      update call_question set kind = ?1, label = cast(?2 as jsonb), help = cast(?3 as jsonb), required = ?4,
                        max_length = cast(?5 as int), min_value = cast(?6 as numeric), max_value = cast(?7 as numeric),
                        choices = cast(?8 as jsonb), position = ?9
                      where call_id = ?10 and id = ?11 and removed_at is null
                      """;
            var statement = em.createNativeQuery(sql)
                    .setParameter(1, q.getKind())
                    .setParameter(2, texts(q.getLabel()))
                    .setParameter(3, texts(q.getHelp()))
                    .setParameter(4, q.isRequired())
                    .setParameter(5, q.isText() ? CallRules.whole(q.getMaxLength()).map(String::valueOf).orElse(null) : null)
                    .setParameter(6, q.isNumber() ? CallRules.decimal(q.getMinValue()).map(BigDecimal::toPlainString).orElse(null) : null)
                    .setParameter(7, q.isNumber() ? CallRules.decimal(q.getMaxValue()).map(BigDecimal::toPlainString).orElse(null) : null)
                    .setParameter(8, q.isChoice() ? QuestionChoice.json(CallRules.choices(q)) : "[]")
                    .setParameter(9, position)
                    .setParameter(10, callId);
            if (q.getId() != null) {
                statement.setParameter(11, q.getId());
            }
            statement.executeUpdate();
        }
    }

    /** Criteria are rewritten whole: nothing refers to their rows, reviews refer to their keys. */
    private void saveCriteria(long callId, CallForm form) {
        em.createNativeQuery("delete from rubric_criterion where call_id = ?1").setParameter(1, callId).executeUpdate();
        int position = 0;
        for (CallForm.Criterion c : form.getCriteria()) {
            em.createNativeQuery(
                            """
                            insert into rubric_criterion (call_id, position, key, label, guidance, weight, max_score, bands)
                            values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as jsonb), ?6, ?7, cast(?8 as jsonb))
                            """)
                    .setParameter(1, callId)
                    .setParameter(2, ++position)
                    .setParameter(3, c.effectiveKey())
                    .setParameter(4, texts(c.getLabel()))
                    .setParameter(5, texts(c.getGuidance()))
                    .setParameter(6, CallRules.decimal(c.getWeight()).orElseThrow())
                    .setParameter(7, CallRules.whole(c.getMaxScore()).orElseThrow())
                    .setParameter(8, ScoreBand.json(CallRules.bands(c)))
                    .executeUpdate();
        }
    }


    /** The non-blank texts of a per-language map as a JSON object. */
    private static String texts(Map<String, String> byLanguage) {
        Map<String, String> kept = new LinkedHashMap<>();
        byLanguage.forEach((language, text) -> {
            if (!CallRules.blank(text)) {
                kept.put(language, text.strip());
            }
        });
        return JsonObjects.of(kept);
    }

    private static void putTexts(Map<String, String> into, Object json) {
        Set<String> known = new HashSet<>(into.keySet());
        new LocalizedTextConverter().convertToEntityAttribute(json).asMap().forEach((language, text) -> {
            if (known.contains(language)) {
                into.put(language, text);
            }
        });
    }

    private static String typed(Timestamp at, ZoneId zone) {
        return TYPED.format(at.toInstant().atZone(zone));
    }
}

package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hamkke.academy.Completions;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Languages;
import org.hamkke.identity.Role;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.Rows;

/**
 * Staff creating and editing programme calls: the call, its application form and its review
 * rubric, saved together in one transaction and audited. Only staff and admins may call it (checked
 * here, not only by the page's address). A save names the version the person loaded; if someone
 * saved the call meanwhile, it is refused and nothing is overwritten.
 *
 * <p>Two rules protect what others already entered, and live here because they count other
 * aggregates' rows: a question that applicants answered is removed only when staff confirm it
 * ({@link #answeredRemovals}), and once a review is submitted no rubric key may go
 * ({@link #keysInUse}), because reviews keep their scores by key.
 *
 * <p>A removed question is never deleted, only marked ({@link CallQuestion#remove}): new
 * applicants no longer see it, while every application submitted before keeps showing it with its
 * answer and its file. Refusing the removal instead would leave staff unable to correct a call that
 * is already open (a question that turned out to be unfair or unclear), and deleting it took
 * applicants' files with it. Keeping it costs a row per removed question.
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

    @Inject
    Completions completions;

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
        private final List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.size() + " problems");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
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
        return Rows.list(em.createNativeQuery("""
                                select c.id, c.title, c.opens_at, c.closes_at, c.time_zone,
                                       (select count(*) from application a where a.call_id = c.id and a.stage is not null) as submitted,
                                       case when c.opens_at > ?1 then 'UPCOMING' when c.closes_at > ?1 then 'OPEN' else 'CLOSED' end as status
                                from programme_call c order by c.closes_at desc, c.id desc offset ?2 limit ?3
                                """)
                        .setParameter(1, Timestamp.from(clock.instant()))
                        .setParameter(2, offset)
                        .setParameter(3, limit),
                r -> new Listing(r.id("id"), r.text("title"), r.instant("opens_at"), r.instant("closes_at"), r.text("time_zone"),
                        r.id("submitted"), r.text("status")));
    }

    public long count() {
        return em.createQuery("select count(c) from ProgrammeCall c", Long.class).getSingleResult();
    }

    /** The call as the editor shows it, with how many applications answer each question. */
    public Optional<CallForm> form(long callId) {
        ProgrammeCall call = em.find(ProgrammeCall.class, callId);
        if (call == null) {
            return Optional.empty();
        }
        CallForm form = new CallForm();
        form.setId(callId);
        form.setVersion(call.getVersion());
        putTexts(form.getTitle(), call.getTitle());
        putTexts(form.getSummary(), call.getSummary());
        putTexts(form.getDescription(), call.getDescription());
        putTexts(form.getEligibility(), call.getEligibility());
        ZoneId zone = ZoneId.of(call.getTimeZone());
        form.setTimeZone(zone.getId());
        form.setOpensAt(TYPED.format(call.getOpensAt().atZone(zone)));
        form.setClosesAt(TYPED.format(call.getClosesAt().atZone(zone)));
        form.setMaxVentures(call.getMaxVentures() == null ? null : call.getMaxVentures().toString());
        form.setBlindReview(call.isBlindReview());
        form.setShareFeedback(call.isShareFeedback());
        form.setReviewDeadline(call.getReviewDeadline() == null ? null : TYPED.format(call.getReviewDeadline().atZone(zone)));
        form.setDisagreementThreshold(plain(call.getDisagreementThreshold()));
        form.setRequiredCourseId(call.getRequiredCourseId());
        form.setReviewed(hasSubmittedReviews(callId));
        Map<Long, Long> answered = answersPerQuestion(callId);
        for (CallQuestion q : call.getAskedQuestions()) {
            CallForm.Question question = new CallForm.Question(q.getId(), answered.getOrDefault(q.getId(), 0L), q.getChoices());
            form.getQuestions().add(question);
            question.setKind(q.getKind().name());
            putTexts(question.getLabel(), q.getLabel());
            putTexts(question.getHelp(), q.getHelp());
            question.setRequired(q.isRequired());
            question.setMaxLength(q.getMaxLength() == null ? null : q.getMaxLength().toString());
            question.setMinValue(q.getMinValue() == null ? null : plain(q.getMinValue()));
            question.setMaxValue(q.getMaxValue() == null ? null : plain(q.getMaxValue()));
        }
        for (RubricCriterion c : call.getCriteria()) {
            CallForm.Criterion criterion = form.addCriterion();
            criterion.setKey(c.getKey());
            putTexts(criterion.getLabel(), c.getLabel());
            putTexts(criterion.getGuidance(), c.getGuidance());
            criterion.setWeight(plain(c.getWeight()));
            criterion.setMaxScore(String.valueOf(c.getMaxScore()));
            criterion.setBands(lines(c.getBands(), Languages.DEFAULT));
            for (String language : criterion.getBandTranslations().keySet()) {
                criterion.getBandTranslations().put(language, lines(c.getBands(), language));
            }
        }
        return Optional.of(form);
    }

    /** How many applications (drafts included) answer each live question, a file counting as an answer. */
    private Map<Long, Long> answersPerQuestion(long callId) {
        Map<Long, Long> answered = new HashMap<>();
        Rows.list(em.createNativeQuery("""
                                select q.id, (select count(*) from application a where a.call_id = q.call_id
                                  and (coalesce(a.answers ->> cast(q.id as text), '') <> ''
                                       or exists (select 1 from application_file f where f.application_id = a.id and f.question_id = q.id)))
                                  as answers
                                from call_question q where q.call_id = ?1 and q.removed_at is null""")
                        .setParameter(1, callId),
                r -> Map.entry(r.id("id"), r.id("answers")))
                .forEach(e -> answered.put(e.getKey(), e.getValue()));
        return answered;
    }

    /**
     * Creates the call (no id yet) or updates it, with its questions and rubric.
     *
     * @return the call's id
     * @throws Refused with every problem found, nothing saved
     * @throws ChangedMeanwhile when someone saved the call since {@code form} was loaded
     */
    public long save(Actor actor, CallForm form) {
        List<Problem> problems = new ArrayList<>(CallRules.check(form));
        ProgrammeCall call = null;
        List<CallQuestion> removed = List.of();
        if (form.getId() != null) {
            // Locked for the save; its version moves even when only its questions change.
            call = em.find(ProgrammeCall.class, form.getId(), LockModeType.PESSIMISTIC_WRITE);
            if (call == null || call.getVersion() != form.getVersion()) {
                throw new ChangedMeanwhile();
            }
            em.lock(call, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            removed = removedQuestions(call, form);
            problems.addAll(answeredRemovals(call.getId(), form, removed));
            problems.addAll(keysInUse(call, form));
        }
        // A required course is one of the academy's (the page offers only those; a forged or stale id is told so).
        if (form.getRequiredCourseId() != null && completions.course(form.getRequiredCourseId()).isEmpty()) {
            problems.add(new Problem("requiredCourse", "calls.requiredCourseUnknown"));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        String zone = form.getTimeZone().strip();
        LocalizedText title = LocalizedText.of(form.getTitle());
        LocalizedText summary = LocalizedText.of(form.getSummary());
        boolean created = call == null;
        if (created) {
            call = new ProgrammeCall(title, summary, CallRules.instant(form.getOpensAt(), zone),
                    CallRules.instant(form.getClosesAt(), zone), ZoneId.of(zone));
            em.persist(call);
        }
        call.describe(title, summary, LocalizedText.of(form.getDescription()), LocalizedText.of(form.getEligibility()));
        call.schedule(CallRules.instant(form.getOpensAt(), zone), CallRules.instant(form.getClosesAt(), zone), ZoneId.of(zone),
                CallRules.blank(form.getReviewDeadline()) ? null : CallRules.instant(form.getReviewDeadline(), zone));
        call.judge(CallRules.whole(form.getMaxVentures()).orElse(null), form.isBlindReview(), form.isShareFeedback(),
                CallRules.decimal(form.getDisagreementThreshold()).orElseThrow());
        call.requireCourse(form.getRequiredCourseId());
        saveQuestions(call, form, removed);
        saveCriteria(call, form);
        em.flush();
        if (!created) {
            // The rubric's weights and the disagreement threshold move every score of the call.
            ScoreSummaries.refresh(em, call.getId());
        }
        int kept = (int) form.getQuestions().stream().filter(q -> !q.isRemoved()).count();
        audit.record(actor, created ? "call.create" : "call.update", AUDIT_TYPE, String.valueOf(call.getId()),
                "questions=" + kept + " criteria=" + form.getCriteria().size()
                        + (form.getRequiredCourseId() == null ? "" : " requiredCourse=" + form.getRequiredCourseId())
                        + (removed.isEmpty() ? "" : " removedQuestions=" + removed.stream().map(CallQuestion::getId).toList()));
        return call.getId();
    }

    /** Saved questions that the form no longer keeps. */
    private static List<CallQuestion> removedQuestions(ProgrammeCall call, CallForm form) {
        Set<Long> kept = form.getQuestions().stream().filter(q -> q.getId() != null && !q.isRemoved())
                .map(CallForm.Question::getId).collect(Collectors.toSet());
        return call.getAskedQuestions().stream().filter(q -> !kept.contains(q.getId())).toList();
    }

    /** A removed question with answers needs its confirmation box ticked; counted now, not when the page opened. */
    private List<Problem> answeredRemovals(long callId, CallForm form, List<CallQuestion> removed) {
        Set<Long> removedIds = removed.stream().map(CallQuestion::getId).collect(Collectors.toSet());
        Map<Long, Long> answered = removedIds.isEmpty() ? Map.of() : answersPerQuestion(callId);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < form.getQuestions().size(); i++) {
            CallForm.Question q = form.getQuestions().get(i);
            if (q.getId() != null && removedIds.contains(q.getId()) && !q.isConfirmRemoval()) {
                long answers = answered.getOrDefault(q.getId(), 0L);
                if (answers > 0) {
                    problems.add(new Problem("q" + i + ".remove", "calls.question.confirmRemoval", String.valueOf(answers)));
                }
            }
        }
        return problems;
    }

    private List<Problem> keysInUse(ProgrammeCall call, CallForm form) {
        if (!hasSubmittedReviews(call.getId())) {
            return List.of();
        }
        Set<String> kept = form.getCriteria().stream().map(CallForm.Criterion::effectiveKey).collect(Collectors.toSet());
        List<String> missing = call.getCriteria().stream().map(RubricCriterion::getKey).filter(key -> !kept.contains(key)).toList();
        return missing.isEmpty() ? List.of() : List.of(new Problem("rubric", "calls.criterion.keyInUse", String.join(", ", missing)));
    }

    private boolean hasSubmittedReviews(long callId) {
        return !em.createNativeQuery("""
                        select 1 from review r join review_assignment ra on ra.id = r.assignment_id
                        join application a on a.id = ra.application_id
                        where a.call_id = ?1 and r.status = 'SUBMITTED' limit 1
                        """)
                .setParameter(1, callId)
                .getResultList()
                .isEmpty();
    }

    /**
     * Questions keep their ids (answers are keyed by question id). Live questions hold distinct
     * positions (a unique index), and rows swap places: they are first parked below zero and
     * written, then given their new places. A removed question is marked, not deleted (see the
     * class comment), and keeps its last position, so a submitted application shows it where it was.
     */
    private void saveQuestions(ProgrammeCall call, CallForm form, List<CallQuestion> removed) {
        Instant now = clock.instant();
        removed.forEach(q -> q.remove(now));
        List<CallQuestion> live = call.getAskedQuestions();
        for (int i = 0; i < live.size(); i++) {
            live.get(i).park(-1 - i);
        }
        em.flush();
        int position = 0;
        for (CallForm.Question typed : form.getQuestions()) {
            if (typed.isRemoved()) {
                continue;
            }
            CallQuestion question = typed.getId() == null
                    ? call.addQuestion()
                    : live.stream().filter(q -> q.getId().equals(typed.getId())).findFirst().orElse(null);
            if (question == null) {
                // Not a live question of this call (a forged or stale id): nothing to change.
                continue;
            }
            position++;
            question.revise(CallQuestion.Kind.valueOf(typed.getKind()), LocalizedText.of(typed.getLabel()), LocalizedText.of(typed.getHelp()),
                    typed.isRequired(), CallRules.whole(typed.getMaxLength()).orElse(null),
                    CallRules.decimal(typed.getMinValue()).orElse(null), CallRules.decimal(typed.getMaxValue()).orElse(null),
                    typed.isChoice() ? CallRules.choices(typed) : List.of(), position);
        }
    }

    /** The rubric is rewritten whole: nothing refers to its rows, reviews refer to their keys. */
    private void saveCriteria(ProgrammeCall call, CallForm form) {
        call.replaceRubric(List.of());
        em.flush();
        List<RubricCriterion> rubric = new ArrayList<>();
        int position = 0;
        for (CallForm.Criterion c : form.getCriteria()) {
            rubric.add(new RubricCriterion(call, ++position, c.effectiveKey(), LocalizedText.of(c.getLabel()),
                    LocalizedText.of(c.getGuidance()), CallRules.decimal(c.getWeight()).orElseThrow(),
                    CallRules.whole(c.getMaxScore()).orElseThrow(), CallRules.bands(c)));
        }
        call.replaceRubric(rubric);
    }

    /** The bands as staff type them in one language, one per line ("0-1 weak"); null when none has a label in it. */
    private static String lines(List<ScoreBand> bands, String language) {
        List<String> lines = bands.stream().map(b -> b.line(language)).toList();
        return lines.stream().allMatch(l -> l == null) ? null
                : lines.stream().map(l -> l == null ? "" : l).collect(Collectors.joining("\n"));
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** The languages the form has a field for, filled from the stored text. */
    private static void putTexts(Map<String, String> into, LocalizedText text) {
        Set<String> known = new HashSet<>(into.keySet());
        text.asMap().forEach((language, value) -> {
            if (known.contains(language)) {
                into.put(language, value);
            }
        });
    }
}

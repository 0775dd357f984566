package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.JsonObjects;

/**
 * An applicant's own applications: the draft they fill in, submitting it while the call is open
 * (the server's clock decides), and withdrawing it. Every method takes the person's id and only
 * ever touches that person's rows: there is no way to name someone else's application here.
 */
/** An applicant's own applications: every query is keyed by their person id. */
@Allowed(signedIn = true)
@ApplicationScoped
// A refused submission still keeps what was typed as the draft: refusing must not roll that back.
@Transactional(dontRollbackOn = Applications.Refused.class)
public class Applications {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** What the applicant fills in. Answers are keyed by question id. */
    public record Form(
            String kind, String name, String legalForm, String sector, String region, List<Member> members,
            Map<Long, String> answers) {}

    /** A member of a collective; the e-mail address (optional) is how a co-member among reviewers and staff is recognised. */
    public record Member(String name, String role, boolean consent, String email) {}

    /**
     * The most a draft's answers may take, as compact JSON in UTF-8: below the database's bound on
     * the stored jsonb text (256 KB, V9), whose output adds a space after each ':' and ','.
     */
    static final int MAX_ANSWERS_BYTES = 250_000;

    /** An e-mail address as far as it can be checked without writing to it: one @, something either side, no spaces. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public record Question(long id, String kind, String labelJson, String helpJson, boolean required, Integer maxLength,
            java.math.BigDecimal min, java.math.BigDecimal max, List<Choice> choices) {

        public List<String> values() {
            return choices.stream().map(Choice::value).toList();
        }
    }

    /** One option of a choice question: the value stored in answers, and its label per language. */
    public record Choice(String value, String labelJson) {}

    /** Several choices are kept in one answer, one value per line. */
    public static final String MULTI_SEPARATOR = "\n";

    public record Mine(
            long id, long callId, String callTitleJson, Stage stage, String receipt, Instant submittedAt, String decisionMessage,
            long version, Instant updatedAt) {

        public boolean isDraft() {
            return stage == null;
        }
    }

    /** Why a save or a submission was refused; the key is a message key, the field says where. */
    public static final class Refused extends RuntimeException {
        private final List<String[]> problems;

        public Refused(List<String[]> problems) {
            super(problems.size() + " problems");
            this.problems = problems;
        }

        /** Pairs of (field, message key). */
        public List<String[]> problems() {
            return problems;
        }
    }

    public List<Question> questions(long callId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, kind, label::text, help::text, required, max_length, choices::text, min_value, max_value "
                                + "from call_question where call_id = ?1 and removed_at is null "
                                + "order by position")
                .setParameter(1, callId)
                .getResultList();
        return rows.stream()
                .map(r -> new Question(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4],
                        r[5] == null ? null : ((Number) r[5]).intValue(), decimal(r[7]), decimal(r[8]),
                        QuestionChoice.read((String) r[6]).stream().map(c -> new Choice(c.value(), c.labelJson())).toList()))
                .toList();
    }

    /** Whether there is such a call at all (open or not). */
    public boolean callExists(long callId) {
        return !em.createNativeQuery("select 1 from programme_call where id = ?1").setParameter(1, callId).getResultList().isEmpty();
    }

    /** Whether the call takes applications at this moment (server time). */
    public boolean isOpen(long callId) {
        return !em.createNativeQuery("select 1 from programme_call where id = ?1 and opens_at <= ?2 and closes_at > ?2")
                .setParameter(1, callId)
                .setParameter(2, Timestamp.from(clock.instant()))
                .getResultList()
                .isEmpty();
    }

    public Optional<Mine> find(long personId, long callId) {
        return mine(personId).stream().filter(m -> m.callId() == callId).findFirst();
    }

    public Optional<Form> form(long personId, long callId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select id, applicant_kind, name, legal_form, sector, region, answers::text from application
                        where applicant_id = ?1 and call_id = ?2
                        """)
                .setParameter(1, personId)
                .setParameter(2, callId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.getFirst();
        @SuppressWarnings("unchecked")
        List<Object[]> members = em.createNativeQuery(
                        "select name, role, consent_at is not null, email from application_member where application_id = ?1 order by position")
                .setParameter(1, ((Number) r[0]).longValue())
                .getResultList();
        Map<Long, String> answers = new LinkedHashMap<>();
        JsonObjects.strings((String) r[6]).forEach((k, v) -> answers.put(Long.valueOf(k), v));
        return Optional.of(new Form((String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                members.stream().map(m -> new Member((String) m[0], (String) m[1], (Boolean) m[2], (String) m[3])).toList(), answers));
    }

    /** Keeps what is filled in so far; nothing is checked but the call being open and the draft still a draft. */
    public void saveDraft(long personId, long callId, Form form) {
        requireOpen(callId);
        upsert(personId, callId, form);
    }

    /**
     * Submits the application. Submitting again (a double click, a retry on a slow link) answers
     * with the same receipt and changes nothing.
     *
     * @return the receipt
     */
    public String submit(long personId, long callId, Form form) {
        Optional<Mine> existing = find(personId, callId);
        if (existing.isPresent() && !existing.get().isDraft()) {
            return existing.get().receipt();
        }
        requireOpen(callId);
        List<String[]> problems = check(callId, form, attachedQuestions(personId, callId));
        if (!problems.isEmpty()) {
            upsert(personId, callId, form);
            throw new Refused(problems);
        }
        long id = upsert(personId, callId, form);
        Instant now = clock.instant();
        String receipt = "HMK-" + callId + "-" + id + "-" + Integer.toString(1000 + RANDOM.nextInt(9000));
        em.createNativeQuery("update application set stage = 'SUBMITTED', submitted_at = ?2, updated_at = ?2, receipt = ?3, "
                        + "version = version + 1 where id = ?1 and stage is null")
                .setParameter(1, id)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, receipt)
                .executeUpdate();
        em.createNativeQuery("insert into stage_change (application_id, from_stage, to_stage, actor_id, actor, at) "
                        + "select ?1, null, 'SUBMITTED', id, username, ?2 from person where id = ?3")
                .setParameter(1, id)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, personId)
                .executeUpdate();
        return receipt;
    }

    /** The applicant withdraws, until a final decision; recorded like any move. */
    public void withdraw(long personId, long applicationId) {
        List<?> found = em.createNativeQuery(
                        "select stage from application where id = ?1 and applicant_id = ?2 and stage is not null for update")
                .setParameter(1, applicationId)
                .setParameter(2, personId)
                .getResultList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No submitted application " + applicationId + " of this person");
        }
        Stage from = Stage.valueOf(found.getFirst().toString());
        from.moveTo(Stage.WITHDRAWN, Stage.Mover.APPLICANT);
        Instant now = clock.instant();
        em.createNativeQuery("update application set stage = 'WITHDRAWN', updated_at = ?2, version = version + 1 where id = ?1")
                .setParameter(1, applicationId)
                .setParameter(2, Timestamp.from(now))
                .executeUpdate();
        em.createNativeQuery("insert into stage_change (application_id, from_stage, to_stage, actor_id, actor, at) "
                        + "select ?1, ?2, 'WITHDRAWN', id, username, ?3 from person where id = ?4")
                .setParameter(1, applicationId)
                .setParameter(2, from.name())
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, personId)
                .executeUpdate();
    }

    /**
     * The reviewers' comments on the applicant's own decided application, when the call shares
     * them: per criterion label, never who wrote them. Empty otherwise.
     */
    public List<String[]> feedback(long personId, long applicationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select rc.label::text, r.comments ->> rc.key
                        from application a join programme_call c on c.id = a.call_id
                        join review_assignment ra on ra.application_id = a.id
                        join review r on r.assignment_id = ra.id and r.status = 'SUBMITTED'
                        join rubric_criterion rc on rc.call_id = c.id
                        where a.id = ?1 and a.applicant_id = ?2 and c.share_feedback
                          and a.stage in ('ACCEPTED', 'WAITLISTED', 'REJECTED') and r.comments ->> rc.key is not null
                        order by rc.position, ra.id
                        """)
                .setParameter(1, applicationId)
                .setParameter(2, personId)
                .getResultList();
        return rows.stream().map(r -> new String[] {(String) r[0], (String) r[1]}).toList();
    }

    /** A step of an application's way as its applicant sees it: when and where to; staff's names and notes stay internal. */
    public record Step(Instant at, Stage to) {}

    /** The steps of all this person's submitted applications, by application id, oldest first (one query). */
    public Map<Long, List<Step>> history(long personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select c.application_id, c.at, c.to_stage from stage_change c join application a on a.id = c.application_id
                        where a.applicant_id = ?1 order by c.at, c.id
                        """)
                .setParameter(1, personId)
                .getResultList();
        Map<Long, List<Step>> steps = new LinkedHashMap<>();
        for (Object[] r : rows) {
            steps.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new Step(((Timestamp) r[1]).toInstant(), Stage.valueOf((String) r[2])));
        }
        return steps;
    }

    public List<Mine> mine(long personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select a.id, a.call_id, c.title::text, a.stage, a.receipt, a.submitted_at,
                               case when a.stage in ('ACCEPTED', 'WAITLISTED', 'REJECTED') then a.decision_message end, a.version,
                               a.updated_at
                        from application a join programme_call c on c.id = a.call_id
                        where a.applicant_id = ?1 order by a.created_at desc
                        """)
                .setParameter(1, personId)
                .getResultList();
        return rows.stream()
                .map(r -> new Mine(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                        r[3] == null ? null : Stage.valueOf((String) r[3]), (String) r[4],
                        r[5] == null ? null : ((Timestamp) r[5]).toInstant(), (String) r[6], ((Number) r[7]).longValue(),
                        ((Timestamp) r[8]).toInstant()))
                .toList();
    }

    private void requireOpen(long callId) {
        if (!isOpen(callId)) {
            throw new Refused(List.<String[]>of(new String[] {null, "apply.closed"}));
        }
    }

    /** What would stop this applicant's draft from being submitted now; empty when it may go. */
    public List<String[]> problems(long personId, long callId) {
        return form(personId, callId).map(f -> check(callId, f, attachedQuestions(personId, callId)))
                .orElseGet(() -> List.<String[]>of(new String[] {"name", "apply.nameRequired"}));
    }

    private java.util.Set<Long> attachedQuestions(long personId, long callId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(
                        "select f.question_id from application_file f join application a on a.id = f.application_id "
                                + "where a.applicant_id = ?1 and a.call_id = ?2")
                .setParameter(1, personId)
                .setParameter(2, callId)
                .getResultList();
        return ids.stream().map(Number::longValue).collect(java.util.stream.Collectors.toSet());
    }

    /** What stops a submission, as (field, message key) pairs; empty when it may go. */
    List<String[]> check(long callId, Form form, java.util.Set<Long> attached) {
        List<String[]> problems = new ArrayList<>();
        if (blank(form.name())) {
            problems.add(new String[] {"name", "apply.nameRequired"});
        }
        if ("COLLECTIVE".equals(form.kind())) {
            List<Member> named = form.members().stream().filter(m -> !blank(m.name())).toList();
            if (named.size() < 2) {
                problems.add(new String[] {"members", "apply.membersRequired"});
            } else if (named.stream().anyMatch(m -> !m.consent())) {
                problems.add(new String[] {"members", "apply.consentRequired"});
            } else if (named.stream().anyMatch(m -> !blank(m.email()) && !EMAIL.matcher(m.email().strip()).matches())) {
                problems.add(new String[] {"members", "apply.memberEmailInvalid"});
            }
        }
        for (Question q : questions(callId)) {
            String answer = form.answers().get(q.id());
            if ("FILE".equals(q.kind())) {
                if (q.required() && !attached.contains(q.id())) {
                    problems.add(new String[] {"q" + q.id(), "apply.file.required"});
                }
            } else if (q.required() && blank(answer)) {
                problems.add(new String[] {"q" + q.id(), "apply.answerRequired"});
            } else if (answer != null && q.maxLength() != null && answer.length() > q.maxLength()) {
                problems.add(new String[] {"q" + q.id(), "apply.answerTooLong"});
            } else if (answer != null && !blank(answer) && "NUMBER".equals(q.kind()) && !answer.strip().matches("-?\\d+([.,]\\d+)?")) {
                problems.add(new String[] {"q" + q.id(), "apply.answerNumber"});
            } else if (answer != null && !blank(answer) && "NUMBER".equals(q.kind()) && outside(q, answer)) {
                problems.add(new String[] {"q" + q.id(), "apply.answerRange"});
            } else if (answer != null && !blank(answer) && "CHOICE".equals(q.kind()) && !q.values().contains(answer)) {
                problems.add(new String[] {"q" + q.id(), "apply.answerChoice"});
            } else if (answer != null && "MULTI_CHOICE".equals(q.kind())
                    && !q.values().containsAll(List.of(answer.split(MULTI_SEPARATOR)).stream().filter(v -> !v.isBlank()).toList())) {
                problems.add(new String[] {"q" + q.id(), "apply.answerChoice"});
            }
        }
        return problems;
    }

    /**
     * What cannot be stored at all, draft or not: a text longer than its field allows (the limits
     * the form's maxlength shows, {@link TextRules}) or with a character the database refuses, and
     * answers that together pass {@link #MAX_ANSWERS_BYTES}. Each as (field, message key, limit).
     */
    List<String[]> unstorable(Form form, List<Question> questions) {
        List<String[]> problems = new ArrayList<>();
        text(problems, "name", form.name(), TextRules.NAME);
        text(problems, "legalForm", form.legalForm(), TextRules.SHORT);
        text(problems, "sector", form.sector(), TextRules.SHORT);
        text(problems, "region", form.region(), TextRules.SHORT);
        for (Member member : form.members()) {
            int before = problems.size();
            text(problems, "members", member.name(), TextRules.NAME);
            text(problems, "members", member.role(), TextRules.SHORT);
            text(problems, "members", member.email(), TextRules.EMAIL);
            if (problems.size() > before) {
                break;
            }
        }
        Map<Long, Question> byId = new java.util.HashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        form.answers().forEach((id, answer) -> {
            Question q = byId.get(id);
            // Answers to questions no longer asked are kept as they were, never grown.
            if (q != null) {
                text(problems, "q" + id, answer, limit(q));
            }
        });
        if (problems.isEmpty() && JsonObjects.of(keyed(form.answers())).getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > MAX_ANSWERS_BYTES) {
            problems.add(new String[] {null, "apply.answersTooLarge"});
        }
        return problems;
    }

    /** The longest answer a question takes: its own limit, else the form's default for its kind. */
    public static int limit(Question q) {
        if (q.maxLength() != null) {
            return q.maxLength();
        }
        return "LONG_TEXT".equals(q.kind()) || q.kind().endsWith("CHOICE") ? TextRules.LONG_ANSWER : TextRules.SHORT_ANSWER;
    }

    private static void text(List<String[]> problems, String field, String text, int max) {
        TextRules.problem(text, max).ifPresent(key -> problems.add(new String[] {field, key, String.valueOf(max)}));
    }

    private static Map<String, String> keyed(Map<Long, String> answers) {
        Map<String, String> keyed = new LinkedHashMap<>();
        answers.forEach((k, v) -> keyed.put(String.valueOf(k), v));
        return keyed;
    }

    private long upsert(long personId, long callId, Form form) {
        List<String[]> unstorable = unstorable(form, questions(callId));
        if (!unstorable.isEmpty()) {
            throw new Refused(unstorable);
        }
        Instant now = clock.instant();
        Map<String, String> answers = keyed(form.answers());
        List<?> ids = em.createNativeQuery(
                        """
                        insert into application (call_id, applicant_id, applicant_kind, name, legal_form, sector, region, answers,
                                                 created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9, ?9)
                        on conflict (call_id, applicant_id) do update set applicant_kind = excluded.applicant_kind,
                          name = excluded.name, legal_form = excluded.legal_form, sector = excluded.sector,
                          region = excluded.region, answers = excluded.answers, updated_at = excluded.updated_at,
                          version = application.version + 1
                        where application.stage is null
                        returning id
                        """)
                .setParameter(1, callId)
                .setParameter(2, personId)
                .setParameter(3, "COLLECTIVE".equals(form.kind()) ? "COLLECTIVE" : "INDIVIDUAL")
                .setParameter(4, form.name() == null ? "" : form.name().strip())
                .setParameter(5, trim(form.legalForm()))
                .setParameter(6, trim(form.sector()))
                .setParameter(7, trim(form.region()))
                .setParameter(8, JsonObjects.of(answers))
                .setParameter(9, Timestamp.from(now))
                .getResultList();
        if (ids.isEmpty()) {
            throw new Refused(List.<String[]>of(new String[] {null, "apply.alreadySubmitted"}));
        }
        long id = ((Number) ids.getFirst()).longValue();
        em.createNativeQuery("delete from application_member where application_id = ?1").setParameter(1, id).executeUpdate();
        int position = 0;
        for (Member member : form.members()) {
            if (blank(member.name())) {
                continue;
            }
            // The address in lower case, by the database's own lower(): Conflicts compares it with lower(person.email).
            em.createNativeQuery("insert into application_member (application_id, position, name, role, consent_at, email) "
                            + "values (?1, ?2, ?3, ?4, ?5, lower(cast(?6 as text)))")
                    .setParameter(1, id)
                    .setParameter(2, ++position)
                    .setParameter(3, member.name().strip())
                    .setParameter(4, trim(member.role()))
                    .setParameter(5, member.consent() ? Timestamp.from(now) : null)
                    .setParameter(6, trim(member.email()))
                    .executeUpdate();
        }
        return id;
    }

    private static boolean outside(Question q, String answer) {
        java.math.BigDecimal value = new java.math.BigDecimal(answer.strip().replace(',', '.'));
        return (q.min() != null && value.compareTo(q.min()) < 0) || (q.max() != null && value.compareTo(q.max()) > 0);
    }

    private static java.math.BigDecimal decimal(Object value) {
        return value == null ? null : new java.math.BigDecimal(value.toString());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}

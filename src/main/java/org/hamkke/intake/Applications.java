package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamkke.academy.Completions;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.db.Rows;

/**
 * An applicant's own applications: the draft they fill in, submitting it, withdrawing it, and
 * what they read back. Every method takes the person's id and only ever touches that person's
 * rows: there is no way to name someone else's application here. The rules are the
 * {@link Application}'s; this service finds the aggregate, locks it while it changes, and keeps
 * its score summary row.
 */
/** An applicant's own applications: every query is keyed by their person id. */
@Allowed(signedIn = true)
@ApplicationScoped
// A refused submission still keeps what was typed as the draft: refusing must not roll that back.
@Transactional(dontRollbackOn = Application.Refused.class)
public class Applications {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** The academy, asked whether an applicant completed the course a call requires (the intake reads the academy, not the reverse). */
    @Inject
    Completions completions;

    /** What the applicant fills in. Answers are keyed by question id. */
    public record Form(
            String kind, String name, String legalForm, String sector, String region, List<Member> members,
            Map<Long, String> answers) {}

    /** A member of a collective; the e-mail address (optional) is how a co-member among reviewers and staff is recognised. */
    public record Member(String name, String role, boolean consent, String email) {}

    /** A question as the applicant's form shows it (detached from the entity, so a page may keep it). */
    public record Question(long id, String kind, String labelJson, String helpJson, boolean required, Integer maxLength,
            BigDecimal min, BigDecimal max, List<Choice> choices, int limit) {

        static Question of(CallQuestion q) {
            return new Question(q.getId(), q.getKind().name(), q.getLabel().json(), q.getHelp().json(), q.isRequired(),
                    q.getMaxLength(), q.getMinValue(), q.getMaxValue(),
                    q.getChoices().stream().map(c -> new Choice(c.value(), c.labelJson())).toList(), q.limit());
        }
    }

    /** One option of a choice question: the value stored in answers, and its label per language. */
    public record Choice(String value, String labelJson) {}

    /** Several choices are kept in one answer, one value per line. */
    public static final String MULTI_SEPARATOR = CallQuestion.MULTI_SEPARATOR;

    /** One of the person's applications, as "My applications" lists it. */
    public record Mine(
            long id, long callId, String callTitleJson, Stage stage, String receipt, Instant submittedAt, String decisionMessage,
            long version, Instant updatedAt) {

        static Mine of(Application a) {
            return new Mine(a.getId(), a.getCall().getId(), a.getCall().getTitle().json(), a.getStage(), a.getReceipt(),
                    a.getSubmittedAt(), a.getDecisionMessage(), a.getVersion(), a.getUpdatedAt());
        }

        public boolean isDraft() {
            return stage == null;
        }
    }

    /** What the reviewers wrote on one criterion, as the applicant reads it: never who wrote it. */
    public record Feedback(String criterionJson, String comment) {}

    /** A step of an application's way as its applicant sees it: when and where to; staff's names and notes stay internal. */
    public record Step(Instant at, Stage to) {}

    /** The call's form as applicants see it now, in order. */
    public List<Question> questions(long callId) {
        return call(callId).map(c -> c.getAskedQuestions().stream().map(Question::of).toList()).orElse(List.of());
    }

    /** Whether there is such a call at all (open or not). */
    public boolean callExists(long callId) {
        return call(callId).isPresent();
    }

    /** Whether the call takes applications at this moment (server time, {@link ProgrammeCall#isOpenAt}). */
    public boolean isOpen(long callId) {
        return call(callId).filter(c -> c.isOpenAt(clock.instant())).isPresent();
    }

    public Optional<Mine> find(long personId, long callId) {
        return own(personId, callId).map(Mine::of);
    }

    /** The draft or application as its form holds it. */
    public Optional<Form> form(long personId, long callId) {
        return own(personId, callId).map(a -> new Form(a.getKind().name(), a.getName(), a.getLegalForm(), a.getSector(),
                a.getRegion(), a.getMembers().stream()
                        .map(m -> new Member(m.getName(), m.getRole(), m.hasConsented(), m.getEmail())).toList(),
                new LinkedHashMap<>(a.getAnswers())));
    }

    /** Keeps what is filled in so far ({@link Application#edit}). */
    public void saveDraft(long personId, long callId, Form form) {
        draft(personId, callId, form).edit(form, clock.instant());
    }

    /**
     * Submits the application ({@link Application#submit}). Submitting again (a double click, a
     * retry on a slow link) answers with the same receipt and changes nothing.
     *
     * @return the receipt
     * @throws Application.Refused with every problem; what was typed is kept as the draft
     */
    public String submit(long personId, long callId, Form form) {
        Optional<Application> existing = own(personId, callId).filter(a -> !a.isDraft());
        if (existing.isPresent()) {
            return existing.get().getReceipt();
        }
        Application application = draft(personId, callId, form);
        if (!application.isDraft()) {
            // Submitted by a request that finished while this one waited for the lock.
            return application.getReceipt();
        }
        Instant now = clock.instant();
        application.edit(form, now);
        String receipt = "HMK-" + callId + "-" + application.getId() + "-" + (1000 + RANDOM.nextInt(9000));
        application.submit(applicant(personId), receipt, now, completed(personId));
        em.flush();
        // Its row in the score summary, so the staff table can page it in score order from the start.
        em.createNativeQuery("insert into application_score (application_id, call_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, application.getId())
                .setParameter(2, callId)
                .executeUpdate();
        return receipt;
    }

    /**
     * The applicant's application to the call, locked for this transaction, created empty when
     * there is none. Two saves of the same draft (the page's autosave and a click) then follow one
     * another instead of failing; the first save of all is one statement that tolerates a race.
     *
     * @throws Application.Refused when the call is closed (nothing is created) or the form holds what cannot be stored
     */
    private Application draft(long personId, long callId, Form form) {
        ProgrammeCall call = call(callId).orElseThrow(() -> new Application.Refused(null, "apply.closed"));
        Instant now = clock.instant();
        List<Problem> unstorable = Application.unstorable(form, call.getAskedQuestions());
        if (!unstorable.isEmpty()) {
            throw new Application.Refused(unstorable);
        }
        if (own(personId, callId).isEmpty()) {
            if (!call.isOpenAt(now)) {
                throw new Application.Refused(null, "apply.closed");
            }
            em.createNativeQuery("""
                            insert into application (call_id, applicant_id, name, created_at, updated_at) values (?1, ?2, '', ?3, ?3)
                            on conflict (call_id, applicant_id) do nothing""")
                    .setParameter(1, callId)
                    .setParameter(2, personId)
                    .setParameter(3, Timestamp.from(now))
                    .executeUpdate();
        }
        return em.createNamedQuery("Application.ofApplicant", Application.class)
                .setParameter("applicant", personId)
                .setParameter("call", callId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                // read again once locked: a save that finished while this one waited is what it builds on
                .setHint("eclipselink.refresh", "true")
                .getSingleResult();
    }

    /** What would stop this applicant's draft from being submitted now ({@link Application#problems}); empty when it may go. */
    public List<Problem> problems(long personId, long callId) {
        return own(personId, callId).map(a -> a.problems(completed(personId)))
                .orElseGet(() -> List.of(new Problem("name", "apply.nameRequired")));
    }

    /** The course a call requires applicants to have completed first, if any. */
    public Optional<Long> requiredCourse(long callId) {
        return call(callId).map(ProgrammeCall::getRequiredCourseId);
    }

    private CompletedCourses completed(long personId) {
        return courseId -> completions.hasCompleted(personId, courseId);
    }

    /**
     * The applicant withdraws, until a final decision ({@link Application#withdraw}).
     *
     * @throws IllegalArgumentException when it is not a submitted application of theirs
     * @throws Stage.IllegalMoveException when it is decided already
     */
    public void withdraw(long personId, long applicationId) {
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || application.getApplicantId() != personId || application.isDraft()) {
            throw new IllegalArgumentException("No submitted application " + applicationId + " of this person");
        }
        application.withdraw(applicant(personId), clock.instant());
    }

    /**
     * The reviewers' comments on the applicant's own decided application, when the call shares
     * them ({@link Application#sharesFeedback}): per criterion, never who wrote them. Empty otherwise.
     */
    public List<Feedback> feedback(long personId, long applicationId) {
        Application application = em.find(Application.class, applicationId);
        if (application == null || application.getApplicantId() != personId || !application.sharesFeedback()) {
            return List.of();
        }
        List<ReviewAssignment> assignments = em.createNamedQuery("ReviewAssignment.ofApplication", ReviewAssignment.class)
                .setParameter("application", applicationId)
                .getResultList();
        List<Feedback> feedback = new ArrayList<>();
        for (RubricCriterion criterion : application.getCall().getCriteria()) {
            for (ReviewAssignment assignment : assignments) {
                Review review = assignment.getReview();
                if (review != null && review.isSubmitted() && review.getComments().get(criterion.getKey()) != null) {
                    feedback.add(new Feedback(criterion.getLabel().json(), review.getComments().get(criterion.getKey())));
                }
            }
        }
        return feedback;
    }

    /** The steps of all this person's submitted applications, by application id, oldest first (one query). */
    public Map<Long, List<Step>> history(long personId) {
        Map<Long, List<Step>> steps = new LinkedHashMap<>();
        em.createQuery("select c from StageChange c where c.application.applicantId = :applicant order by c.at, c.id", StageChange.class)
                .setParameter("applicant", personId)
                .getResultList()
                .forEach(c -> steps.computeIfAbsent(c.getApplicationId(), k -> new ArrayList<>()).add(new Step(c.getAt(), c.getTo())));
        return steps;
    }

    public List<Mine> mine(long personId) {
        return em.createNamedQuery("Application.allOfApplicant", Application.class)
                .setParameter("applicant", personId)
                .getResultList()
                .stream()
                .map(Mine::of)
                .toList();
    }

    private Optional<Application> own(long personId, long callId) {
        return em.createNamedQuery("Application.ofApplicant", Application.class)
                .setParameter("applicant", personId)
                .setParameter("call", callId)
                .getResultStream()
                .findFirst();
    }

    private Optional<ProgrammeCall> call(long callId) {
        return Optional.ofNullable(em.find(ProgrammeCall.class, callId));
    }

    /** The applicant as their moves record them: their id and username. */
    private Actor applicant(long personId) {
        String username = (String) em.createNativeQuery("select username from person where id = ?1")
                .setParameter(1, personId)
                .getSingleResult();
        return new Actor(personId, username);
    }
}

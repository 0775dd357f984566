package org.hamkke.intake;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.audit.Actor;

/**
 * An application to a programme call: the aggregate of its applicant's answers, members, files
 * and history. Every intake rule about an application's life lives in this class:
 *
 * <ul>
 *   <li><b>Drafts</b> are edited only by their applicant, only while they are drafts and while the
 *       call is open ({@link #edit}); what a draft may hold at all is bounded ({@link #unstorable}).
 *   <li><b>Submitting</b> ({@link #submit}) needs everything the call asks ({@link #problems}); it
 *       happens once (submitting again answers with the same receipt).
 *   <li><b>Moving</b> follows the {@link Stage} machine: staff move it along ({@link #moveTo}), the
 *       applicant only withdraws ({@link #withdraw}); a final stage is final.
 *   <li><b>A decision needs a message</b> to the applicant ({@link #decide}), and records when.
 *   <li><b>Every move is recorded</b> as a {@link StageChange}, by the move itself.
 *   <li><b>What the person saw</b>: a move names the version it was made on; when a colleague
 *       moved the application meanwhile it is refused ({@link #requireSeen}), and {@code @Version}
 *       backs it in the database.
 * </ul>
 *
 * The database holds the same rules as a backstop (V6, V9: known stages only, a decision with its
 * message and time, a bounded draft).
 */
@Entity
@Table(name = "application")
@NamedQuery(name = "Application.ofApplicant",
        query = "select a from Application a where a.applicantId = :applicant and a.call.id = :call")
@NamedQuery(name = "Application.allOfApplicant",
        query = "select a from Application a join fetch a.call where a.applicantId = :applicant order by a.createdAt desc")
public class Application extends BaseEntity {

    /**
     * The most a draft's answers may take, as compact JSON in UTF-8: below the database's bound on
     * the stored jsonb text (256 KB, V9), whose output adds a space after each ':' and ','.
     */
    static final int MAX_ANSWERS_BYTES = 250_000;

    /** An e-mail address as far as it can be checked without writing to it: one @, something either side, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @ManyToOne(optional = false)
    @JoinColumn(name = "call_id", updatable = false)
    private ProgrammeCall call;

    @Column(name = "applicant_id", nullable = false, updatable = false)
    private long applicantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_kind", nullable = false)
    private ApplicantKind kind = ApplicantKind.INDIVIDUAL;

    @Column(nullable = false)
    private String name = "";

    @Column(name = "legal_form")
    private String legalForm;

    private String sector;

    private String region;

    @Convert(converter = IntakeJson.Answers.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<Long, String> answers = Map.of();

    /** Null while a draft. */
    @Enumerated(EnumType.STRING)
    private Stage stage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    private String receipt;

    @Column(name = "decision_message")
    private String decisionMessage;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<ApplicationMember> members = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL)
    @BatchFetch(BatchFetchType.IN)
    private List<ApplicationFile> files = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.PERSIST)
    @OrderBy("at, id")
    @BatchFetch(BatchFetchType.IN)
    private List<StageChange> history = new ArrayList<>();

    protected Application() {}

    /** An empty draft (the first save creates it; {@link Applications} makes that safe when two saves race). */
    Application(ProgrammeCall call, long applicantId, Instant now) {
        this.call = call;
        this.applicantId = applicantId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Thrown when something typed cannot be stored or submitted; every problem names its field. */
    public static final class Refused extends RuntimeException {
        private final List<Problem> problems;

        public Refused(List<Problem> problems) {
            super(problems.size() + " problems");
            this.problems = List.copyOf(problems);
        }

        public Refused(String field, String key) {
            this(List.of(new Problem(field, key)));
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Thrown when the application changed since the person acting loaded it. */
    public static final class ChangedMeanwhile extends RuntimeException {
        private final Stage now;

        ChangedMeanwhile(Stage now) {
            super("Changed meanwhile; now " + now);
            this.now = now;
        }

        /** Where the application is now. */
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

    // ---- the draft ----

    /**
     * Keeps what the applicant filled in so far: nothing is checked but that it is still a draft,
     * the call is open, and everything can be stored ({@link #unstorable}).
     *
     * @throws Refused "apply.alreadySubmitted", "apply.closed", or the texts that cannot be stored
     */
    public void edit(Applications.Form form, Instant now) {
        requireEditable(now);
        List<Problem> unstorable = unstorable(form, call.getAskedQuestions());
        if (!unstorable.isEmpty()) {
            throw new Refused(unstorable);
        }
        kind = ApplicantKind.of(form.kind());
        name = form.name() == null ? "" : form.name().strip();
        legalForm = trim(form.legalForm());
        sector = trim(form.sector());
        region = trim(form.region());
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(form.answers()));
        replaceMembers(form.members(), now);
        updatedAt = now;
    }

    /** Members are kept in place, row by row (the database keeps one per position). */
    private void replaceMembers(List<Applications.Member> typed, Instant now) {
        List<Applications.Member> named = typed.stream().filter(m -> !blank(m.name())).toList();
        for (int i = 0; i < named.size(); i++) {
            ApplicationMember member;
            if (i < members.size()) {
                member = members.get(i);
            } else {
                member = new ApplicationMember(this, i + 1);
                members.add(member);
            }
            Applications.Member m = named.get(i);
            member.set(m.name(), m.role(), m.email(), m.consent(), now);
        }
        while (members.size() > named.size()) {
            members.removeLast();
        }
    }

    private void requireEditable(Instant now) {
        if (!isDraft()) {
            throw new Refused(null, "apply.alreadySubmitted");
        }
        if (!call.isOpenAt(now)) {
            throw new Refused(null, "apply.closed");
        }
    }

    /**
     * What cannot be stored at all, draft or not: a text longer than its field allows (the limits
     * the form's maxlength shows, {@link TextRules}) or with a character the database refuses, and
     * answers that together pass {@link #MAX_ANSWERS_BYTES}. Each with its field and its limit.
     */
    static List<Problem> unstorable(Applications.Form form, List<CallQuestion> asked) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "name", form.name(), TextRules.NAME);
        text(problems, "legalForm", form.legalForm(), TextRules.SHORT);
        text(problems, "sector", form.sector(), TextRules.SHORT);
        text(problems, "region", form.region(), TextRules.SHORT);
        for (Applications.Member member : form.members()) {
            int before = problems.size();
            text(problems, "members", member.name(), TextRules.NAME);
            text(problems, "members", member.role(), TextRules.SHORT);
            text(problems, "members", member.email(), TextRules.EMAIL);
            if (problems.size() > before) {
                break;
            }
        }
        Map<Long, CallQuestion> byId = new LinkedHashMap<>();
        asked.forEach(q -> byId.put(q.getId(), q));
        form.answers().forEach((id, answer) -> {
            CallQuestion q = byId.get(id);
            // Answers to questions no longer asked are kept as they were, never grown.
            if (q != null) {
                text(problems, "q" + id, answer, q.limit());
            }
        });
        if (problems.isEmpty() && new IntakeJson.Answers().convertToDatabaseColumn(form.answers()).toString()
                .getBytes(StandardCharsets.UTF_8).length > MAX_ANSWERS_BYTES) {
            problems.add(new Problem(null, "apply.answersTooLarge"));
        }
        return problems;
    }

    private static void text(List<Problem> problems, String field, String text, int max) {
        TextRules.problem(text, max).ifPresent(key -> problems.add(new Problem(field, key, String.valueOf(max))));
    }

    /**
     * Attaches a file to a FILE question of the call, replacing the one it had (in place, so one
     * row per question).
     *
     * @return the storage key of the file it replaced, to remove once this commits; null for none
     * @throws Refused "apply.file.notAccepted" when not a draft, the call is closed, or the question is not a file question of this call
     */
    public String attach(long questionId, String storageKey, String originalName, String mediaType, long sizeBytes, String sha256,
            Instant now) {
        if (!acceptsFile(questionId, now)) {
            throw new Refused("q" + questionId, "apply.file.notAccepted");
        }
        ApplicationFile file = file(questionId).orElseGet(() -> {
            ApplicationFile added = new ApplicationFile(this, questionId);
            files.add(added);
            return added;
        });
        updatedAt = now;
        return file.store(storageKey, originalName, mediaType, sizeBytes, sha256, now);
    }

    /** Whether a file for this question may be attached now: a draft, the call open, a FILE question the call asks. */
    public boolean acceptsFile(long questionId, Instant now) {
        return isDraft() && call.isOpenAt(now) && call.question(questionId).filter(CallQuestion::isAsked)
                .filter(q -> q.getKind() == CallQuestion.Kind.FILE).isPresent();
    }

    public Optional<ApplicationFile> file(long questionId) {
        return files.stream().filter(f -> f.getQuestionId() == questionId).findFirst();
    }

    // ---- submitting ----

    /**
     * What stops this draft from being submitted now, each next to its field; empty when it may go.
     * A collective names at least two members, each consenting, each address (if given) an
     * address; every question of the call is answered as it asks ({@link CallQuestion#problemWith});
     * and when the call requires a course of the academy, the applicant has completed it (the
     * problem's field is "course", its argument the course's id, so the page can name and link it).
     *
     * @param completed the courses the applicant has completed, as the academy says
     */
    public List<Problem> problems(CompletedCourses completed) {
        List<Problem> problems = new ArrayList<>();
        Long required = call.getRequiredCourseId();
        if (required != null && !completed.includes(required)) {
            problems.add(new Problem("course", "apply.courseRequired", String.valueOf(required)));
        }
        if (blank(name)) {
            problems.add(new Problem("name", "apply.nameRequired"));
        }
        if (kind == ApplicantKind.COLLECTIVE) {
            if (members.size() < 2) {
                problems.add(new Problem("members", "apply.membersRequired"));
            } else if (members.stream().anyMatch(m -> !m.hasConsented())) {
                problems.add(new Problem("members", "apply.consentRequired"));
            } else if (members.stream().anyMatch(m -> m.getEmail() != null && !EMAIL.matcher(m.getEmail()).matches())) {
                problems.add(new Problem("members", "apply.memberEmailInvalid"));
            }
        }
        for (CallQuestion q : call.getAskedQuestions()) {
            q.problemWith(answers.get(q.getId()), file(q.getId()).isPresent())
                    .ifPresent(key -> problems.add(new Problem("q" + q.getId(), key)));
        }
        return problems;
    }

    /**
     * Submits the draft: from now on it is the applicant's application and moves only along the
     * {@link Stage} machine. Submitting again (a double click, a retry on a slow link) changes
     * nothing and answers with the same receipt.
     *
     * @param completed the courses the applicant has completed (a call may require one)
     * @return the receipt
     * @throws Refused "apply.closed", or every problem that stops it ({@link #problems})
     */
    public String submit(Actor applicant, String receipt, Instant now, CompletedCourses completed) {
        if (!isDraft()) {
            return this.receipt;
        }
        requireEditable(now);
        List<Problem> problems = problems(completed);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        this.receipt = receipt;
        this.submittedAt = now;
        record(null, Stage.SUBMITTED, applicant, now, null);
        return receipt;
    }

    // ---- moving ----

    /**
     * The applicant withdraws, until a final decision ({@link Stage#isWithdrawable}).
     *
     * @throws Stage.IllegalMoveException when it is a draft or already final
     */
    public void withdraw(Actor applicant, Instant now) {
        if (isDraft()) {
            throw new IllegalStateException("A draft is not withdrawn, it is left");
        }
        record(stage.moveTo(Stage.WITHDRAWN, Stage.Mover.APPLICANT), applicant, now, null);
    }

    /**
     * Staff move the application to another stage; a decision goes through {@link #decide}.
     *
     * @param reason why (optional for a move; the applicant's message for a decision)
     * @throws Stage.IllegalMoveException when the machine does not allow it from here
     * @throws MessageRequired for a decision without a message
     */
    public void moveTo(Stage to, Actor staff, String reason, Instant now) {
        if (to.isDecision()) {
            decide(to, staff, reason, now);
            return;
        }
        requireSubmitted();
        record(stage.moveTo(to, Stage.Mover.STAFF), staff, now, trim(reason));
    }

    /**
     * Staff decide: accepted, waitlisted or rejected. <b>A decision needs a message</b>: it is what
     * the applicant reads, in the notice and by mail. The message and the moment are kept with
     * the application; a waitlist can still become a place or a refusal, the others are final.
     *
     * @throws Stage.IllegalMoveException when the machine does not allow it from here
     * @throws MessageRequired without a message (blank counts as none)
     */
    public void decide(Stage decision, Actor staff, String message, Instant now) {
        if (!decision.isDecision()) {
            throw new IllegalArgumentException(decision + " is not a decision");
        }
        requireSubmitted();
        Stage to = stage.moveTo(decision, Stage.Mover.STAFF);
        String why = trim(message);
        if (why == null) {
            throw new MessageRequired();
        }
        decisionMessage = why;
        decidedAt = now;
        record(to, staff, now, why);
    }

    /**
     * Refuses to act on an application someone else changed since the person acting loaded it
     * (they saw {@code seenVersion}): the second of two staff is told, nothing is overwritten.
     */
    public void requireSeen(long seenVersion) {
        if (getVersion() != seenVersion) {
            throw new ChangedMeanwhile(stage);
        }
    }

    private void requireSubmitted() {
        if (isDraft()) {
            throw new IllegalStateException("Application " + getId() + " is a draft");
        }
    }

    private void record(Stage to, Actor actor, Instant now, String reason) {
        record(stage, to, actor, now, reason);
    }

    private void record(Stage from, Stage to, Actor actor, Instant now, String reason) {
        history.add(new StageChange(this, from, to, actor, now, reason));
        stage = to;
        updatedAt = now;
    }

    // ---- reading ----

    public boolean isDraft() {
        return stage == null;
    }

    /** Whether its reviews and comments may go back to the applicant: decided, on a call that shares feedback. */
    public boolean sharesFeedback() {
        return stage != null && stage.isDecision() && call.isShareFeedback();
    }

    /** The message the applicant reads, once decided. */
    public String getDecisionMessage() {
        return stage != null && stage.isDecision() ? decisionMessage : null;
    }

    public ProgrammeCall getCall() {
        return call;
    }

    public long getApplicantId() {
        return applicantId;
    }

    public ApplicantKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getLegalForm() {
        return legalForm;
    }

    public String getSector() {
        return sector;
    }

    public String getRegion() {
        return region;
    }

    public Map<Long, String> getAnswers() {
        return answers;
    }

    public Stage getStage() {
        return stage;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getReceipt() {
        return receipt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public List<ApplicationMember> getMembers() {
        return Collections.unmodifiableList(members);
    }

    public List<ApplicationFile> getFiles() {
        return Collections.unmodifiableList(files);
    }

    public List<StageChange> getHistory() {
        return Collections.unmodifiableList(history);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}

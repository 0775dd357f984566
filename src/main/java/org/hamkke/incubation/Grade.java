package org.hamkke.incubation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamkke.intake.IntakeJson;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * A mentor's grade of a submission against the milestone's rubric: a score and feedback per
 * criterion, and an outcome (passed, or a revision saying what to change). Published as soon as it
 * is given, and never changed: a correction is a new version with its reason
 * ({@link #correct}), and members see every version. So a grade has no lock version of its own;
 * its {@code version} is its number among the grades of its submission (V20: unique, and from 2 on
 * a reason is required).
 */
@Entity
@Table(name = "milestone_grade")
public class Grade {

    static final int WHAT_TO_CHANGE_LENGTH = 2000;
    static final int REASON_LENGTH = 1000;

    /** What a grade decides. */
    public enum Outcome {
        PASSED,
        REVISION_REQUESTED;

        MilestoneStatus status() {
            return this == PASSED ? MilestoneStatus.PASSED : MilestoneStatus.REVISION_REQUESTED;
        }
    }

    /** What the mentor gives, as typed: scores and feedback by criterion key, the outcome, what to change. */
    public record Marks(Map<String, Integer> scores, Map<String, String> feedback, Outcome outcome, String whatToChange) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id", nullable = false, updatable = false)
    private long submissionId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(name = "grader_id", nullable = false, updatable = false)
    private long graderId;

    @Convert(converter = IntakeJson.Scores.class)
    @Column(nullable = false, updatable = false)
    private Map<String, Integer> scores;

    @Convert(converter = IntakeJson.Texts.class)
    @Column(nullable = false, updatable = false)
    private Map<String, String> feedback;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Outcome outcome;

    @Column(name = "what_to_change", updatable = false)
    private String whatToChange;

    @Column(name = "correction_reason", updatable = false)
    private String correctionReason;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    protected Grade() {}

    private Grade(long submissionId, int version, long graderId, Rubric.Scored scored, Outcome outcome, String whatToChange,
            String correctionReason, Instant now) {
        this.submissionId = submissionId;
        this.version = version;
        this.graderId = graderId;
        this.scores = scored.scores();
        this.feedback = scored.feedback();
        this.outcome = outcome;
        this.whatToChange = whatToChange;
        this.correctionReason = correctionReason;
        this.publishedAt = now;
    }

    /**
     * The first grade of a submission.
     *
     * @throws Refused every problem at once: the rubric's ({@link Rubric#check}), "milestone.grade.outcomeMissing",
     *     "milestone.grade.whatToChangeRequired" for a revision that does not say what to change
     */
    static Grade publish(Submission submission, long graderId, Rubric rubric, Marks marks, Instant now) {
        List<Problem> problems = new ArrayList<>();
        Checked checked = check(rubric, marks, problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new Grade(submission.getId(), 1, graderId, checked.scored(), marks.outcome(), checked.whatToChange(), null, now);
    }

    /**
     * A correction of this grade: the next version, with its reason; this one stays as published.
     *
     * @throws Refused as {@link #publish}, and "milestone.grade.reasonRequired" without a reason
     */
    Grade correct(long graderId, Rubric rubric, Marks marks, String why, Instant now) {
        List<Problem> problems = new ArrayList<>();
        Checked checked = check(rubric, marks, problems);
        String reason = StorableText.checked(why, REASON_LENGTH, "correctionReason", problems);
        if (reason == null && problems.stream().noneMatch(p -> "correctionReason".equals(p.field()))) {
            problems.add(new Problem("correctionReason", "milestone.grade.reasonRequired"));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new Grade(submissionId, version + 1, graderId, checked.scored(), marks.outcome(), checked.whatToChange(), reason, now);
    }

    private record Checked(Rubric.Scored scored, String whatToChange) {}

    private static Checked check(Rubric rubric, Marks marks, List<Problem> problems) {
        Rubric.Scored scored = null;
        try {
            scored = rubric.check(marks.scores(), marks.feedback());
        } catch (Refused refused) {
            problems.addAll(refused.problems());
        }
        if (marks.outcome() == null) {
            problems.add(new Problem("outcome", "milestone.grade.outcomeMissing"));
        }
        String whatToChange = StorableText.checked(marks.whatToChange(), WHAT_TO_CHANGE_LENGTH, "whatToChange", problems);
        if (marks.outcome() == Outcome.REVISION_REQUESTED && whatToChange == null
                && problems.stream().noneMatch(p -> "whatToChange".equals(p.field()))) {
            problems.add(new Problem("whatToChange", "milestone.grade.whatToChangeRequired"));
        }
        return new Checked(scored, whatToChange);
    }

    /** The sum of the scores, for the rubric's bands. */
    public int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Long getId() {
        return id;
    }

    public long getSubmissionId() {
        return submissionId;
    }

    public int getVersion() {
        return version;
    }

    public long getGraderId() {
        return graderId;
    }

    public Map<String, Integer> getScores() {
        return scores;
    }

    public Map<String, String> getFeedback() {
        return feedback;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getWhatToChange() {
        return whatToChange;
    }

    public String getCorrectionReason() {
        return correctionReason;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    /** A correction rather than the first grade. */
    public boolean isCorrection() {
        return version > 1;
    }
}

package org.hamkke.intake;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.hamkke.shared.audit.Actor;

/**
 * A reviewer's scores and comments on one application, against the call's rubric. Its rules:
 *
 * <ul>
 *   <li>A draft is saved as often as the reviewer likes ({@link #saveDraft}); comments must be
 *       storable text within {@link TextRules#COMMENT}.
 *   <li>Submitting ({@link #submit}) needs every criterion scored within its range
 *       ({@link Scoring#weighted}).
 *   <li><b>A submitted review is final</b> for its reviewer: neither saved nor submitted again
 *       ({@link AlreadySubmitted}) until staff reopen it.
 *   <li><b>Only staff reopen it, with a reason</b> ({@link #reopen}): it becomes a draft again with
 *       its scores and comments kept, and the reason stays in its history as a {@link ReviewReopening}.
 * </ul>
 *
 * The database holds the "submitted says when" part as a backstop (V9); {@code @Version} keeps two
 * saves of the same review from overwriting each other silently.
 */
@Entity
@Table(name = "review")
public class Review {

    public enum Status {
        DRAFT,
        SUBMITTED
    }

    /** A submitted review is final until staff reopen it. */
    public static final class AlreadySubmitted extends RuntimeException {
        AlreadySubmitted() {
            super("Review already submitted");
        }
    }

    /** Only a submitted review can be reopened (a second click on "reopen" changes nothing). */
    public static final class NotSubmitted extends RuntimeException {
        NotSubmitted() {
            super("Only a submitted review can be reopened");
        }
    }

    /** Reopening needs a reason: the reviewer is told it, and it stays in the review's history. */
    public static final class ReasonRequired extends RuntimeException {
        ReasonRequired() {
            super("A reason is required to reopen a review");
        }
    }

    @Id
    @OneToOne(optional = false)
    @JoinColumn(name = "assignment_id")
    private ReviewAssignment assignment;

    @Convert(converter = IntakeJson.Scores.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Integer> scores = Map.of();

    @Convert(converter = IntakeJson.Texts.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, String> comments = Map.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.DRAFT;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Version
    @Column(nullable = false)
    private long version;

    @OneToMany(mappedBy = "review", cascade = CascadeType.PERSIST)
    @OrderBy("at, id")
    @BatchFetch(BatchFetchType.IN)
    private List<ReviewReopening> reopenings = new ArrayList<>();

    protected Review() {}

    Review(ReviewAssignment assignment) {
        this.assignment = assignment;
    }

    /**
     * Keeps the scores and comments so far; nothing needs to be complete.
     *
     * @throws AlreadySubmitted when it is submitted
     * @throws TextRules.Refused for a comment too long or with a character that cannot be stored
     */
    public void saveDraft(Map<String, Integer> scores, Map<String, String> comments) {
        write(scores, comments);
    }

    /**
     * Submits it: every criterion of the rubric scored within its range. Final from now on.
     *
     * @throws AlreadySubmitted when it is submitted already
     * @throws IllegalArgumentException when a criterion is unscored or out of range
     * @throws TextRules.Refused for a comment that cannot be stored
     */
    public void submit(Map<String, Integer> scores, Map<String, String> comments, List<Scoring.Criterion> rubric, Instant now) {
        requireDraft();
        Scoring.weighted(rubric, scores);
        write(scores, comments);
        status = Status.SUBMITTED;
        submittedAt = now;
    }

    private void write(Map<String, Integer> scores, Map<String, String> comments) {
        requireDraft();
        TextRules.require(comments.values(), TextRules.COMMENT);
        Map<String, String> written = new LinkedHashMap<>();
        comments.forEach((key, text) -> {
            if (text != null && !text.isBlank()) {
                written.put(key, text.strip());
            }
        });
        this.scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        this.comments = Collections.unmodifiableMap(written);
    }

    private void requireDraft() {
        if (status == Status.SUBMITTED) {
            throw new AlreadySubmitted();
        }
    }

    /**
     * Staff reopen the submitted review so its reviewer can change it: a draft again, scores and
     * comments kept; who, when and why are kept as a {@link ReviewReopening}.
     *
     * @return the reopening (its reviewer is told about it)
     * @throws NotSubmitted when it is not (or no longer) submitted
     * @throws ReasonRequired without a reason
     * @throws TextRules.Refused for a reason too long or that cannot be stored
     */
    public ReviewReopening reopen(Actor staff, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new ReasonRequired();
        }
        TextRules.require(reason, TextRules.REOPEN_REASON);
        if (status != Status.SUBMITTED) {
            throw new NotSubmitted();
        }
        status = Status.DRAFT;
        submittedAt = null;
        ReviewReopening reopening = new ReviewReopening(this, staff, now, reason.strip());
        reopenings.add(reopening);
        return reopening;
    }

    public boolean isSubmitted() {
        return status == Status.SUBMITTED;
    }

    public ReviewAssignment getAssignment() {
        return assignment;
    }

    public Map<String, Integer> getScores() {
        return scores;
    }

    public Map<String, String> getComments() {
        return comments;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<ReviewReopening> getReopenings() {
        return Collections.unmodifiableList(reopenings);
    }
}

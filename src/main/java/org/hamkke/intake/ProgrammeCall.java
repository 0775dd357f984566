package org.hamkke.intake;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.LocalizedTextConverter;

/**
 * A call for applications to the incubation programme, open between two instants. The time zone
 * is the one the call was announced in, so "closes 31 March, 23:59" means what staff meant. It
 * owns its application form ({@link CallQuestion}) and its review rubric ({@link RubricCriterion}).
 *
 * <p>Whether the call takes applications is decided here ({@link #isOpenAt}), by the server's
 * clock, never the browser's: drafts are saved and submitted only while it is open.
 */
@Entity
@Table(name = "programme_call")
@NamedQuery(
        name = "ProgrammeCall.openAt",
        query = "select c from ProgrammeCall c where c.opensAt <= :now and c.closesAt > :now order by c.closesAt")
public class ProgrammeCall extends BaseEntity {

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText title;

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText summary;

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText description = LocalizedText.of(java.util.Map.of());

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText eligibility = LocalizedText.of(java.util.Map.of());

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "max_ventures")
    private Integer maxVentures;

    @Column(name = "blind_review", nullable = false)
    private boolean blindReview = true;

    @Column(name = "share_feedback", nullable = false)
    private boolean shareFeedback;

    @Column(name = "review_deadline")
    private Instant reviewDeadline;

    @Column(name = "disagreement_threshold", nullable = false)
    private BigDecimal disagreementThreshold = BigDecimal.valueOf(30);

    /**
     * A course of the academy applicants must have completed first, or null. Kept as the academy's
     * id, not a relation: the intake asks the academy about it ({@code academy.Completions}), never
     * its tables.
     */
    @Column(name = "required_course_id")
    private Long requiredCourseId;

    /** Every question ever asked, removed ones included (they stay for the applications that answered them). */
    @OneToMany(mappedBy = "call", cascade = CascadeType.ALL)
    @OrderBy("position, id")
    @BatchFetch(BatchFetchType.IN)
    private List<CallQuestion> questions = new ArrayList<>();

    @OneToMany(mappedBy = "call", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<RubricCriterion> criteria = new ArrayList<>();

    protected ProgrammeCall() {}

    /** A new call, described and scheduled; the form and rubric are added after. */
    public ProgrammeCall(LocalizedText title, LocalizedText summary, Instant opensAt, Instant closesAt, ZoneId zone) {
        describe(title, summary, LocalizedText.of(java.util.Map.of()), LocalizedText.of(java.util.Map.of()));
        schedule(opensAt, closesAt, zone, null);
    }

    /** Whether the call takes applications at this moment: from its opening (included) to its closing (excluded). */
    public boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    void describe(LocalizedText title, LocalizedText summary, LocalizedText description, LocalizedText eligibility) {
        this.title = title;
        this.summary = summary;
        this.description = description;
        this.eligibility = eligibility;
    }

    /**
     * When it takes applications and when reviews are due, in the zone it was announced in. A call
     * closes after it opens, and reviews are due after it closes (the database holds the first too).
     */
    void schedule(Instant opensAt, Instant closesAt, ZoneId zone, Instant reviewDeadline) {
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("A call closes after it opens");
        }
        if (reviewDeadline != null && !reviewDeadline.isAfter(closesAt)) {
            throw new IllegalArgumentException("Reviews are due after the call closes");
        }
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.timeZone = zone.getId();
        this.reviewDeadline = reviewDeadline;
    }

    /** How applications are judged: blind or not, feedback shared or not, and the gap that counts as disagreement. */
    void judge(Integer maxVentures, boolean blindReview, boolean shareFeedback, BigDecimal disagreementThreshold) {
        this.maxVentures = maxVentures;
        this.blindReview = blindReview;
        this.shareFeedback = shareFeedback;
        this.disagreementThreshold = disagreementThreshold;
    }

    /** From now on applicants must have completed this course of the academy (null: no course is required). */
    void requireCourse(Long courseId) {
        this.requiredCourseId = courseId;
    }

    /** A new question at the end of the form; {@link CallQuestion#revise} fills it in. */
    CallQuestion addQuestion() {
        CallQuestion question = new CallQuestion(this);
        questions.add(question);
        return question;
    }

    /** Replaces the rubric (reviews keep their scores by key, not by row). */
    void replaceRubric(List<RubricCriterion> rubric) {
        criteria.clear();
        criteria.addAll(rubric);
    }

    /** The form as applicants see it now: live questions in order. */
    public List<CallQuestion> getAskedQuestions() {
        return questions.stream().filter(CallQuestion::isAsked).toList();
    }

    public Optional<CallQuestion> question(long id) {
        return questions.stream().filter(q -> q.getId() != null && q.getId() == id).findFirst();
    }

    /** The rubric as {@link Scoring} weighs it. */
    public List<Scoring.Criterion> scoringRubric() {
        return criteria.stream().map(RubricCriterion::scoring).toList();
    }

    public LocalizedText getTitle() {
        return title;
    }

    public LocalizedText getSummary() {
        return summary;
    }

    public LocalizedText getDescription() {
        return description;
    }

    public LocalizedText getEligibility() {
        return eligibility;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public ZonedDateTime getClosesAtLocal() {
        return closesAt.atZone(ZoneId.of(timeZone));
    }

    public Integer getMaxVentures() {
        return maxVentures;
    }

    public boolean isBlindReview() {
        return blindReview;
    }

    public boolean isShareFeedback() {
        return shareFeedback;
    }

    public Instant getReviewDeadline() {
        return reviewDeadline;
    }

    public BigDecimal getDisagreementThreshold() {
        return disagreementThreshold;
    }

    public Long getRequiredCourseId() {
        return requiredCourseId;
    }

    public List<CallQuestion> getQuestions() {
        return questions;
    }

    public List<RubricCriterion> getCriteria() {
        return criteria;
    }
}

package org.hamkke.incubation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hamkke.incubation.MilestoneStatus.Mover;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * One milestone of a venture's plan: what it is (copied from its programme's template, or written
 * by staff), when it is due, and where it is ({@link MilestoneStatus}). Members submit evidence,
 * the assigned mentor grades the latest submission; staff move its due date or drop it, each with
 * a reason. Its {@code @Version} serialises everything done to it: two mentors grading the same
 * submission at once, the second is told and nothing is overwritten.
 */
@Entity
@Table(name = "milestone")
public class Milestone extends BaseEntity {

    static final int TITLE_LENGTH = 200;
    static final int DESCRIPTION_LENGTH = 2000;
    static final int REASON_LENGTH = 1000;

    @Column(name = "venture_id", nullable = false, updatable = false)
    private long ventureId;

    @Column(name = "template_id", updatable = false)
    private Long templateId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private LocalizedText title;

    @Column(nullable = false)
    private LocalizedText description;

    @Column(name = "expected_evidence", nullable = false)
    private LocalizedText expectedEvidence;

    @Convert(converter = Rubric.Column.class)
    @Column(nullable = false, updatable = false)
    private Rubric rubric;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MilestoneStatus status;

    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Milestone() {}

    private Milestone(long ventureId, Long templateId, int position, LocalizedText title, LocalizedText description,
            LocalizedText expectedEvidence, Rubric rubric, LocalDate dueOn, Instant now) {
        this.ventureId = ventureId;
        this.templateId = templateId;
        this.position = position;
        this.title = title;
        this.description = description;
        this.expectedEvidence = expectedEvidence;
        this.rubric = rubric;
        this.dueOn = dueOn;
        this.createdAt = now;
        this.status = MilestoneStatus.OPEN;
    }

    /**
     * When a venture's incubation started, which its plan's due dates count from: the first day
     * of its mentoring (the earliest start of an assignment that was accepted, active now or
     * ended), or else the day it was created, when its application was accepted.
     */
    public static LocalDate incubationStart(Collection<LocalDate> mentoringStarts, LocalDate created) {
        return mentoringStarts.stream().min(Comparator.naturalOrder()).orElse(created);
    }

    /**
     * The milestones applying the programme's templates adds to a venture's plan: one for each
     * template not applied yet (so applying again adds nothing), due the template's offset after
     * the incubation's start, in the templates' order. V20's unique index on (venture, template)
     * holds the same for two staff applying at once.
     */
    public static List<Milestone> plan(long ventureId, List<MilestoneTemplate> templates, Set<Long> applied, LocalDate start, Instant now) {
        List<Milestone> added = new ArrayList<>();
        templates.stream().sorted(Comparator.comparingInt(MilestoneTemplate::getPosition)).forEach(t -> {
            if (!applied.contains(t.getId())) {
                added.add(new Milestone(ventureId, t.getId(), t.getPosition(), t.getTitle(), t.getDescription(), t.getExpectedEvidence(),
                        t.getRubric(), start.plusDays(t.getDueOffsetDays()), now));
            }
        });
        return added;
    }

    /**
     * Staff add a milestone of their own to the plan, after the others: a title (in their
     * language), an optional description and a due date. It has no rubric: its grade is the outcome
     * and what to change.
     *
     * @throws Refused every problem at once: "milestone.titleMissing", the texts' limits, "milestone.dueMissing"
     */
    public static Milestone add(long ventureId, int position, String language, String title, String description, LocalDate dueOn,
            Instant now) {
        List<Problem> problems = new ArrayList<>();
        String keptTitle = StorableText.checked(title, TITLE_LENGTH, "title", problems);
        String keptDescription = StorableText.checked(description, DESCRIPTION_LENGTH, "description", problems);
        if (keptTitle == null && problems.stream().noneMatch(p -> "title".equals(p.field()))) {
            problems.add(new Problem("title", "milestone.titleMissing"));
        }
        if (dueOn == null) {
            problems.add(new Problem("dueOn", "milestone.dueMissing"));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new Milestone(ventureId, null, position, LocalizedText.of(Map.of(language, keptTitle)),
                keptDescription == null ? LocalizedText.of(Map.of()) : LocalizedText.of(Map.of(language, keptDescription)),
                LocalizedText.of(Map.of()), Rubric.NONE, dueOn, now);
    }

    /**
     * Staff give it a new due date, saying why (kept as its last reason).
     *
     * @throws Refused "milestone.dueMissing", "milestone.reasonRequired", "milestone.notPlanned" (passed or dropped)
     */
    void move(LocalDate newDueOn, String why) {
        List<Problem> problems = new ArrayList<>();
        if (!status.isPlanned()) {
            throw new Refused("milestone.notPlanned");
        }
        if (newDueOn == null) {
            problems.add(new Problem("dueOn", "milestone.dueMissing"));
        }
        String kept = reason(why, problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        dueOn = newDueOn;
        reason = kept;
    }

    /**
     * Staff take it out of the plan, saying why; its evidence and grades are kept.
     *
     * @throws Refused "milestone.reasonRequired"
     * @throws MilestoneStatus.IllegalMoveException when it is passed or already dropped
     */
    void drop(String why) {
        List<Problem> problems = new ArrayList<>();
        String kept = reason(why, problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        status = status.moveTo(MilestoneStatus.DROPPED, Mover.STAFF);
        reason = kept;
    }

    /**
     * A member submits evidence: the next submission, numbered after {@code earlier} submissions.
     *
     * @throws Refused "milestone.closed" when it is passed or dropped
     */
    Submission submit(int earlier, long memberId, Evidence evidence, Instant now) {
        if (!status.takesEvidence()) {
            throw new Refused("milestone.closed");
        }
        status = status.moveTo(MilestoneStatus.SUBMITTED, Mover.MEMBER);
        return new Submission(getId(), earlier + 1, evidence, memberId, now);
    }

    /**
     * The mentor grades the latest submission, which must be waiting for its grade.
     *
     * @param latest the milestone's latest submission and its grades, newest version last
     * @throws MilestoneStatus.IllegalMoveException when nothing waits for a grade (graded meanwhile)
     */
    Grade grade(Submission latest, List<Grade> itsGrades, long mentorId, Grade.Marks marks, Instant now) {
        if (status != MilestoneStatus.SUBMITTED || !itsGrades.isEmpty() || latest.getMilestoneId() != getId()) {
            throw new MilestoneStatus.IllegalMoveException(status, marks.outcome().status(), Mover.MENTOR);
        }
        Grade grade = Grade.publish(latest, mentorId, rubric, marks, now);
        status = status.moveTo(marks.outcome().status(), Mover.MENTOR);
        return grade;
    }

    /**
     * The mentor corrects the latest submission's grade: a new version with its reason; the
     * earlier versions stay as they were. The milestone follows the corrected outcome.
     *
     * @throws MilestoneStatus.IllegalMoveException when the latest submission has no grade to correct
     */
    Grade correct(Submission latest, List<Grade> itsGrades, long mentorId, Grade.Marks marks, String why, Instant now) {
        Optional<Grade> current = itsGrades.stream().max(Comparator.comparingInt(Grade::getVersion));
        if (current.isEmpty() || status == MilestoneStatus.SUBMITTED || status == MilestoneStatus.DROPPED
                || latest.getMilestoneId() != getId()) {
            throw new MilestoneStatus.IllegalMoveException(status, marks.outcome().status(), Mover.MENTOR);
        }
        Grade correction = current.get().correct(mentorId, rubric, marks, why, now);
        if (marks.outcome().status() != status) {
            status = status.moveTo(marks.outcome().status(), Mover.MENTOR);
        }
        return correction;
    }

    private static String reason(String why, List<Problem> problems) {
        String kept = StorableText.checked(why, REASON_LENGTH, "reason", problems);
        if (kept == null && problems.stream().noneMatch(p -> "reason".equals(p.field()))) {
            problems.add(new Problem("reason", "milestone.reasonRequired"));
        }
        return kept;
    }

    public long getVentureId() {
        return ventureId;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public int getPosition() {
        return position;
    }

    public LocalizedText getTitle() {
        return title;
    }

    public LocalizedText getDescription() {
        return description;
    }

    public LocalizedText getExpectedEvidence() {
        return expectedEvidence;
    }

    public Rubric getRubric() {
        return rubric;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public MilestoneStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }
}

package org.hamkke.incubation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.LocalizedText;

/**
 * A milestone every venture of a programme (the call it came from) is expected to reach, in the
 * five languages: what it is, what evidence shows it, the rubric its grades use, and how many days
 * after the start of the incubation it is due. Applying the programme's templates to a venture
 * makes its plan ({@link Milestone#plan}); a template is written by staff or the demo data.
 */
@Entity
@Table(name = "milestone_template")
public class MilestoneTemplate extends BaseEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private long callId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private LocalizedText title;

    @Column(nullable = false)
    private LocalizedText description;

    @Column(name = "expected_evidence", nullable = false)
    private LocalizedText expectedEvidence;

    @Column(name = "due_offset_days", nullable = false)
    private int dueOffsetDays;

    @Convert(converter = Rubric.Column.class)
    @Column(nullable = false)
    private Rubric rubric;

    protected MilestoneTemplate() {}

    MilestoneTemplate(long callId, int position, LocalizedText title, LocalizedText description, LocalizedText expectedEvidence,
            int dueOffsetDays, Rubric rubric) {
        this.callId = callId;
        this.position = position;
        this.title = title;
        this.description = description;
        this.expectedEvidence = expectedEvidence;
        this.dueOffsetDays = dueOffsetDays;
        this.rubric = rubric;
    }

    public long getCallId() {
        return callId;
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

    public int getDueOffsetDays() {
        return dueOffsetDays;
    }

    public Rubric getRubric() {
        return rubric;
    }
}

package org.hamkke.incubation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hamkke.shared.TagsConverter;

/**
 * Evidence a member submitted for a milestone, numbered 1.. per milestone. Never changed and never
 * removed (V20's trigger refuses both), so it has no version to lock: what the mentor graded is
 * what the members see they sent.
 */
@Entity
@Table(name = "milestone_submission")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "milestone_id", nullable = false, updatable = false)
    private long milestoneId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(updatable = false)
    private String text;

    @Convert(converter = Links.class)
    @Column(nullable = false, updatable = false)
    private List<String> links;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    private long submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    protected Submission() {}

    Submission(long milestoneId, int number, Evidence evidence, long submittedBy, Instant now) {
        this.milestoneId = milestoneId;
        this.number = number;
        this.text = evidence.text();
        this.links = evidence.links();
        this.submittedBy = submittedBy;
        this.submittedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getMilestoneId() {
        return milestoneId;
    }

    public int getNumber() {
        return number;
    }

    public String getText() {
        return text;
    }

    public List<String> getLinks() {
        return links;
    }

    public long getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    /** The links as a text[] in the order given (unlike tags, which are a sorted set). */
    @jakarta.persistence.Converter
    public static class Links implements jakarta.persistence.AttributeConverter<List<String>, Object> {
        @Override
        public Object convertToDatabaseColumn(List<String> links) {
            return TagsConverter.literal(links == null ? List.of() : links);
        }

        @Override
        public List<String> convertToEntityAttribute(Object column) {
            return TagsConverter.values(column);
        }
    }
}

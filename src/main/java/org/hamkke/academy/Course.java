package org.hamkke.academy;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.LocalizedTextConverter;

/** A course of the entrepreneur academy; it runs as one or more cohorts. */
@Entity
@Table(name = "course")
@NamedQuery(name = "Course.published", query = "select c from Course c where c.published = true order by c.id")
public class Course extends BaseEntity {

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText title;

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText summary;

    @Column(name = "duration_weeks", nullable = false)
    private int durationWeeks;

    @Column(nullable = false)
    private boolean published;

    protected Course() {}

    public LocalizedText getTitle() {
        return title;
    }

    public LocalizedText getSummary() {
        return summary;
    }

    public int getDurationWeeks() {
        return durationWeeks;
    }

    public boolean isPublished() {
        return published;
    }
}

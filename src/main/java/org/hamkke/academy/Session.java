package org.hamkke.academy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.hamkke.shared.BaseEntity;

/**
 * One meeting of a cohort: two moments, read on the wall in the cohort's zone. Made only by
 * {@link Cohort#schedule}, which keeps it within the cohort's dates.
 */
@Entity
@Table(name = "cohort_session")
public class Session extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "cohort_id", updatable = false)
    private Cohort cohort;

    private String title;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    protected Session() {}

    Session(Cohort cohort, String title, Instant startsAt, Instant endsAt) {
        this.cohort = cohort;
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public String getTitle() {
        return title;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    /** The start as the cohort's wall clock reads it. */
    public ZonedDateTime getStartsLocal() {
        return startsAt.atZone(cohort.zone());
    }

    public ZonedDateTime getEndsLocal() {
        return endsAt.atZone(cohort.zone());
    }
}

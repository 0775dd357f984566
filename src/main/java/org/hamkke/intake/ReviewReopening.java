package org.hamkke.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hamkke.shared.audit.Actor;

/**
 * Staff reopened a submitted review: who, when and why. Only {@link Review#reopen} writes one;
 * nothing ever changes or removes it, so a review's history shows every reopening.
 */
@Entity
@Table(name = "review_reopening")
public class ReviewReopening {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "assignment_id", updatable = false)
    private Review review;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String reason;

    protected ReviewReopening() {}

    ReviewReopening(Review review, Actor staff, Instant at, String reason) {
        this.review = review;
        this.actorId = staff.personId();
        this.actor = staff.username();
        this.at = at;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Review getReview() {
        return review;
    }

    /** The staff member's username as it was then. */
    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public String getReason() {
        return reason;
    }
}

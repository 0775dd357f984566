package org.hamkke.intake;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A reviewer assigned to an application, and their declaration: before seeing anything of the
 * application, the reviewer declares a conflict of interest or none ({@link #declare}).
 *
 * <p><b>A declaration is made once, and a declared conflict is final</b>: it is never taken
 * back, and from then on the application is shut to this reviewer for good (the conflict rule in
 * {@link Conflicts} reads it). Who may be assigned at all is the conflict rule's too, checked in
 * the very statement that assigns ({@link Reviews#assign}).
 */
@Entity
@Table(name = "review_assignment")
@NamedQuery(name = "ReviewAssignment.ofApplication",
        query = "select ra from ReviewAssignment ra where ra.application.id = :application order by ra.assignedAt, ra.id")
public class ReviewAssignment {

    /** The reviewer's declaration about a conflict of interest. */
    public enum Declaration {
        /** Not yet declared: the reviewer sees nothing of the application but the question. */
        UNDECLARED,
        /** No conflict: the reviewer may read and score it. */
        NONE,
        /** A conflict: final; the application is shut to them, and staff find someone else. */
        CONFLICT
    }

    /** Thrown when a reviewer declares a second time. */
    public static final class AlreadyDeclared extends RuntimeException {
        AlreadyDeclared(Declaration declared) {
            super("Already declared: " + declared);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", updatable = false)
    private Application application;

    @Column(name = "reviewer_id", nullable = false, updatable = false)
    private long reviewerId;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "assigned_by", updatable = false)
    private Long assignedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "conflict", nullable = false)
    private Declaration declaration = Declaration.UNDECLARED;

    @Column(name = "declared_at")
    private Instant declaredAt;

    @OneToOne(mappedBy = "assignment", cascade = CascadeType.ALL)
    @BatchFetch(BatchFetchType.IN)
    private Review review;

    protected ReviewAssignment() {}

    /** For tests of the rules; the portal assigns in SQL, where the conflict rule is checked in the same statement. */
    ReviewAssignment(Application application, long reviewerId, Instant assignedAt) {
        this.application = application;
        this.reviewerId = reviewerId;
        this.assignedAt = assignedAt;
    }

    /**
     * Records the reviewer's declaration, once.
     *
     * @throws AlreadyDeclared when they declared before (a conflict stays a conflict)
     */
    public void declare(boolean conflict, Instant now) {
        if (declaration != Declaration.UNDECLARED) {
            throw new AlreadyDeclared(declaration);
        }
        declaration = conflict ? Declaration.CONFLICT : Declaration.NONE;
        declaredAt = now;
    }

    /** Whether the reviewer may read and score: declared no conflict. */
    public boolean isOpen() {
        return declaration == Declaration.NONE;
    }

    /**
     * The reviewer's review, started on first use. Only once they declared no conflict.
     *
     * @throws IllegalStateException before a declaration of no conflict
     */
    public Review review() {
        if (!isOpen()) {
            throw new IllegalStateException("Assignment " + id + " is " + declaration);
        }
        if (review == null) {
            review = new Review(this);
        }
        return review;
    }

    /** The review, if one was started. */
    public Review getReview() {
        return review;
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public long getReviewerId() {
        return reviewerId;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Long getAssignedBy() {
        return assignedBy;
    }

    public Declaration getDeclaration() {
        return declaration;
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }
}

package org.hamkke.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hamkke.shared.audit.Actor;

/**
 * One step of an application's history: who moved it, when, from where, to where and why. Only
 * {@link Application} writes one, as it moves; nothing ever changes or removes it (no setters).
 */
@Entity
@Table(name = "stage_change")
public class StageChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", updatable = false)
    private Application application;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", updatable = false)
    private Stage from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false, updatable = false)
    private Stage to;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(updatable = false)
    private String reason;

    protected StageChange() {}

    StageChange(Application application, Stage from, Stage to, Actor actor, Instant at, String reason) {
        this.application = application;
        this.from = from;
        this.to = to;
        this.actorId = actor.personId();
        this.actor = actor.username();
        this.at = at;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public long getApplicationId() {
        return application.getId();
    }

    /** Null for the submission itself. */
    public Stage getFrom() {
        return from;
    }

    public Stage getTo() {
        return to;
    }

    /** The username as it was then. */
    public String getActor() {
        return actor;
    }

    public Long getActorId() {
        return actorId;
    }

    public Instant getAt() {
        return at;
    }

    public String getReason() {
        return reason;
    }
}

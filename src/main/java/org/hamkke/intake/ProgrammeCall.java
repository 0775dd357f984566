package org.hamkke.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.LocalizedTextConverter;

/**
 * A call for applications to the incubation programme, open between two instants. The time zone
 * is the one the call was announced in, so "closes 31 March, 23:59" means what staff meant.
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

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    protected ProgrammeCall() {}

    public LocalizedText getTitle() {
        return title;
    }

    public LocalizedText getSummary() {
        return summary;
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
}

package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Series of sessions keep their wall-clock time when the clocks change. */
class SessionSeriesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Tuesdays 18:00-20:00 in Paris across 28 March 2027, when the clocks go forward an hour. */
    @Test
    void aWeeklySeriesStaysAtSixOnTheWallAcrossTheSpringChange() {
        List<SessionSeries.Slot> slots = new SessionSeries(LocalDate.of(2027, 3, 16), LocalTime.of(18, 0), LocalTime.of(20, 0), 1, 4)
                .slots(PARIS);
        assertEquals(List.of(
                Instant.parse("2027-03-16T17:00:00Z"), Instant.parse("2027-03-23T17:00:00Z"),
                // after the change Paris is UTC+2: the same 18:00 is an hour earlier in UTC
                Instant.parse("2027-03-30T16:00:00Z"), Instant.parse("2027-04-06T16:00:00Z")),
                slots.stream().map(SessionSeries.Slot::startsAt).toList());
        slots.forEach(s -> assertEquals(Duration.ofHours(2), Duration.between(s.startsAt(), s.endsAt())));
        slots.forEach(s -> assertEquals(LocalTime.of(18, 0), s.startsAt().atZone(PARIS).toLocalTime()));
    }

    /** Fortnightly across the autumn change (31 October 2027), when an hour comes back. */
    @Test
    void aFortnightlySeriesStaysAtTenAcrossTheAutumnChange() {
        List<SessionSeries.Slot> slots = new SessionSeries(LocalDate.of(2027, 10, 23), LocalTime.of(10, 0), LocalTime.of(12, 30), 2, 3)
                .slots(PARIS);
        assertEquals(List.of(Instant.parse("2027-10-23T08:00:00Z"), Instant.parse("2027-11-06T09:00:00Z"),
                Instant.parse("2027-11-20T09:00:00Z")), slots.stream().map(SessionSeries.Slot::startsAt).toList());
        assertEquals(List.of(LocalDate.of(2027, 10, 23), LocalDate.of(2027, 11, 6), LocalDate.of(2027, 11, 20)),
                slots.stream().map(s -> s.startsAt().atZone(PARIS).toLocalDate()).toList());
    }

    /** A session whose day has the change in the middle of it lasts what the wall clock says, less the hour skipped. */
    @Test
    void aSessionOverTheChangeItselfLastsOneHourLess() {
        SessionSeries.Slot slot = new SessionSeries(LocalDate.of(2027, 3, 28), LocalTime.of(1, 0), LocalTime.of(4, 0), 0, 1)
                .slots(PARIS).getFirst();
        assertEquals(Duration.ofHours(2), Duration.between(slot.startsAt(), slot.endsAt()));
    }

    /** 02:30 does not exist in Paris on 28 March 2027: it becomes 03:30, as ZonedDateTime resolves a gap. */
    @Test
    void aTimeInTheGapMovesForward() {
        SessionSeries.Slot slot = new SessionSeries(LocalDate.of(2027, 3, 28), LocalTime.of(2, 30), LocalTime.of(5, 0), 0, 1)
                .slots(PARIS).getFirst();
        assertEquals(LocalTime.of(3, 30), slot.startsAt().atZone(PARIS).toLocalTime());
    }

    @Test
    void anEveningSessionMayEndAfterMidnight() {
        SessionSeries.Slot slot = new SessionSeries(LocalDate.of(2027, 5, 4), LocalTime.of(22, 0), LocalTime.of(0, 30), 0, 1)
                .slots(ZoneId.of("Asia/Jakarta")).getFirst();
        assertEquals(Instant.parse("2027-05-04T15:00:00Z"), slot.startsAt());
        assertEquals(Instant.parse("2027-05-04T17:30:00Z"), slot.endsAt());
    }

    @Test
    void aSeriesIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new SessionSeries(LocalDate.of(2027, 1, 1), LocalTime.NOON, LocalTime.MIDNIGHT, 1, 53));
        assertThrows(IllegalArgumentException.class, () -> new SessionSeries(LocalDate.of(2027, 1, 1), LocalTime.NOON, LocalTime.MIDNIGHT, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new SessionSeries(LocalDate.of(2027, 1, 1), LocalTime.NOON, LocalTime.MIDNIGHT, 1, 0));
    }
}

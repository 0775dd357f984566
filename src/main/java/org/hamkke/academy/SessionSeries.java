package org.hamkke.academy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The moments of a series of sessions: the same wall-clock times in the cohort's zone, every week
 * or every other week. Each session is placed by its own day and the zone's rules on that day, so
 * "Tuesdays 18:00 in Paris" stays 18:00 on the wall when the clocks change (the moment moves by an
 * hour in UTC), instead of adding seven days of 24 hours to the first moment. A wall-clock time
 * that does not exist on a day the clocks go forward (02:30 in a gap) moves forward by the gap, as
 * {@link ZonedDateTime#of} does.
 *
 * @param first the first session's day
 * @param everyWeeks 0 for a single session, 1 weekly, 2 fortnightly
 * @param count how many sessions (1 when everyWeeks is 0)
 */
public record SessionSeries(LocalDate first, LocalTime start, LocalTime end, int everyWeeks, int count) {

    /** The most sessions one series makes: a year of weekly sessions. */
    public static final int MAX_COUNT = 52;

    /** One session's start and end. */
    public record Slot(Instant startsAt, Instant endsAt) {}

    public SessionSeries {
        if (everyWeeks < 0 || count < 1 || count > MAX_COUNT || everyWeeks == 0 && count != 1) {
            throw new IllegalArgumentException("every " + everyWeeks + " weeks, " + count + " times");
        }
    }

    /**
     * The slots, in order. A session ending at or before its start time is taken to end the next day
     * (an evening session past midnight).
     */
    public List<Slot> slots(ZoneId zone) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusWeeks((long) i * everyWeeks);
            ZonedDateTime from = ZonedDateTime.of(day, start, zone);
            ZonedDateTime to = ZonedDateTime.of(end.isAfter(start) ? day : day.plusDays(1), end, zone);
            slots.add(new Slot(from.toInstant(), to.toInstant()));
        }
        return slots;
    }
}

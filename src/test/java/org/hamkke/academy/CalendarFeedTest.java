package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

/**
 * The feed's document as calendar apps read it: valid RFC 5545 by ical4j's own validator, each
 * zone defined once and named by every time in it, the wall-clock time kept across a
 * daylight-saving change, CRLF and folded lines, and the same bytes for the same sessions.
 */
class CalendarFeedTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static CalendarFeed.Event session(long id, ZonedDateTime start, String zone, boolean cancelled) {
        return new CalendarFeed.Event(id, "Gouvernance coopérative · Séance " + id, start.toInstant(), start.plusHours(2).toInstant(), zone,
                "Maison des associations, salle 2; rez-de-chaussée", "Cohorte de printemps\nhttps://portal.example.org/academy/cohort.xhtml?id=7",
                URI.create("https://portal.example.org/academy/cohort.xhtml?id=7"), 3, Instant.parse("2027-01-05T10:00:00Z"), cancelled);
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    @Test
    void weeklySessionsKeepTheirWallClockTimeAcrossTheChangeToSummerTime() throws Exception {
        // Paris moves its clocks forward on Sunday 28 March 2027: 18:00 before and after, an hour apart in UTC.
        ZonedDateTime before = ZonedDateTime.of(2027, 3, 24, 18, 0, 0, 0, PARIS);
        ZonedDateTime after = ZonedDateTime.of(2027, 3, 31, 18, 0, 0, 0, PARIS);
        String text = CalendarFeed.write("Mes cours", List.of(session(1, before, "Europe/Paris", false),
                session(2, after, "Europe/Paris", false)), "portal.example.org");

        Calendar calendar = parse(text);
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertEquals(1, zones.size(), "One VTIMEZONE per zone");
        assertEquals("Europe/Paris", zones.getFirst().getTimeZoneId().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        for (VEvent event : events) {
            DtStart<Temporal> start = event.getDateTimeStart();
            assertEquals("Europe/Paris", start.getParameter(Parameter.TZID).orElseThrow().getValue());
            assertEquals(18, ((ZonedDateTime) start.getDate()).getHour(), "18:00 on the wall clock");
        }
        assertEquals(before.toInstant(), ((ZonedDateTime) events.get(0).getDateTimeStart().getDate()).toInstant());
        assertEquals(after.toInstant(), ((ZonedDateTime) events.get(1).getDateTimeStart().getDate()).toInstant());
        assertEquals(Duration.ofDays(7).minusHours(1), Duration.between(before.toInstant(), after.toInstant()), "the week had 167 hours");
        assertTrue(text.contains("DTSTART;TZID=Europe/Paris:20270331T180000\r\n"), text);
        assertTrue(text.contains("DTEND;TZID=Europe/Paris:20270331T200000\r\n"), text);
    }

    @Test
    void eachEventCarriesWhatCalendarsNeedToUpdateIt() throws Exception {
        String text = CalendarFeed.write("My learning", List.of(session(42, ZonedDateTime.of(2027, 5, 4, 18, 0, 0, 0, PARIS),
                "Europe/Paris", false)), "portal.example.org");
        VEvent event = (VEvent) parse(text).getComponent("VEVENT").orElseThrow();
        assertEquals("hamkke-session-42@portal.example.org", event.getUid().orElseThrow().getValue());
        assertEquals("3", event.getSequence().getValue());
        assertEquals("20270105T100000Z", event.getDateTimeStamp().getValue());
        assertEquals("CONFIRMED", event.getStatus().getValue());
        assertEquals("Maison des associations, salle 2; rez-de-chaussée", event.getLocation().getValue());
        assertEquals("https://portal.example.org/academy/cohort.xhtml?id=7", event.getUrl().getValue());
        assertTrue(text.contains("LOCATION:Maison des associations\\, salle 2\\; rez-de-chaussée"), "escaped as the RFC says");
        assertTrue(text.contains("X-WR-CALNAME:My learning\r\n") && text.contains("REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n"), text);
        assertFalse(text.contains("METHOD:"), "published data, not an iTIP message");
    }

    /** The one line a session's cancellation needs (Feeds.CANCELLED) ends here. */
    @Test
    void aCancelledSessionStaysInTheFeedAsCancelled() throws Exception {
        String text = CalendarFeed.write("x", List.of(session(5, ZonedDateTime.of(2027, 5, 4, 18, 0, 0, 0, PARIS), "Europe/Paris", true)),
                "h");
        assertEquals("CANCELLED", ((VEvent) parse(text).getComponent("VEVENT").orElseThrow()).getStatus().getValue());
    }

    @Test
    void linesEndInCrlfAndAreFoldedAt75Octets() {
        String longTitle = "Foundations of the social and solidarity economy for home-based workers and their cooperatives";
        CalendarFeed.Event event = new CalendarFeed.Event(1, longTitle + " · أساسيات الاقتصاد الاجتماعي والتضامني", Instant.parse("2027-05-04T11:00:00Z"),
                Instant.parse("2027-05-04T13:00:00Z"), "Asia/Jakarta", null, null, null, 0, Instant.parse("2027-01-01T00:00:00Z"), false);
        String text = CalendarFeed.write("x", List.of(event), "h");
        assertFalse(text.replace("\r\n", "").contains("\n") || text.replace("\r\n", "").contains("\r"), "only CRLF line ends");
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, () -> "longer than 75 octets: " + line);
        }
        assertTrue(text.contains("\r\n "), "a long line is folded");
    }

    @Test
    void utcAndFixedOffsetsAreWrittenAsUtcMomentsAndAnAliasUsesItsDefinitionsName() throws Exception {
        Instant start = Instant.parse("2027-05-04T11:00:00Z");
        List<CalendarFeed.Event> events = List.of(
                new CalendarFeed.Event(1, "a", start, start.plusSeconds(3600), "UTC", null, null, null, 0, start, false),
                new CalendarFeed.Event(2, "b", start, start.plusSeconds(3600), "+05:30", null, null, null, 0, start, false),
                new CalendarFeed.Event(3, "c", start, start.plusSeconds(3600), "Asia/Calcutta", null, null, null, 0, start, false));
        String text = CalendarFeed.write("x", events, "h");
        Calendar calendar = parse(text);
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        assertTrue(text.contains("DTSTART:20270504T110000Z\r\n"), text);
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertEquals(1, zones.size(), text);
        String tzid = zones.getFirst().getTimeZoneId().getValue();
        assertTrue(text.contains("DTSTART;TZID=" + tzid + ":20270504T163000\r\n"), text);
        for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
            Temporal parsed = event.getDateTimeStart().getDate();
            Instant moment = parsed instanceof ZonedDateTime z ? z.toInstant() : parsed instanceof Instant i ? i
                    : ((java.time.OffsetDateTime) parsed).toInstant();
            assertEquals(start, moment, "the same moment however it is written");
        }
    }

    @Test
    void theSameSessionsGiveTheSameBytes() {
        List<CalendarFeed.Event> events = List.of(session(1, ZonedDateTime.of(2027, 5, 4, 18, 0, 0, 0, PARIS), "Europe/Paris", false));
        assertEquals(CalendarFeed.write("x", events, "h"), CalendarFeed.write("x", events, "h"), "so the ETag holds");
    }

    @Test
    void anEmptyFeedIsStillACalendar() throws Exception {
        Calendar calendar = parse(CalendarFeed.write("Nothing yet", List.of(), "h"));
        assertTrue(calendar.getComponents("VEVENT").isEmpty());
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
    }
}

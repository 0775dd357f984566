package org.hamkke.academy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An iCalendar document (RFC 5545) of academy sessions, written with ical4j, which does the
 * escaping, the CRLF line ends and the folding of long lines at 75 octets that Google Calendar,
 * Outlook and phones expect, and checks the result against the RFC before it is written
 * ({@code CalendarOutputter(true)}).
 *
 * <p>Times: each session is written on its cohort's wall clock with the zone named
 * ({@code DTSTART;TZID=Asia/Jakarta:20270504T180000}) and that zone's {@code VTIMEZONE} once per
 * document, taken from ical4j's own time-zone registry (the tz database, bundled: nothing is
 * fetched). A calendar in another zone then shows the session at the right moment, and one in the
 * same zone keeps it at 18:00 on both sides of a daylight-saving change. A zone the registry does
 * not know (a fixed offset such as {@code +05:30}, or UTC itself) is written as UTC moments, which
 * are exact too.
 *
 * <p>Each event is the same object in every feed that lists it: its UID is the session's, its
 * {@code SEQUENCE} the session row's version (a move raises it), its {@code DTSTAMP} the last change
 * of anything it shows (kept by the database, V18), so an unchanged feed is byte for byte the same
 * and its ETag holds. No {@code METHOD}: a subscribed calendar is published data, not an iTIP
 * message (PUBLISH would oblige an ORGANIZER on every event).
 */
public final class CalendarFeed {

    static final String PRODUCT = "-//Hamkke//Academy calendar//EN";
    /** How often a calendar app should read the feed again (RFC 7986; Outlook reads its own X- twin). */
    static final Duration REFRESH = Duration.ofHours(6);

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    /** A zone's VTIMEZONE, or none when the registry has no definition (then UTC moments are written). */
    private static final Map<String, Optional<VTimeZone>> DEFINITIONS = new ConcurrentHashMap<>();

    /**
     * Documents written lately, by everything they say: a calendar app asking again for a feed that
     * has not changed costs its two statements, not a second rendering. ical4j takes some 10-30 ms
     * for a feed (it resolves the zone of every zoned time by listing all the JDK's zone ids); the
     * 500 most recent documents are a few megabytes at most.
     */
    private static final int KEPT = 500;
    private static final Map<Document, String> WRITTEN = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Document, String> eldest) {
            return size() > KEPT;
        }
    };

    /** Everything a document is written from: equal inputs, the same bytes. */
    private record Document(String name, List<Event> events, String uidDomain) {}

    private CalendarFeed() {}

    /**
     * One session as a calendar shows it, texts already in the feed's language.
     *
     * @param location where it meets (venue and room, or the meeting link), or null
     * @param description a few lines under the event (the cohort's address, a meeting link), or null
     * @param stamp when anything this event shows last changed
     * @param cancelled written as {@code STATUS:CANCELLED}, kept in the feed so calendars strike it out
     */
    public record Event(long sessionId, String summary, Instant startsAt, Instant endsAt, String timeZone, String location,
            String description, URI url, long sequence, Instant stamp, boolean cancelled) {}

    /**
     * The whole document.
     *
     * @param name the calendar's name as apps show it
     * @param uidDomain the portal's host name, so UIDs are unique beyond this portal
     */
    public static String write(String name, List<Event> events, String uidDomain) {
        Document document = new Document(name, List.copyOf(events), uidDomain);
        synchronized (WRITTEN) {
            String text = WRITTEN.get(document);
            if (text != null) {
                return text;
            }
        }
        String text = render(document.name(), document.events(), document.uidDomain());
        synchronized (WRITTEN) {
            WRITTEN.put(document, text);
        }
        return text;
    }

    private static String render(String name, List<Event> events, String uidDomain) {
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODUCT))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new Name(name))
                .add(new XProperty("X-WR-CALNAME", name))
                .add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH))
                .add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        Map<String, VTimeZone> zones = new LinkedHashMap<>();
        for (Event event : events) {
            definition(event.timeZone()).ifPresent(zone -> zones.putIfAbsent(event.timeZone(), zone));
        }
        for (VTimeZone zone : zones.values()) {
            calendar = calendar.add(zone);
        }
        if (events.isEmpty()) {
            // RFC 5545 wants at least one component in a calendar: a feed with no session yet carries UTC's definition.
            calendar = calendar.add(ZONES.getTimeZone("Etc/UTC").getVTimeZone());
        }
        for (Event event : events) {
            VTimeZone zone = zones.get(event.timeZone());
            // The zone as its VTIMEZONE names it (an alias such as Asia/Calcutta is defined as Asia/Kolkata): TZID and definition agree.
            calendar = calendar.add(event(event, zone == null ? null : ZoneId.of(zone.getTimeZoneId().getValue()), uidDomain));
        }
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, text);
        } catch (ValidationException e) {
            // Our own data broke the RFC: a bug here, never the reader's doing.
            throw new IllegalStateException("The calendar is not valid iCalendar: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return foldByOctets(text.toString());
    }

    /**
     * RFC 5545 (3.1) folds lines longer than 75 octets. ical4j folds at 75 characters, which for
     * Arabic or Urdu text (two bytes a letter in UTF-8) makes lines of up to 150 octets: its folds
     * are undone and each line folded again by octets, never inside a character.
     */
    static String foldByOctets(String text) {
        String unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 50);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > limit) {
                    folded.append("\r\n ");
                    // The continuation's leading space is one of its 75 octets.
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    /** @param zone the zone of a VTIMEZONE in the document, or null to write UTC moments */
    private static VEvent event(Event event, ZoneId zone, String uidDomain) {
        VEvent vevent = new VEvent(false);
        vevent = vevent.add(new Uid("hamkke-session-" + event.sessionId() + "@" + uidDomain))
                .add(new DtStamp(event.stamp()));
        if (zone != null) {
            vevent = vevent.add(new DtStart<>(event.startsAt().atZone(zone))).add(new DtEnd<>(event.endsAt().atZone(zone)));
        } else {
            vevent = vevent.add(new DtStart<>(event.startsAt())).add(new DtEnd<>(event.endsAt()));
        }
        vevent = vevent.add(new Summary(event.summary()))
                .add(new Sequence((int) Math.min(Integer.MAX_VALUE, event.sequence())))
                .add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (event.location() != null && !event.location().isBlank()) {
            vevent = vevent.add(new Location(event.location()));
        }
        if (event.description() != null && !event.description().isBlank()) {
            vevent = vevent.add(new Description(event.description()));
        }
        if (event.url() != null) {
            vevent = vevent.add(new Url(event.url()));
        }
        return vevent;
    }

    /** The registry's VTIMEZONE for the zone; none for UTC, a fixed offset or a zone it does not know. */
    static Optional<VTimeZone> definition(String zoneId) {
        return DEFINITIONS.computeIfAbsent(zoneId, id -> {
            ZoneId zone;
            try {
                zone = ZoneId.of(id);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            if (zone.getRules().isFixedOffset()) {
                return Optional.empty();
            }
            try {
                TimeZone known = ZONES.getTimeZone(zone.getId());
                if (known == null) {
                    return Optional.empty();
                }
                VTimeZone definition = known.getVTimeZone();
                ZoneId.of(definition.getTimeZoneId().getValue());
                return Optional.of(definition);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}

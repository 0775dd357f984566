package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calendar feeds through the real stack. A learner makes their address on My learning (shown
 * once), a calendar app reads it without signing in: the sessions of the cohorts where the learner
 * holds a seat and nobody else's, each at its wall-clock time in its cohort's zone across a
 * daylight-saving change, with that zone's VTIMEZONE, parsed and validated by ical4j. The answer
 * starts no session, carries an ETag and Last-Modified, and a calendar that has it gets 304. A new
 * address retires the old one (404). A public cohort's feed is open to all; an invited-only
 * cohort's answers 404, as do odd addresses. The token never reaches the portal's log.
 */
class FeedIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @RegisterExtension
    final TestPeople people = new TestPeople();

    private static String tag;
    private static long course;
    private static long paris;
    private static long invited;
    private static long online;
    private static long others;
    private static long waitlisted;
    /** Paris, the Wednesday before and after the clocks go forward (Sunday 28 March 2027), 18:00 to 20:00. */
    private static long beforeChange;
    private static long afterChange;
    private static long invitedSession;
    private static long onlineSession;
    private static long othersSession;
    private static long waitlistedSession;

    @BeforeAll
    static void academy() throws Exception {
        tag = UUID.randomUUID().toString().substring(0, 8);
        course = AcademyData.course("Feeds course " + tag);
        IntakeData.execute("update course set title = title || jsonb_build_object('fr', ?::text) where id = ?", "Cours des flux " + tag, course);
        // Each cohort's columns in one statement: its checks (dates in order, a link for an online cohort) hold on the whole row.
        paris = AcademyData.cohort(course, 10);
        IntakeData.execute("update cohort set time_zone = 'Europe/Paris', starts_on = date '2027-03-20', ends_on = date '2027-04-10', "
                + "room = '2', label = ? where id = ?", "Printemps " + tag, paris);
        beforeChange = session(paris, ZonedDateTime.of(2027, 3, 24, 18, 0, 0, 0, PARIS), "Avant");
        afterChange = session(paris, ZonedDateTime.of(2027, 3, 31, 18, 0, 0, 0, PARIS), "Après");
        invited = AcademyData.cohort(course, 10, Map.of("visibility", "INVITED"));
        IntakeData.execute("update cohort set time_zone = 'Asia/Jakarta' where id = ?", invited);
        invitedSession = session(invited, soon(12, "Asia/Jakarta"), null);
        online = AcademyData.cohort(course, 10);
        IntakeData.execute("update cohort set delivery = 'ONLINE', venue = null, meeting_link = ? where id = ?", "https://meet.example.org/" + tag, online);
        onlineSession = session(online, soon(11, "UTC"), null);
        others = AcademyData.cohort(course, 10);
        othersSession = session(others, soon(13, "UTC"), null);
        waitlisted = AcademyData.cohort(course, 1);
        waitlistedSession = session(waitlisted, soon(14, "UTC"), null);
        long someoneElse = IntakeData.person("Feeds Other " + tag, "feeds-other+" + tag + "@it.example", "");
        AcademyData.enrol(others, someoneElse, "CONFIRMED");
        AcademyData.enrol(waitlisted, someoneElse, "CONFIRMED");
    }

    /** 10:00 on the wall clock, some days from now. */
    private static ZonedDateTime soon(int days, String zone) {
        return ZonedDateTime.now(ZoneId.of(zone)).plusDays(days).withHour(10).withMinute(0).withSecond(0).withNano(0);
    }

    private static long session(long cohort, ZonedDateTime start, String title) throws Exception {
        return IntakeData.id("insert into cohort_session (cohort_id, title, starts_at, ends_at) values (?, ?, ?, ?) returning id", cohort, title,
                Timestamp.from(start.toInstant()), Timestamp.from(start.plusHours(2).toInstant()));
    }

    private static HttpResponse<String> get(String address, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Calendar parse(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate() + "\n" + text);
        return calendar;
    }

    private static Set<Long> sessions(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getUid().orElseThrow().getValue())
                .map(uid -> Long.parseLong(uid.substring("hamkke-session-".length(), uid.indexOf('@'))))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static VEvent event(Calendar calendar, long session) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getUid().orElseThrow().getValue().startsWith("hamkke-session-" + session + "@")).findFirst().orElseThrow();
    }

    /** The address shown on My learning right after making it. */
    private static String madeAddress(HtmlPage page) {
        HtmlInput field = (HtmlInput) page.getElementById("feed-url");
        assertNotNull(field, () -> "No address shown: " + page.asNormalizedText());
        return field.getValue();
    }

    @Test
    void aLearnersOwnFeedListsTheirSeatsSessionsAtTheRightTimesAndRenewalRetiresTheOldAddress() throws Exception {
        String username = people.create("fr");
        long person = AcademyData.personId(username);
        AcademyData.enrol(paris, person, "CONFIRMED");
        AcademyData.enrol(invited, person, "CONFIRMED");
        IntakeData.execute("insert into enrolment (cohort_id, person_id, status, requested_at, offer_expires_at) "
                + "values (?, ?, 'OFFERED', now(), now() + interval '2 days')", online, person);
        AcademyData.enrol(waitlisted, person, "WAITLISTED");

        String address;
        try (Visitor visitor = new Visitor("fr")) {
            visitor.open("/me/learning.xhtml");
            visitor.submitKeycloakLogin(username, TestPeople.PASSWORD);
            HtmlPage learning = visitor.html();
            assertNotNull(learning.getElementById("calendar"), learning::asNormalizedText);
            assertNull(learning.getElementById("feed-url"), "No address before one is made");
            HtmlPage made = learning.<HtmlElement>getHtmlElementById("feed-make:make").click();
            address = madeAddress(made);
            assertTrue(address.matches("https?://[^/]+/feeds/me/[A-Za-z0-9_-]{43}\\.ics"), address);
            assertEquals(address.replaceFirst("^https?://", "webcal://"), made.getElementById("feed-webcal").getAttribute("href"));
            assertTrue(made.asNormalizedText().contains("Cette adresse n'est affichée que maintenant."), "Said in French: " + made.asNormalizedText());
            // Only its hash is kept: once the page is left, it cannot be shown again.
            assertEquals(1, Db.count("select count(*) from calendar_feed where person_id = ? and length(token_hash) = 32", person));
            String token = address.substring(address.lastIndexOf('/') + 1, address.length() - 4);
            assertEquals(1, Db.count("select count(*) from calendar_feed where person_id = ? and token_hash = sha256(convert_to(?, 'UTF8'))",
                    person, token), "what is kept is the token's SHA-256");
            HtmlPage again = visitor.open("/me/learning.xhtml");
            assertNull(again.getElementById("feed-url"), "shown once");
            assertNotNull(again.getElementById("feed-made"));
        }

        // A calendar app reads it: no cookie, no sign-in.
        HttpResponse<String> response = get(address, Map.of());
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("text/calendar;charset=utf-8", response.headers().firstValue("content-type").orElse("").replace(" ", "").toLowerCase());
        assertTrue(response.headers().allValues("set-cookie").isEmpty(), () -> "A feed sets no cookie: " + response.headers().map());
        assertTrue(response.headers().firstValue("cache-control").orElse("").startsWith("private"), "no shared cache keeps it");
        assertTrue(response.body().contains("\r\n"), "CRLF");
        Calendar calendar = parse(response.body());
        assertEquals(new TreeSet<>(List.of(beforeChange, afterChange, invitedSession, onlineSession)), sessions(calendar),
                "their seats' sessions (confirmed, invited-only, offered), never the waitlist's or another person's");
        assertFalse(response.body().contains("hamkke-session-" + othersSession + "@"));
        assertFalse(response.body().contains("hamkke-session-" + waitlistedSession + "@"));

        // Times on the cohort's clock, its zone defined once, right on both sides of the change to summer time.
        List<String> zones = calendar.<VTimeZone>getComponents("VTIMEZONE").stream().map(z -> z.getTimeZoneId().getValue()).sorted().toList();
        assertEquals(List.of("Asia/Jakarta", "Europe/Paris"), zones);
        for (long session : List.of(beforeChange, afterChange)) {
            VEvent event = event(calendar, session);
            assertEquals("Europe/Paris", event.getDateTimeStart().getParameter(Parameter.TZID).orElseThrow().getValue());
            assertEquals(18, ((ZonedDateTime) event.getDateTimeStart().getDate()).getHour());
            assertTrue(event.getSummary().getValue().startsWith("Cours des flux " + tag), "the course's title in French: " + event.getSummary());
            assertEquals("Test hall, salle 2", event.getLocation().getValue());
            assertEquals("0", event.getSequence().getValue());
            assertEquals("CONFIRMED", event.getStatus().getValue());
        }
        assertEquals(Instant.parse("2027-03-24T17:00:00Z"), ((ZonedDateTime) event(calendar, beforeChange).getDateTimeStart().getDate()).toInstant());
        assertEquals(Instant.parse("2027-03-31T16:00:00Z"), ((ZonedDateTime) event(calendar, afterChange).getDateTimeStart().getDate()).toInstant());
        assertTrue(response.body().contains("DTSTART;TZID=Europe/Paris:20270331T180000\r\n"), response.body());
        // Offered, not confirmed: the meeting link is not theirs yet.
        assertEquals("En ligne", event(calendar, onlineSession).getLocation().getValue());
        assertFalse(response.body().contains("meet.example.org"));
        assertTrue(event(calendar, beforeChange).getUrl().getValue().endsWith("/me/enrol.xhtml?cohort=" + paris));

        // Asked again with what it has: 304 and nothing else, by ETag or by date.
        String etag = response.headers().firstValue("etag").orElseThrow();
        String lastModified = response.headers().firstValue("last-modified").orElseThrow();
        HttpResponse<String> unchanged = get(address, Map.of("If-None-Match", etag));
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.body());
        assertTrue(unchanged.headers().allValues("set-cookie").isEmpty());
        assertEquals(304, get(address, Map.of("If-Modified-Since", lastModified)).statusCode());
        assertEquals(200, get(address, Map.of("If-None-Match", "W/\"something-else\"")).statusCode());
        assertEquals(200, get(address, Map.of("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")).statusCode());

        // Accepting the offer brings the link; moving a session changes the feed, its ETag and its date.
        Thread.sleep(1100);
        IntakeData.execute("update enrolment set status = 'CONFIRMED', offer_expires_at = null where cohort_id = ? and person_id = ?", online, person);
        IntakeData.execute("update cohort_session set starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour', "
                + "version = version + 1 where id = ?", afterChange);
        HttpResponse<String> moved = get(address, Map.of("If-None-Match", etag));
        assertEquals(200, moved.statusCode());
        assertNotEquals(etag, moved.headers().firstValue("etag").orElseThrow());
        Instant before = DateTimeFormatter.RFC_1123_DATE_TIME.parse(lastModified, Instant::from);
        Instant after = DateTimeFormatter.RFC_1123_DATE_TIME.parse(moved.headers().firstValue("last-modified").orElseThrow(), Instant::from);
        assertTrue(after.isAfter(before), lastModified + " then " + after);
        Calendar movedCalendar = parse(moved.body());
        assertEquals(19, ((ZonedDateTime) event(movedCalendar, afterChange).getDateTimeStart().getDate()).getHour());
        assertEquals("1", event(movedCalendar, afterChange).getSequence().getValue(), "a moved session's SEQUENCE goes up");
        assertEquals("https://meet.example.org/" + tag, event(movedCalendar, onlineSession).getLocation().getValue());
        // Leaving a cohort takes its sessions out.
        IntakeData.execute("update enrolment set status = 'CANCELLED', ended_at = now(), ended_reason = 'LEFT' where cohort_id = ? and person_id = ?",
                invited, person);
        assertFalse(sessions(parse(get(address, Map.of()).body())).contains(invitedSession));

        // A new address, after a confirmation; the old one answers 404 from then on.
        String renewed;
        try (Visitor visitor = new Visitor("fr")) {
            visitor.open("/me/learning.xhtml");
            visitor.submitKeycloakLogin(username, TestPeople.PASSWORD);
            HtmlPage asked = visitor.html().<HtmlElement>getHtmlElementById("feed-renew").click();
            assertNotNull(asked.getElementById("feed-confirm"), asked::asNormalizedText);
            assertEquals(200, get(address, Map.of()).statusCode(), "asking changes nothing");
            HtmlPage made = asked.<HtmlElement>getHtmlElementById("feed-renewal:renew").click();
            renewed = madeAddress(made);
        }
        assertNotEquals(address, renewed);
        HttpResponse<String> old = get(address, Map.of());
        assertEquals(404, old.statusCode());
        assertFalse(old.body().contains("BEGIN:VCALENDAR"));
        assertTrue(old.headers().allValues("set-cookie").stream().noneMatch(c -> c.startsWith(Sessions.COOKIE)), "a 404 starts no session either");
        assertEquals(200, get(renewed, Map.of()).statusCode());

        // The token never reaches the log, not even through a refused post (whose path the log names).
        String token = renewed.substring(renewed.lastIndexOf('/') + 1, renewed.length() - 4);
        RawHttp.Response foreign = RawHttp.send("POST", "/feeds/me/" + token + ".ics", null, "https://elsewhere.example", "a=b");
        assertEquals(403, foreign.status());
        if (TestStack.owned() != null) {
            String log = TestStack.owned().portal().logOfThisStart();
            String oldToken = address.substring(address.lastIndexOf('/') + 1, address.length() - 4);
            assertFalse(log.contains(token) || log.contains(oldToken), "A feed's token is in the portal's log");
        }
    }

    @Test
    void aPublicCohortsFeedIsOpenToAllAndAnInvitedOnlyCohortsIsNot() throws Exception {
        HtmlPage page;
        try (Visitor visitor = new Visitor()) {
            page = visitor.open("/academy/cohort.xhtml?id=" + paris);
            assertEquals(200, visitor.status());
        }
        String webcal = page.getElementById("cohort-feed").getAttribute("href");
        String address = page.getElementById("cohort-feed-address").getAttribute("href");
        assertTrue(address.endsWith("/feeds/cohort/" + paris + ".ics"), address);
        assertEquals(address.replaceFirst("^https?://", "webcal://"), webcal);

        HttpResponse<String> response = get(TestStack.portalUrl() + "/feeds/cohort/" + paris + ".ics", Map.of());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().allValues("set-cookie").isEmpty(), () -> "A feed sets no cookie: " + response.headers().map());
        assertTrue(response.headers().firstValue("cache-control").orElse("").startsWith("public"));
        Calendar calendar = parse(response.body());
        assertEquals(new TreeSet<>(List.of(beforeChange, afterChange)), sessions(calendar));
        // The course is taught in English: its feed speaks English whoever asks.
        assertTrue(event(calendar, beforeChange).getSummary().getValue().startsWith("Feeds course " + tag));
        assertTrue(event(calendar, beforeChange).getUrl().getValue().endsWith("/academy/cohort.xhtml?id=" + paris));
        assertEquals("Europe/Paris", calendar.<VTimeZone>getComponents("VTIMEZONE").getFirst().getTimeZoneId().getValue());
        assertEquals(304, get(TestStack.portalUrl() + "/feeds/cohort/" + paris + ".ics",
                Map.of("If-None-Match", response.headers().firstValue("etag").orElseThrow())).statusCode());

        // Sent compressed to a calendar app that asks for it (a zone's definition alone is a few KB).
        HttpResponse<byte[]> gzipped = HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.portalUrl() + "/feeds/cohort/" + paris + ".ics"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("content-encoding").orElse(""), () -> gzipped.headers().map().toString());
        assertTrue(gzipped.body().length < response.body().length() / 2, "compressed: " + gzipped.body().length + " of " + response.body().length());

        HttpResponse<String> onlineFeed = get(TestStack.portalUrl() + "/feeds/cohort/" + online + ".ics", Map.of());
        assertEquals(200, onlineFeed.statusCode());
        assertFalse(onlineFeed.body().contains("meet.example.org"), "the meeting link is for those with a seat");
        assertEquals("Online", event(parse(onlineFeed.body()), onlineSession).getLocation().getValue());

        for (String odd : List.of("/feeds/cohort/" + invited + ".ics", "/feeds/cohort/999999999.ics", "/feeds/cohort/0.ics",
                "/feeds/cohort/-1.ics", "/feeds/cohort/abc.ics", "/feeds/cohort/0" + paris + ".ics", "/feeds/cohort/" + paris,
                "/feeds/cohort/" + paris + ".ICS", "/feeds/cohort/" + paris + ".ics.ics", "/feeds/cohort/99999999999999999999.ics",
                "/feeds/cohort/", "/feeds/me/", "/feeds/me/short.ics", "/feeds/me/" + "a".repeat(43) + ".ics",
                "/feeds/me/" + "a".repeat(42) + "!.ics", "/feeds/me/" + "a".repeat(44) + ".ics", "/feeds/me/" + "a".repeat(43),
                "/feeds/me/" + "a".repeat(43) + ".ics/x", "/feeds/me/" + "%41".repeat(43) + ".ics")) {
            RawHttp.Response answer = RawHttp.get(odd, null);
            assertTrue(answer.status() == 404 || answer.status() == 400, () -> odd + " -> " + answer);
            assertFalse(answer.body().contains("BEGIN:VCALENDAR"), odd);
            String cookies = answer.header("set-cookie");
            assertTrue(cookies == null || !cookies.contains(Sessions.COOKIE), () -> odd + " started a session: " + cookies);
        }
        // Other spellings of a feed's address: where the address itself is refused, every spelling is too; none fails.
        // (The container reads ";jsessionid=" off any path itself: that spelling of a public feed is the feed.)
        for (String refused : List.of("/feeds/cohort/" + invited + ".ics", "/feeds/me/" + "Z".repeat(43) + ".ics")) {
            for (String spelt : PathSpellingIT.spellings(refused)) {
                RawHttp.Response answer = RawHttp.get(spelt, null);
                assertFalse(answer.body().contains("BEGIN:VCALENDAR"), () -> spelt + " served a feed");
                assertTrue(answer.status() < 500, () -> spelt + " -> " + answer);
            }
        }
        for (String spelt : PathSpellingIT.spellings("/feeds/cohort/" + paris + ".ics")) {
            RawHttp.Response answer = RawHttp.get(spelt, null);
            assertTrue(answer.status() < 500, () -> spelt + " -> " + answer);
        }
    }
}

package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The academy's timetable through the real stack: staff's calendar shows every cohort's sessions of
 * the weeks asked for, filtered by course, venue and instructor; a drag (the calendar's own Ajax
 * request) moves a session, or is refused naming the session whose room it would take; two staff
 * booking one room at once on two cohorts' pages leave exactly one session, and the database alone
 * refuses the second of two concurrent bookings; a moved and a cancelled session are told once each
 * to everyone holding or offered a seat (notices and mails counted once the outbox settled), in
 * their language with the cohort's zone named; reminders go out once, as long before as each person
 * chose, however often the job runs.
 */
class ScheduleIT {

    @RegisterExtension
    final TestPeople people = new TestPeople();

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String at(LocalDate day, String time) {
        return "timestamptz '" + day + " " + time + "+00'";
    }

    @Test
    void theCalendarShowsSessionsByFilterAndADragMovesOrIsRefusedNamingTheClash() throws Exception {
        String tag = tag();
        long weaving = AcademyData.course("Calendar weaving " + tag);
        long dyeing = AcademyData.course("Calendar dyeing " + tag);
        long weavers = AcademyData.cohort(weaving, 5, Map.of("label", "Weavers " + tag, "venue", "Hall " + tag, "room", "1"));
        long dyers = AcademyData.cohort(dyeing, 5, Map.of("label", "Dyers " + tag, "venue", "Hall " + tag, "room", "1"));
        long teacher = IntakeData.person("Teacher " + tag, "teacher+" + tag + "@it.example", "mentor");
        IntakeData.execute("insert into cohort_instructor (cohort_id, person_id) values (?, ?)", weavers, teacher);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(12);
        long woven = AcademyData.session(weavers, at(day, "10:00"), at(day, "12:00"));
        AcademyData.session(dyers, at(day.plusDays(1), "10:00"), at(day.plusDays(1), "12:00"));

        try (Visitor staff = new Visitor()) {
            staff.open("/staff/calendar.xhtml?date=" + day + "&zone=UTC");
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertEquals(200, staff.status());
            assertTrue(page.asNormalizedText().contains("Calendar of sessions"));
            assertFalse(page.asXml().contains("moment"), "Moment and its zone data are left out");
            CalendarAjax calendar = new CalendarAjax(staff, page);

            String week = calendar.load(day.minusDays(3), day.plusDays(4));
            assertTrue(week.contains("Calendar weaving " + tag + " · Weavers " + tag), week);
            assertTrue(week.contains("Calendar dyeing " + tag + " · Dyers " + tag), week);
            assertTrue(week.contains("\"start\":\"" + day + "T10:00:00Z\""), () -> "On the calendar's clock (UTC here): " + week);
            assertFalse(calendar.load(day.plusDays(20), day.plusDays(27)).contains(tag), "Another week holds none of them");

            calendar.filter("cal:instructor", String.valueOf(teacher));
            String taught = calendar.load(day.minusDays(3), day.plusDays(4));
            assertTrue(taught.contains("Weavers " + tag) && !taught.contains("Dyers " + tag), taught);
            calendar.filter("cal:instructor", "");
            calendar.filter("cal:course", String.valueOf(dyeing));
            String dyed = calendar.load(day.minusDays(3), day.plusDays(4));
            assertTrue(dyed.contains("Dyers " + tag) && !dyed.contains("Weavers " + tag), dyed);
            calendar.filter("cal:course", "");
            calendar.filter("cal:venue", "hall " + tag.toUpperCase(Locale.ROOT));
            String there = calendar.load(day.minusDays(3), day.plusDays(4));
            assertTrue(there.contains("Dyers " + tag) && there.contains("Weavers " + tag), "The venue whatever its letter case: " + there);
            calendar.filter("cal:venue", "");
            calendar.load(day.minusDays(3), day.plusDays(4));

            // Dragged a day on, the weavers would meet in the dyers' room while they are in it.
            String refused = calendar.move(woven, 1);
            assertTrue(refused.contains("hall " + tag.toLowerCase(Locale.ROOT)) || refused.contains("Hall " + tag), refused);
            assertTrue(refused.contains("Calendar dyeing " + tag) && refused.contains("Dyers " + tag) && refused.contains("10:00")
                    && refused.contains("Coordinated Universal Time"), () -> "Names the session in the way, on its clock: " + refused);
            assertEquals(1L, Db.count("select count(*) from cohort_session where id = ? and starts_at = ?::timestamptz", woven, day + " 10:00+00"),
                    "Not moved");

            // The calendar loads its week again after every change; two days on, the room is free.
            calendar.load(day.minusDays(3), day.plusDays(4));
            String moved = calendar.move(woven, 2);
            assertTrue(moved.contains("moved to"), moved);
            assertEquals(1L, Db.count("select count(*) from cohort_session where id = ? and starts_at = ?::timestamptz and ends_at = ?::timestamptz",
                    woven, day.plusDays(2) + " 10:00+00", day.plusDays(2) + " 12:00+00"));
            assertEquals(1L, Db.count("select count(*) from audit_entry where action = 'cohort.sessions.move' and object_id = ? and actor = 'staff'",
                    String.valueOf(weavers)));
            assertTrue(calendar.load(day.minusDays(3), day.plusDays(4)).contains("\"start\":\"" + day.plusDays(2) + "T10:00:00Z\""));

            // Stretched by half an hour at its end, through the same rules.
            String stretched = calendar.resize(woven, 30);
            assertTrue(stretched.contains("moved to"), stretched);
            assertEquals(1L, Db.count("select count(*) from cohort_session where id = ? and ends_at = ?::timestamptz",
                    woven, day.plusDays(2) + " 12:30+00"));
        }
    }

    /** A cohort's new room, or a new instructor, must be free at every one of its sessions; the editor says which session stands in the way. */
    @Test
    void aCohortsNewRoomOrInstructorIsCheckedAgainstItsSessions() throws Exception {
        String tag = tag();
        long courseX = AcademyData.course("Room change quilting " + tag);
        long courseY = AcademyData.course("Room change printing " + tag);
        long x = AcademyData.cohort(courseX, 5, Map.of("label", "Quilters " + tag, "venue", "Change hall " + tag, "room", "Q"));
        long y = AcademyData.cohort(courseY, 5, Map.of("label", "Printers " + tag, "venue", "Change hall " + tag, "room", "P"));
        long teacher = IntakeData.person("Aaron Change " + tag, "change+" + tag + "@it.example", "mentor");
        IntakeData.execute("insert into cohort_instructor (cohort_id, person_id) values (?, ?)", x, teacher);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(16);
        AcademyData.session(x, at(day, "10:00"), at(day, "12:00"));
        AcademyData.session(y, at(day, "11:00"), at(day, "13:00"));
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/cohort.xhtml?id=" + y);
            HtmlPage editor = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            HtmlPage intoTheQuilters = AcademyJourneyIT.submit(staff, editor, "cohort", "cohort:save", Map.of("cohort:room", "q"));
            String refused = intoTheQuilters.getElementById("messages").asNormalizedText();
            assertTrue(refused.contains("Room change quilting " + tag) && refused.contains("Quilters " + tag), refused);
            assertEquals("P", Db.text("select room from cohort where id = ?", y), "Nothing saved");

            HtmlPage fresh = staff.open("/staff/cohort.xhtml?id=" + y);
            HtmlInput box = fresh.getFirstByXPath("//input[@name='cohort:instructors' and @value='" + teacher + "']");
            assertTrue(box != null, "The teacher is offered");
            box.setChecked(true);
            HtmlPage doubleBooked = fresh.<HtmlElement>getHtmlElementById("cohort:save").click();
            String told = doubleBooked.getElementById("messages").asNormalizedText();
            assertTrue(told.contains("Aaron Change " + tag) && told.contains("already teaching") && told.contains("Quilters " + tag), told);
            assertEquals(0L, Db.count("select count(*) from cohort_instructor where cohort_id = ?", y));
        }
    }

    /** Two staff add a session at the same time to two cohorts in one room, each on its cohort's page: one wins, the other is told who. */
    @Test
    void twoStaffBookingOneRoomAtOnceLeaveOneSession() throws Exception {
        String tag = tag();
        long courseA = AcademyData.course("Race pottery " + tag);
        long courseB = AcademyData.course("Race baking " + tag);
        long a = AcademyData.cohort(courseA, 5, Map.of("label", "Potters " + tag, "venue", "Race hall " + tag, "room", "R"));
        long b = AcademyData.cohort(courseB, 5, Map.of("label", "Bakers " + tag, "venue", "Race hall " + tag, "room", "R"));
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(15);
        try (Visitor first = new Visitor(); Visitor second = new Visitor()) {
            first.open("/staff/cohort.xhtml?id=" + a);
            HtmlPage pageA = first.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            second.open("/staff/cohort.xhtml?id=" + b);
            HtmlPage pageB = second.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());
            for (int round = 0; round < 3; round++) {
                String from = String.format("%02d:00", 9 + 3 * round);
                String to = String.format("%02d:00", 11 + 3 * round);
                Map<String, String> typed = Map.of("addSession:date", day.toString(), "addSession:startTime", from, "addSession:endTime", to);
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService both = Executors.newFixedThreadPool(2);
                HtmlPage a0 = pageA;
                HtmlPage b0 = pageB;
                Future<HtmlPage> answerA = both.submit(() -> {
                    go.await();
                    return AcademyJourneyIT.submit(first, a0, "addSession", "addSession:add", typed);
                });
                Future<HtmlPage> answerB = both.submit(() -> {
                    go.await();
                    return AcademyJourneyIT.submit(second, b0, "addSession", "addSession:add", typed);
                });
                go.countDown();
                HtmlPage afterA = answerA.get(60, TimeUnit.SECONDS);
                HtmlPage afterB = answerB.get(60, TimeUnit.SECONDS);
                both.shutdown();
                long atThatTime = Db.count("select count(*) from cohort_session where cohort_id in (?, ?) and starts_at = ?::timestamptz",
                        a, b, day + " " + from + "+00");
                assertEquals(1L, atThatTime, "Round " + round + ": exactly one session in the room");
                boolean aWon = Db.count("select count(*) from cohort_session where cohort_id = ? and starts_at = ?::timestamptz",
                        a, day + " " + from + "+00") == 1;
                String loser = (aWon ? afterB : afterA).getElementById("messages").asNormalizedText();
                String winner = aWon ? "Race pottery " + tag : "Race baking " + tag;
                assertTrue(loser.contains(winner) && loser.contains("Nothing was saved"), () -> "The loser is told who took the room: " + loser);
                pageA = first.open("/staff/cohort.xhtml?id=" + a);
                pageB = second.open("/staff/cohort.xhtml?id=" + b);
            }
        }
    }

    /**
     * The race the rule cannot see: another transaction books the room and has not committed yet when
     * staff add a session there. The portal's insert waits for it, the database refuses once it
     * commits, and staff read the same message as the rule gives, naming the session that won.
     */
    @Test
    void aRaceLostInTheDatabaseIsToldLikeTheRule() throws Exception {
        String tag = tag();
        long courseA = AcademyData.course("Lost race " + tag);
        long courseB = AcademyData.course("Won race " + tag);
        long a = AcademyData.cohort(courseA, 5, Map.of("venue", "Photo finish " + tag, "room", "1"));
        long b = AcademyData.cohort(courseB, 5, Map.of("label", "Winners " + tag, "venue", "Photo finish " + tag, "room", "1"));
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(17);
        try (Visitor staff = new Visitor(); Connection other = Db.connect()) {
            staff.open("/staff/cohort.xhtml?id=" + a);
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            other.setAutoCommit(false);
            book(other, "insert into cohort_session (cohort_id, starts_at, ends_at) values (?, ?::timestamptz, ?::timestamptz)",
                    b, day + " 10:00+00", day + " 12:00+00");
            ExecutorService adding = Executors.newSingleThreadExecutor();
            Future<HtmlPage> answer = adding.submit(() -> AcademyJourneyIT.submit(staff, page, "addSession", "addSession:add",
                    Map.of("addSession:date", day.toString(), "addSession:startTime", "11:00", "addSession:endTime", "12:30")));
            Thread.sleep(2000);
            assertFalse(answer.isDone(), "The portal's insert waits for the other transaction");
            other.commit();
            String told = answer.get(60, TimeUnit.SECONDS).getElementById("messages").asNormalizedText();
            adding.shutdown();
            assertTrue(told.contains("Won race " + tag) && told.contains("Winners " + tag) && told.contains("Nothing was saved"), told);
        }
        assertEquals(0L, Db.count("select count(*) from cohort_session where cohort_id = ?", a));
        assertEquals(1L, Db.count("select count(*) from cohort_session where cohort_id = ?", b));
    }

    /** The database's own rule: a second transaction booking the same room waits for the first, then fails, whatever wrote it. */
    @Test
    void theDatabaseRefusesTheSecondOfTwoConcurrentBookings() throws Exception {
        String tag = tag();
        long course = AcademyData.course("Backstop " + tag);
        long a = AcademyData.cohort(course, 5, Map.of("venue", "Backstop hall " + tag, "room", "A"));
        long b = AcademyData.cohort(course, 5, Map.of("venue", "BACKSTOP HALL  " + tag, "room", "a"));
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(14);
        String insert = "insert into cohort_session (cohort_id, starts_at, ends_at) values (?, ?::timestamptz, ?::timestamptz)";
        try (Connection one = Db.connect(); Connection two = Db.connect()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            book(one, insert, a, day + " 10:00+00", day + " 12:00+00");
            ExecutorService waiting = Executors.newSingleThreadExecutor();
            Future<String> second = waiting.submit(() -> {
                try {
                    book(two, insert, b, day + " 11:00+00", day + " 13:00+00");
                    two.commit();
                    return "committed";
                } catch (SQLException e) {
                    two.rollback();
                    return e.getSQLState() + " " + e.getMessage();
                }
            });
            Thread.sleep(1000);
            assertFalse(second.isDone(), "The second waits for the first");
            one.commit();
            String outcome = second.get(30, TimeUnit.SECONDS);
            waiting.shutdown();
            assertTrue(outcome.startsWith("23P01") && outcome.contains("session_room_clash"), outcome);
        }
        assertEquals(1L, Db.count("select count(*) from cohort_session where cohort_id in (?, ?)", a, b));
        // The same person teaching both: refused as well, even online.
        long teacher = IntakeData.person("Backstop teacher " + tag, "backstop+" + tag + "@it.example", "mentor");
        long online = AcademyData.cohort(course, 5, Map.of("meeting_link", "https://meet.example/" + tag));
        IntakeData.execute("update cohort set delivery = 'ONLINE', venue = null, room = null where id = ?", online);
        IntakeData.execute("insert into cohort_instructor (cohort_id, person_id) values (?, ?), (?, ?)", a, teacher, online, teacher);
        SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> Db.execute(insert, online, day + " 11:30+00", day + " 12:30+00"));
        assertTrue(refused.getMessage().contains("session_instructor_clash"), refused.getMessage());
    }

    private static void book(Connection c, String sql, long cohort, String from, String to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, cohort);
            s.setString(2, from);
            s.setString(3, to);
            s.executeUpdate();
        }
    }

    @Test
    void aMovedAndACancelledSessionAreToldOnceEachToEveryoneSeated() throws Exception {
        String tag = tag();
        String title = "Notice sewing " + tag;
        long course = AcademyData.course(title);
        long cohort = AcademyData.cohort(course, 5, Map.of("label", "Tailors " + tag, "time_zone", "Asia/Jakarta"));
        long seated = IntakeData.person("Seated " + tag, "seated+" + tag + "@it.example", "");
        long offered = IntakeData.person("Offered " + tag, "offered+" + tag + "@it.example", "");
        long waiting = IntakeData.person("Waiting " + tag, "waiting+" + tag + "@it.example", "");
        IntakeData.execute("update person set locale = 'fr' where id = ?", offered);
        AcademyData.enrol(cohort, seated, "CONFIRMED");
        long offer = AcademyData.enrol(cohort, offered, "WAITLISTED");
        AcademyData.enrol(cohort, waiting, "WAITLISTED");
        IntakeData.execute("update enrolment set status = 'OFFERED', offer_expires_at = now() + interval '1 day' where id = ?", offer);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(12);
        long toMove = AcademyData.session(cohort, at(day, "11:00"), at(day, "13:00"));
        long toCancel = AcademyData.session(cohort, at(day.plusDays(7), "11:00"), at(day.plusDays(7), "13:00"));

        try (Visitor staff = new Visitor()) {
            staff.open("/staff/cohort.xhtml?id=" + cohort);
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            HtmlPage secondTab = staff.open("/staff/cohort.xhtml?id=" + cohort);
            // Jakarta is UTC+7: the list shows 18:00, and the move is typed on that clock.
            HtmlElement line = page.getFirstByXPath("//li[@data-session='" + toMove + "']");
            assertTrue(line.asNormalizedText().contains("6:00"), line.asNormalizedText());
            HtmlPage moved = AcademyJourneyIT.submit(staff, page, "sessionList", field(line, "move").getId(),
                    Map.of(field(line, "moveDate").getAttribute("name"), day.plusDays(1).toString(),
                            field(line, "moveStart").getAttribute("name"), "19:00", field(line, "moveEnd").getAttribute("name"), "21:00"));
            assertTrue(moved.asNormalizedText().contains("Session moved"), moved.asNormalizedText());
            assertEquals(1L, Db.count("select count(*) from cohort_session where id = ? and starts_at = ?::timestamptz", toMove, day.plusDays(1) + " 12:00+00"));

            // A second tab, opened before the move, is stale: its move changes nothing and tells no one.
            HtmlElement staleLine = secondTab.getFirstByXPath("//li[@data-session='" + toMove + "']");
            HtmlPage stale = AcademyJourneyIT.submit(staff, secondTab, "sessionList", field(staleLine, "move").getId(),
                    Map.of(field(staleLine, "moveDate").getAttribute("name"), day.plusDays(2).toString(),
                            field(staleLine, "moveStart").getAttribute("name"), "18:00", field(staleLine, "moveEnd").getAttribute("name"), "20:00"));
            assertTrue(stale.getElementById("messages").asNormalizedText().contains("changed this meanwhile"), stale.asNormalizedText());

            HtmlElement other = moved.getFirstByXPath("//li[@data-session='" + toCancel + "']");
            HtmlPage unconfirmed = AcademyJourneyIT.submit(staff, moved, "sessionList", field(other, "cancel").getId(),
                    Map.of(other.<HtmlTextArea>getFirstByXPath(".//textarea").getAttribute("name"), "The hall is flooded"));
            assertTrue(unconfirmed.asNormalizedText().contains("Tick the box"), unconfirmed.asNormalizedText());
            HtmlElement again = unconfirmed.getFirstByXPath("//li[@data-session='" + toCancel + "']");
            again.<HtmlInput>getFirstByXPath(".//input[@type='checkbox']").setChecked(true);
            again.<HtmlTextArea>getFirstByXPath(".//textarea").setText("The hall is flooded");
            HtmlPage cancelled = field(again, "cancel").click();
            assertTrue(cancelled.asNormalizedText().contains("Session cancelled"), cancelled.asNormalizedText());
            HtmlElement marked = cancelled.getFirstByXPath("//li[@data-session='" + toCancel + "']");
            assertEquals("CANCELLED", marked.getAttribute("data-status"));
            assertTrue(marked.asNormalizedText().contains("The hall is flooded"));
        }
        assertEquals("CANCELLED", Db.text("select status from cohort_session where id = ?", toCancel));

        for (long person : List.of(seated, offered, waiting)) {
            Outbox.settled(Db.text("select username from person where id = ?", person));
        }
        for (long person : List.of(seated, offered)) {
            assertEquals(1L, Db.count("select count(*) from notice where recipient_id = ? and kind = 'session-moved'", person));
            assertEquals(1L, Db.count("select count(*) from notice where recipient_id = ? and kind = 'session-cancelled'", person));
        }
        assertEquals(0L, Db.count("select count(*) from notice where recipient_id = ? and kind like 'session-%'", waiting), "Not on the waitlist");
        String was = Db.text("select data ->> 'was' from notice where recipient_id = ? and kind = 'session-moved'", seated);
        String now = Db.text("select data ->> 'when' from notice where recipient_id = ? and kind = 'session-moved'", seated);
        String zone = ZoneId.of("Asia/Jakarta").getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        assertTrue(was.contains("6:00") && was.contains(zone) && now.contains("7:00") && now.contains(zone), was + " / " + now);

        List<Mailbox.Mail> seatedMail = new Mailbox("seated+" + tag + "@it.example").read().stream()
                .filter(m -> m.subject().contains(title)).toList();
        assertEquals(1, seatedMail.stream().filter(m -> m.subject().contains("has moved")).count(), seatedMail.toString());
        assertEquals(1, seatedMail.stream().filter(m -> m.subject().contains("is cancelled")).count(), seatedMail.toString());
        assertTrue(seatedMail.stream().anyMatch(m -> m.text().contains("The hall is flooded")));
        List<Mailbox.Mail> offeredMail = new Mailbox("offered+" + tag + "@it.example").read().stream()
                .filter(m -> m.subject().contains(title)).toList();
        assertEquals(1, offeredMail.stream().filter(m -> m.subject().contains("a été déplacée")).count(), offeredMail.toString());
        assertEquals(1, offeredMail.stream().filter(m -> m.subject().contains("est annulée")).count(), offeredMail.toString());
        assertTrue(new Mailbox("waiting+" + tag + "@it.example").read().stream().noneMatch(m -> m.subject().contains(title)));
        assertEquals(1L, Db.count("select count(*) from audit_entry where action = 'cohort.sessions.cancel' and object_id = ?", String.valueOf(cohort)));
    }

    private static HtmlElement field(HtmlElement line, String id) {
        HtmlElement found = line.getFirstByXPath(".//*[substring(@id, string-length(@id) - " + (id.length()) + ") = ':" + id + "']");
        assertTrue(found != null, () -> "No " + id + " in " + line.asXml());
        return found;
    }

    @Test
    void remindersGoOutOnceAsLongBeforeAsEachPersonChoseHoweverOftenTheJobRuns() throws Exception {
        String tag = tag();
        String title = "Reminder knitting " + tag;
        long course = AcademyData.course(title);
        long cohort = AcademyData.cohort(course, 10, Map.of("starts_on", java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(1))));
        long byDefault = IntakeData.person("Default " + tag, "default+" + tag + "@it.example", "");
        long twoHours = IntakeData.person("Two hours " + tag, "twohours+" + tag + "@it.example", "");
        long never = IntakeData.person("Never " + tag, "never+" + tag + "@it.example", "");
        long twoDays = IntakeData.person("Two days " + tag, "twodays+" + tag + "@it.example", "");
        IntakeData.execute("insert into notice_delivery (person_id, mode, reminder_lead_minutes) values (?, 'IMMEDIATE', 120), "
                + "(?, 'IMMEDIATE', 0), (?, 'IMMEDIATE', 2880)", twoHours, never, twoDays);
        for (long person : List.of(byDefault, twoHours, never, twoDays)) {
            AcademyData.enrol(cohort, person, "CONFIRMED");
        }
        long session = AcademyData.session(cohort, "now() + interval '20 hours'", "now() + interval '22 hours'");
        AcademyData.session(cohort, "now() + interval '30 hours'", "now() + interval '32 hours'");

        for (String run : List.of("first", "second")) {
            AcademyData.runJob("session-reminders", "reminders-" + run + "-" + tag);
            assertEquals(1L, reminders(byDefault), run);
            assertEquals(0L, reminders(twoHours), run + ": not yet, two hours before");
            assertEquals(0L, reminders(never), run);
            assertEquals(2L, reminders(twoDays), run + ": both sessions are within two days");
        }
        assertTrue(Db.text("select dedupe_key from notice where recipient_id = ? and kind = 'session-reminder'", byDefault)
                .startsWith("session-reminder:" + session + ":"), "The session twenty hours away, not the one in thirty");
        assertEquals(3L, Db.count("select count(*) from session_reminder where person_id in (?, ?, ?, ?)", byDefault, twoHours, never, twoDays));
        Outbox.settled(Db.text("select username from person where id = ?", byDefault));
        assertEquals(1, new Mailbox("default+" + tag + "@it.example").read().stream()
                .filter(m -> m.subject().contains(title) && m.subject().contains("coming up")).count());
    }

    private static long reminders(long person) throws Exception {
        return Db.count("select count(*) from notice where recipient_id = ? and kind = 'session-reminder'", person);
    }

    @Test
    void aPersonChoosesHowLongBeforeASessionTheirReminderComes() throws Exception {
        String username = people.create("en");
        try (Visitor learner = new Visitor()) {
            learner.open("/me/notice-settings.xhtml");
            HtmlPage settings = learner.submitKeycloakLogin(username, TestPeople.PASSWORD);
            HtmlInput aDay = settings.getFirstByXPath("//input[@name='settings:reminderLead' and @value='HOURS_24']");
            assertTrue(aDay.isChecked(), "A day before, until they choose");
            settings.<HtmlInput>getFirstByXPath("//input[@name='settings:reminderLead' and @value='HOURS_2']").setChecked(true);
            HtmlPage saved = settings.<HtmlElement>getHtmlElementById("settings:save").click();
            assertTrue(saved.<HtmlInput>getFirstByXPath("//input[@name='settings:reminderLead' and @value='HOURS_2']").isChecked());
        }
        assertEquals(120L, Db.count("select d.reminder_lead_minutes from notice_delivery d join person p on p.id = d.person_id where p.username = ?",
                username));
    }

    /**
     * The calendar in a real browser (Chromium; skipped without one): a week of four cohorts' sessions
     * drawn by p:schedule under the page's script policy, a session dragged by the mouse to earlier
     * the same day (moved in the database, on its cohort's clock), and the dialog a click opens. Leaves
     * the pictures the README shows in target/screenshots/.
     */
    @Test
    void theCalendarWorksInARealBrowser() throws Exception {
        String executable = Chromium.find().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(executable != null, "needs a Chromium (or Chrome) on the path");
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusDays(70).with(java.time.DayOfWeek.MONDAY);
        long bookkeeping = jakartaCohort("Bookkeeping for home-based workers", "Yogyakarta, evenings", monday, "Balai Warga Kotagede", "Ruang 2");
        long selling = jakartaCohort("Selling online from a phone", "Online, Jakarta", monday, null, null);
        long governance = jakartaCohort("Cooperative governance and general assemblies", "Surabaya, mornings", monday, "Koperasi Sejahtera", "Aula");
        long impact = jakartaCohort("Measuring social impact", "Bandung, Saturdays", monday, "Rumah Komunitas", "1");
        long dragged = jakartaSession(bookkeeping, monday, "19:00", "21:00");
        jakartaSession(bookkeeping, monday.plusDays(2), "19:00", "21:00");
        jakartaSession(selling, monday.plusDays(1), "14:00", "15:30");
        jakartaSession(selling, monday.plusDays(3), "14:00", "15:30");
        jakartaSession(governance, monday.plusDays(1), "09:00", "12:00");
        long cancelled = jakartaSession(governance, monday.plusDays(4), "09:00", "12:00");
        IntakeData.execute("update cohort_session set status = 'CANCELLED', cancelled_at = now(), cancel_reason = 'Public holiday' where id = ?",
                cancelled);
        jakartaSession(impact, monday.plusDays(5), "10:00", "13:00");
        String address = TestStack.portalUrl() + "/staff/calendar.xhtml?date=" + monday + "&zone=Asia/Jakarta";
        java.nio.file.Path pictures = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));

        try (Visitor staff = new Visitor(); Chromium browser = new Chromium(executable, 1366, 900)) {
            staff.open("/staff/");
            staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            for (var cookie : staff.browser().getCookieManager().getCookies()) {
                if ("/".equals(cookie.getPath()) && !cookie.getName().startsWith("KEYCLOAK") && !cookie.getName().startsWith("KC_")) {
                    browser.cookie(cookie.getName(), cookie.getValue(), TestStack.portalUrl());
                }
            }
            browser.open(address);
            try {
                browser.waitFor("document.querySelectorAll('.fc-timegrid-event').length >= 7");
            } catch (AssertionError notDrawn) {
                throw new AssertionError(notDrawn.getMessage() + ", the page reads: " + browser.eval("document.body.innerText.substring(0, 1500)"), notDrawn);
            }
            String first = browser.eval(TRANSFERRED);
            System.out.println("First visit, each resource on the wire:\n" + browser.eval("performance.getEntriesByType('resource').map(function (r) { return r.transferSize + ' '"
                    + " + r.name.replace(/^https?:\\/\\/[^\\/]+/, '').replace(/\\?.*/, ''); }).join(' | ')"));
            browser.open(address);
            browser.waitFor("document.querySelectorAll('.fc-timegrid-event').length >= 7");
            String repeat = browser.eval(TRANSFERRED);
            System.out.printf("Staff calendar page weight (Chromium, on the wire with headers): first visit %s, repeat visit %s%n", first, repeat);

            assertTrue(Long.parseLong(first.split(" ")[0]) < 400 * 1024, "Under 400 KB on a first visit: " + first);
            assertTrue(Long.parseLong(repeat.split(" ")[0]) < 60 * 1024, "Under 60 KB on a repeat visit: " + repeat);
            assertEquals("true", browser.eval("document.body.innerText.includes('Bookkeeping for home-based workers · Yogyakarta, evenings')"));
            assertEquals("1", browser.eval("document.querySelectorAll('.fc-timegrid-event.session-cancelled').length"), "The cancelled one, marked");
            Thread.sleep(300);
            java.nio.file.Files.write(pictures.resolve("academy-calendar-staff.png"), browser.screenshot());

            // Monday's bookkeeping session, dragged by the mouse from 19:00 to 17:00.
            String event = "Array.from(document.querySelectorAll('.fc-timegrid-event')).find(e => e.innerText.includes('Bookkeeping')"
                    + " && e.closest('td').getAttribute('data-date') === '" + monday + "')";
            browser.eval("(" + event + ").scrollIntoView({block: 'center'})");
            Thread.sleep(300);
            double fromX = Double.parseDouble(browser.eval("(" + event + ").getBoundingClientRect().left + 20"));
            double fromY = Double.parseDouble(browser.eval("(" + event + ").getBoundingClientRect().top + 8"));
            double slotHeight = Double.parseDouble(browser.eval(
                    "document.querySelector('.fc-timegrid-slot-lane[data-time=\"18:00:00\"]').getBoundingClientRect().top"
                            + " - document.querySelector('.fc-timegrid-slot-lane[data-time=\"17:00:00\"]').getBoundingClientRect().top"));
            browser.drag(fromX, fromY, fromX, fromY - 2 * slotHeight);
            assertTrue(Db.eventually(Duration.ofSeconds(15), () -> Db.count(
                    "select count(*) from cohort_session where id = ? and starts_at = (timestamp '" + monday + " 17:00' at time zone 'Asia/Jakarta')",
                    dragged) == 1), "The drag moved the session to 17:00 in Jakarta");
            browser.waitFor("document.getElementById('messages') && document.getElementById('messages').innerText.includes('moved to')");

            browser.eval("(" + event + ").click()");
            browser.waitFor("PF('sessionDialog').isVisible() && document.getElementById('dialog-when') !== null");
            assertTrue(browser.eval("document.getElementById('dialog-when').innerText").contains("5:00"));
            Thread.sleep(300);
            java.nio.file.Files.write(pictures.resolve("academy-calendar-dialog-staff.png"), browser.screenshot());
        }
    }

    /** What the page and everything it fetched cost on the wire (bytes, and how many requests), as the browser counts it. */
    private static final String TRANSFERRED = "(function () { var n = performance.getEntriesByType('navigation')[0], bytes = n.transferSize, count = 1;"
            + " performance.getEntriesByType('resource').forEach(function (r) { bytes += r.transferSize; count++; });"
            + " return bytes + ' bytes in ' + count + ' requests'; })()";

    private static long jakartaCohort(String title, String label, LocalDate monday, String venue, String room) throws Exception {
        long course = AcademyData.course(title);
        Map<String, Object> columns = new java.util.LinkedHashMap<>();
        columns.put("label", label);
        columns.put("time_zone", "Asia/Jakarta");
        columns.put("ends_on", java.sql.Date.valueOf(monday.plusDays(20)));
        columns.put("starts_on", java.sql.Date.valueOf(monday.minusDays(7)));
        if (venue == null) {
            columns.put("meeting_link", "https://meet.hamkke.example/" + label.hashCode());
            columns.put("delivery", "ONLINE");
        }
        long cohort = AcademyData.cohort(course, 20, columns);
        IntakeData.execute("update cohort set venue = ?, room = ? where id = ?", venue, room, cohort);
        return cohort;
    }

    private static long jakartaSession(long cohort, LocalDate day, String from, String to) throws Exception {
        return AcademyData.session(cohort, "(timestamp '" + day + " " + from + "' at time zone 'Asia/Jakarta')",
                "(timestamp '" + day + " " + to + "' at time zone 'Asia/Jakarta')");
    }

    /** The calendar's own Ajax requests, as PrimeFaces' script sends them, with the page's view state and nonce. */
    private static final class CalendarAjax {
        private static final Pattern VIEW_STATE = Pattern.compile("jakarta\\.faces\\.ViewState:\\d+\"><!\\[CDATA\\[([^\\]]+)]]>");

        private final Visitor visitor;
        private final URI action;
        private final String nonce;
        private String viewState;

        CalendarAjax(Visitor visitor, HtmlPage page) throws Exception {
            this.visitor = visitor;
            this.action = new URI(TestStack.portalUrl()).resolve(page.getHtmlElementById("cal").getAttribute("action"));
            this.nonce = page.<HtmlInput>getFirstByXPath("//form[@id='cal']//input[@name='primefaces.nonce']").getValue();
            this.viewState = page.<HtmlInput>getFirstByXPath("//form[@id='cal']//input[@name='jakarta.faces.ViewState']").getValue();
        }

        /** The events of the days from {@code first} to the day before {@code end}, as the calendar asks when it shows them (JSON). */
        String load(LocalDate first, LocalDate end) throws Exception {
            return post("cal:calendar", "cal:calendar", "cal:calendar", null, List.of(new NameValuePair("cal:calendar_event", "true"),
                    new NameValuePair("cal:calendar_start", first + "T00:00:00Z"), new NameValuePair("cal:calendar_end", end + "T00:00:00Z")));
        }

        /** A filter chosen: its select's change, posted alone. */
        void filter(String select, String value) throws Exception {
            post(select, select, "@none", "valueChange", List.of(new NameValuePair(select, value)));
        }

        /** A session dragged by whole days; the answer is the page's messages. */
        String move(long session, int days) throws Exception {
            return post("cal:calendar", "cal:calendar", "messages", "eventMove", List.of(
                    new NameValuePair("cal:calendar_movedEventId", "s" + session), new NameValuePair("cal:calendar_yearDelta", "0"),
                    new NameValuePair("cal:calendar_monthDelta", "0"), new NameValuePair("cal:calendar_dayDelta", String.valueOf(days)),
                    new NameValuePair("cal:calendar_minuteDelta", "0"), new NameValuePair("cal:calendar_allDay", "false")));
        }

        /** A session's end dragged by some minutes. */
        String resize(long session, int minutes) throws Exception {
            List<NameValuePair> deltas = new ArrayList<>(List.of(new NameValuePair("cal:calendar_resizedEventId", "s" + session)));
            for (String part : List.of("Year", "Month", "Day", "Minute")) {
                deltas.add(new NameValuePair("cal:calendar_startDelta" + part, "0"));
                deltas.add(new NameValuePair("cal:calendar_endDelta" + part, part.equals("Minute") ? String.valueOf(minutes) : "0"));
            }
            return post("cal:calendar", "cal:calendar", "messages", "eventResize", deltas);
        }

        private String post(String source, String execute, String render, String event, List<NameValuePair> extra) throws Exception {
            WebRequest post = new WebRequest(action.toURL(), HttpMethod.POST);
            List<NameValuePair> params = new ArrayList<>(List.of(
                    new NameValuePair("jakarta.faces.partial.ajax", "true"), new NameValuePair("jakarta.faces.source", source),
                    new NameValuePair("jakarta.faces.partial.execute", execute), new NameValuePair("jakarta.faces.partial.render", render),
                    new NameValuePair("cal", "cal"), new NameValuePair("primefaces.nonce", nonce),
                    new NameValuePair("jakarta.faces.ViewState", viewState)));
            if (event != null) {
                params.add(new NameValuePair("jakarta.faces.behavior.event", event));
                params.add(new NameValuePair("jakarta.faces.partial.event", event));
            }
            params.addAll(extra);
            post.setRequestParameters(params);
            post.setAdditionalHeader("Faces-Request", "partial/ajax");
            post.setAdditionalHeader("X-Requested-With", "XMLHttpRequest");
            post.setAdditionalHeader("Origin", TestStack.portalUrl());
            var response = visitor.browser().loadWebResponse(post);
            assertEquals(200, response.getStatusCode());
            String body = response.getContentAsString();
            assertFalse(body.contains("<error>"), () -> "The Ajax request failed: " + body);
            Matcher state = VIEW_STATE.matcher(body);
            if (state.find()) {
                viewState = state.group(1);
            }
            return body;
        }
    }

}

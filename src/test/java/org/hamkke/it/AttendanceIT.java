package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamkke.academy.web.CheckInQrTest;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Attendance through the real pages of the real stack: an instructor takes the roll on a phone-width
 * page, saved at once and never over someone else's mark; learners check themselves in by typing
 * the code and by the QR address while signed out (through Keycloak and back to a marked presence,
 * and with no form at all when Keycloak still knows them); an expired, early, wrong or malformed
 * code is refused with its message, and guessing stops after five; another instructor gets 404; a
 * learner sees their own record and nobody else's; the completion job completes exactly the
 * qualifying enrolments, once, and "complete now" does the same on demand; the roster shows each
 * learner's attendance in a constant number of statements.
 */
class AttendanceIT {

    private static final String PASSWORD = TestPeople.PASSWORD;

    @RegisterExtension
    final TestPeople people = new TestPeople();

    /** A session of the cohort starting {@code startsIn} from now (negative: in the past), lasting {@code length}. */
    static long session(long cohort, String title, Duration startsIn, Duration length) throws Exception {
        return IntakeData.id("""
                insert into cohort_session (cohort_id, title, starts_at, ends_at)
                values (?, ?, now() + make_interval(secs => ?), now() + make_interval(secs => ?)) returning id""",
                cohort, title, (double) startsIn.toSeconds(), (double) startsIn.plus(length).toSeconds());
    }

    /** A cohort running now: started yesterday, ends in a month. */
    static long runningCohort(long course, int capacity) throws Exception {
        return AcademyData.cohort(course, capacity, Map.of("starts_on", java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(1)),
                "ends_on", java.sql.Date.valueOf(java.time.LocalDate.now().plusDays(30))));
    }

    static void teaches(long cohort, long person) throws Exception {
        IntakeData.execute("insert into cohort_instructor (cohort_id, person_id) values (?, ?)", cohort, person);
    }

    static String code(long session) throws Exception {
        return Db.text("select code from session_check_in where session_id = ?", session);
    }

    static String mark(long session, long person) throws Exception {
        return Db.text("select mark from attendance where session_id = ? and person_id = ?", session, person);
    }

    static void mark(long session, long person, String mark) throws Exception {
        IntakeData.execute("insert into attendance (session_id, person_id, mark, marked_at) values (?, ?, ?, now())", session, person, mark);
    }

    private static HtmlPage press(HtmlPage page, long person, String mark) throws Exception {
        HtmlElement button = page.getFirstByXPath("//li[@data-person='" + person + "']//button[@data-mark='" + mark + "']");
        assertNotNull(button, () -> "No " + mark + " button for " + person + " in " + page.asNormalizedText());
        return button.click();
    }

    private static String markShown(HtmlPage page, long person) {
        HtmlElement line = page.getFirstByXPath("//li[@data-person='" + person + "']");
        assertNotNull(line, () -> "No line for " + person + " at " + page.getUrl() + ": " + page.asNormalizedText());
        return line.getAttribute("data-mark");
    }

    private static String messages(HtmlPage page) {
        var list = page.getElementById("messages");
        return list == null ? "" : list.getTextContent();
    }

    private static HtmlPage typeCode(HtmlPage checkIn, String code) throws Exception {
        checkIn.<HtmlInput>getHtmlElementById("checkIn:code").setValue(code);
        return checkIn.<HtmlElement>getHtmlElementById("checkIn:checkInButton").click();
    }

    @Test
    void theInstructorTakesTheRollAndLearnersCheckThemselvesIn() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long course = AcademyData.course("Attendance course " + tag);
        long cohort = runningCohort(course, 10);
        String instructor = people.create("en", "mentor");
        String colleague = people.create("fr", "mentor");
        String typer = people.create("en");
        String scanner = people.create("ar");
        String known = people.create("en");
        long instructorId = AcademyData.personId(instructor);
        teaches(cohort, instructorId);
        teaches(cohort, AcademyData.personId(colleague));
        long typerId = AcademyData.personId(typer);
        long scannerId = AcademyData.personId(scanner);
        long knownId = AcademyData.personId(known);
        for (long learner : List.of(typerId, scannerId, knownId)) {
            AcademyData.enrol(cohort, learner, "CONFIRMED");
        }
        long now = session(cohort, "Cash book " + tag, Duration.ofMinutes(-5), Duration.ofHours(2));
        long ended = session(cohort, "Last week " + tag, Duration.ofDays(-7), Duration.ofHours(2));
        long later = session(cohort, "Next week " + tag, Duration.ofDays(7), Duration.ofHours(2));
        String code = code(now);
        assertTrue(code.matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}"), code);
        assertEquals(3L, Db.count("select count(distinct code) from session_check_in where session_id in (?, ?, ?)", now, ended, later),
                "Every session has its own code");

        // 1. The instructor's home shows the cohort and its next session; the session's page its roll and its code.
        String qrAddress;
        try (Visitor teacher = new Visitor()) {
            teacher.open("/teach/");
            HtmlPage home = teacher.submitKeycloakLogin(instructor, PASSWORD);
            assertEquals(200, teacher.status());
            HtmlElement item = home.getFirstByXPath("//li[@data-cohort='" + cohort + "']");
            assertNotNull(item, home.asNormalizedText());
            assertNotNull(item.getFirstByXPath(".//a[@data-session='" + now + "']"), "The session under way is the next one");

            HtmlPage roll = teacher.open("/teach/session.xhtml?id=" + now);
            assertEquals(200, teacher.status());
            assertEquals(code.substring(0, 3) + " " + code.substring(3), roll.getElementById("check-in-code").getTextContent().strip());
            String svg = roll.getElementById("qr").asXml();
            qrAddress = CheckInQrTest.decode(svg.replace("\r", "").replace("\n", ""));
            assertEquals(TestStack.portalUrl() + "/me/check-in.xhtml?code=" + code, qrAddress, "The QR code holds the check-in address");
            assertEquals(3, roll.getByXPath("//ul[@class='roll']/li").size());
            assertTrue(roll.getWebResponse().getContentAsString().length() < 40_000, "A light page");

            // Marked at once, and back on the same page showing it.
            HtmlPage saved = press(roll, typerId, "ABSENT");
            assertEquals("ABSENT", markShown(saved, typerId));
            assertTrue(messages(saved).contains("Saved"), messages(saved));
            assertEquals("ABSENT", mark(now, typerId));

            // Stale-safe: the colleague marks the known learner late while this page still shows no mark.
            HtmlPage stale = teacher.open("/teach/session.xhtml?id=" + now);
            try (Visitor other = new Visitor("fr")) {
                other.open("/teach/session.xhtml?id=" + now);
                HtmlPage theirs = other.submitKeycloakLogin(colleague, PASSWORD);
                assertEquals("LATE", markShown(press(theirs, knownId, "LATE"), knownId));
            }
            HtmlPage refused = press(stale, knownId, "EXCUSED");
            assertTrue(messages(refused).contains("was marked by someone else meanwhile (Late)")
                    && messages(refused).contains("your choice (Excused) was not saved"), messages(refused));
            assertEquals("LATE", markShown(refused, knownId), "The page shows the mark as it is now");
            assertEquals("LATE", mark(now, knownId), "Nothing was overwritten");

            // Before a session only "excused" is offered; the ended one has no code to show.
            HtmlPage next = teacher.open("/teach/session.xhtml?id=" + later);
            assertNotNull(next.getElementById("check-in-not-yet"));
            assertNull(next.getElementById("qr"));
            assertEquals(List.of("EXCUSED"), next.getByXPath("//li[@data-person='" + typerId + "']//button/@data-mark").stream()
                    .map(a -> ((org.htmlunit.html.DomAttr) a).getValue()).toList());
            assertNotNull(teacher.open("/teach/session.xhtml?id=" + ended).getElementById("check-in-ended"));
        }
        assertEquals(2L, Db.count("select count(*) from audit_entry where action = 'attendance.mark' and object_id = ?", String.valueOf(cohort)),
                "Each mark saved is audited; the refused one is not");

        // 2. A learner types the code (any case, with a space): present, over the instructor's "absent" (they came after the roll).
        try (Visitor learner = new Visitor()) {
            learner.open("/me/check-in.xhtml");
            HtmlPage form = learner.submitKeycloakLogin(typer, PASSWORD);
            HtmlPage done = typeCode(form, code.substring(0, 3).toLowerCase() + " " + code.substring(3));
            assertTrue(messages(done).contains("You are checked in: present at Attendance course " + tag), messages(done));
            assertFalse(done.getUrl().toString().contains("code="), "The answer's address carries no code: a reload sends nothing");
            assertEquals("PRESENT", mark(now, typerId));
            assertTrue(messages(typeCode(done, code)).contains("You were already marked"), "A second check-in changes nothing");

            // An expired code, an early one, a malformed one: each with its message, nothing marked.
            HtmlPage expired = typeCode(done, code(ended));
            assertTrue(messages(expired).contains("This code has expired"), messages(expired));
            assertNull(mark(ended, typerId));
            HtmlPage early = typeCode(done, code(later));
            assertTrue(messages(early).contains("opens at"), messages(early));
            assertTrue(messages(typeCode(done, "ABC")).contains("6 letters and digits"));
        }

        // 3. The QR address while signed out: Keycloak's form, then back to the check-in with the code kept.
        try (Visitor learner = new Visitor("ar")) {
            learner.openRaw(qrAddress);
            assertTrue(learner.onKeycloakLoginForm(), () -> "Sign in first, at " + learner.url());
            HtmlPage back = learner.submitKeycloakLogin(scanner, PASSWORD);
            assertEquals("/me/check-in.xhtml", back.getUrl().getPath());
            assertEquals(code, back.<HtmlInput>getHtmlElementById("checkIn:code").getValue(), "The code survived the sign-in");
            assertEquals("true", back.getElementById("checkIn").getAttribute("data-auto"));
            assertNull(mark(now, scannerId), "Opening the address (a GET) changes nothing by itself");
            HtmlPage done = back.<HtmlElement>getHtmlElementById("checkIn:checkInButton").click();
            assertEquals("PRESENT", mark(now, scannerId), messages(done));
        }

        // 4. Signed in to Keycloak but not to the portal (a new phone session, another instance): the QR
        //    address goes through Keycloak without any form, and the page's script checks in at once.
        IntakeData.execute("delete from attendance where session_id = ? and person_id = ?", now, knownId);
        try (Visitor learner = new Visitor()) {
            learner.open("/me/");
            learner.submitKeycloakLogin(known, PASSWORD);
            assertTrue(learner.isSignedIn());
            learner.browser().getCookieManager().removeCookie(learner.browser().getCookieManager().getCookie(Sessions.COOKIE));
            learner.browser().getOptions().setJavaScriptEnabled(true);
            learner.browser().getOptions().setThrowExceptionOnScriptError(false);
            learner.openRaw(qrAddress);
            learner.browser().waitForBackgroundJavaScript(5_000);
            HtmlPage landed = (HtmlPage) learner.browser().getCurrentWindow().getEnclosedPage();
            assertFalse(landed.getElementById("kc-form-login") != null, "No second sign-in");
            assertEquals("/me/check-in.xhtml", landed.getUrl().getPath());
            assertTrue(messages(landed).contains("present"), () -> landed.asNormalizedText());
            assertEquals("PRESENT", mark(now, knownId));
        }

        // 5. Another instructor, a learner, staff: the session and the cohort answer 404, and show nobody.
        for (DemoLogin other : List.of(DemoLogin.MENTOR, DemoLogin.STAFF)) {
            try (Visitor v = new Visitor()) {
                v.signIn(other);
                for (String page : List.of("/teach/session.xhtml?id=" + now, "/teach/cohort.xhtml?id=" + cohort)) {
                    HtmlPage html = v.open(page);
                    assertEquals(404, v.status(), other + " " + page);
                    assertFalse(html.asNormalizedText().contains(typer), other + " sees a learner");
                }
                assertNull(v.open("/teach/").getFirstByXPath("//li[@data-cohort='" + cohort + "']"));
            }
        }

        // 6. A learner's own record: their marks session by session, never another's.
        try (Visitor learner = new Visitor()) {
            learner.open("/me/learning.xhtml");
            HtmlPage mine = learner.submitKeycloakLogin(typer, PASSWORD);
            HtmlElement record = mine.getFirstByXPath("//details[@id='record-" + cohort + "']");
            assertNotNull(record, mine.asNormalizedText());
            assertEquals("PRESENT", record.<HtmlElement>getFirstByXPath(".//li[@data-session='" + now + "']").getAttribute("data-mark"));
            assertEquals("NONE", record.<HtmlElement>getFirstByXPath(".//li[@data-session='" + ended + "']").getAttribute("data-mark"));
            assertNull(record.getFirstByXPath(".//li[@data-session='" + later + "']"), "Only sessions held so far");
            assertTrue(mine.<HtmlElement>getFirstByXPath("//li[@data-cohort='" + cohort + "']").asNormalizedText().contains("attended 1 of 2"));
            assertFalse(mine.asNormalizedText().contains(scanner) || mine.asNormalizedText().contains(known), "Nobody else's name");
        }
    }

    @Test
    void guessingStopsAfterFiveWrongCodesWithAClearMessage() throws Exception {
        // Windows are fixed ten-minute spans: start well inside one, so the five tries fall in the same.
        long intoWindow = System.currentTimeMillis() % Duration.ofMinutes(10).toMillis();
        if (intoWindow > Duration.ofMinutes(9).toMillis()) {
            Thread.sleep(Duration.ofMinutes(10).toMillis() - intoWindow + 1_000);
        }
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long cohort = runningCohort(AcademyData.course("Guessing course " + tag), 5);
        String learner = people.create("en");
        long learnerId = AcademyData.personId(learner);
        AcademyData.enrol(cohort, learnerId, "CONFIRMED");
        long now = session(cohort, null, Duration.ofMinutes(-20), Duration.ofHours(1));
        String elsewhere = code(session(runningCohort(AcademyData.course("Other course " + tag), 5), null, Duration.ZERO, Duration.ofHours(1)));
        try (Visitor v = new Visitor()) {
            v.open("/me/check-in.xhtml");
            HtmlPage page = v.submitKeycloakLogin(learner, PASSWORD);
            page = typeCode(page, elsewhere);
            assertTrue(messages(page).contains("no confirmed seat"), messages(page));
            for (int i = 0; i < 4; i++) {
                String wrong;
                do {
                    wrong = randomCode();
                } while (Db.count("select count(*) from session_check_in where code = ?", wrong) > 0);
                page = typeCode(page, wrong);
                assertTrue(messages(page).contains("This code is not right"), messages(page));
            }
            page = typeCode(page, "not a code at all");
            assertTrue(messages(page).contains("6 letters and digits"), "Not a code: not counted");
            page = typeCode(page, code(now));
            assertTrue(messages(page).contains("Too many wrong codes") && messages(page).contains("try again after"), messages(page));
            assertNull(mark(now, learnerId), "Refused even with the right code until the window ends");
        }
        assertEquals(5L, Db.count("select failures from check_in_attempt where person_id = ?", learnerId));
    }

    private static String randomCode() {
        String alphabet = org.hamkke.academy.CheckInCode.ALPHABET;
        StringBuilder code = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    @Test
    void theJobCompletesExactlyTheQualifyingEnrolmentsOnceAndCompleteNowDoesOnDemand() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String instructor = people.create("en", "mentor");
        long instructorId = AcademyData.personId(instructor);

        // X: half the sessions to complete, no assessment; both sessions over.
        long courseX = AcademyData.course("Completion X " + tag);
        IntakeData.execute("update course set min_attendance = 50 where id = ?", courseX);
        long x = runningCohort(courseX, 10);
        long x1 = session(x, null, Duration.ofDays(-8), Duration.ofHours(2));
        long x2 = session(x, null, Duration.ofDays(-1), Duration.ofHours(2));
        long all = learner(x, "CONFIRMED", tag);
        long half = learner(x, "CONFIRMED", tag);
        long none = learner(x, "CONFIRMED", tag);
        long excusedOnce = learner(x, "CONFIRMED", tag);
        long waiting = learner(x, "WAITLISTED", tag);
        mark(x1, all, "PRESENT");
        mark(x2, all, "LATE");
        mark(x1, half, "PRESENT");
        mark(x2, half, "ABSENT");
        mark(x1, none, "ABSENT");
        mark(x2, excusedOnce, "EXCUSED");
        mark(x1, waiting, "PRESENT");
        mark(x2, waiting, "PRESENT");

        // Y: an assessment required, recorded by the instructor on the teach page.
        long courseY = AcademyData.course("Completion Y " + tag);
        IntakeData.execute("update course set min_attendance = 50, final_assessment = true where id = ?", courseY);
        long y = runningCohort(courseY, 10);
        teaches(y, instructorId);
        long y1 = session(y, null, Duration.ofDays(-2), Duration.ofHours(2));
        long passed = learner(y, "CONFIRMED", tag);
        long failed = learner(y, "CONFIRMED", tag);
        long unassessed = learner(y, "CONFIRMED", tag);
        for (long p : List.of(passed, failed, unassessed)) {
            mark(y1, p, "PRESENT");
        }
        try (Visitor teacher = new Visitor()) {
            teacher.open("/teach/cohort.xhtml?id=" + y);
            HtmlPage page = teacher.submitKeycloakLogin(instructor, PASSWORD);
            assertEquals(200, teacher.status());
            page = assess(page, enrolment(y, passed), "PASSED");
            page = assess(page, enrolment(y, failed), "NOT_PASSED");
            assertEquals("PASSED", page.<HtmlElement>getFirstByXPath("//li[@data-enrolment='" + enrolment(y, passed) + "']").getAttribute("data-assessment"));
            assertEquals("NOT_PASSED", page.<HtmlElement>getFirstByXPath("//li[@data-enrolment='" + enrolment(y, failed) + "']").getAttribute("data-assessment"));
            assertTrue(page.getElementById("qualifying").getTextContent().contains("1 of 3"), page.getElementById("qualifying").getTextContent());
        }
        assertEquals(2L, Db.count("select count(*) from audit_entry where action = 'assessment.record' and object_id = ?", String.valueOf(y)));

        // Z: qualifies by the rule so far, but a session is still to come: the job leaves it.
        long courseZ = AcademyData.course("Completion Z " + tag);
        IntakeData.execute("update course set min_attendance = 50 where id = ?", courseZ);
        long z = runningCohort(courseZ, 10);
        teaches(z, instructorId);
        long z1 = session(z, null, Duration.ofDays(-1), Duration.ofHours(2));
        session(z, null, Duration.ofDays(6), Duration.ofHours(2));
        long early = learner(z, "CONFIRMED", tag);
        mark(z1, early, "PRESENT");
        long early2 = learner(z, "CONFIRMED", tag);
        mark(z1, early2, "LATE");
        long early3 = learner(z, "CONFIRMED", tag);
        mark(z1, early3, "EXCUSED");

        AcademyData.runJob("course-completion", "completion-1-" + tag);
        assertEquals("COMPLETED", statusOf(x, all));
        assertEquals("COMPLETED", statusOf(x, half), "1 of 2 is the 50 % asked");
        assertEquals("CONFIRMED", statusOf(x, none));
        assertEquals("COMPLETED", statusOf(x, excusedOnce), "Excused counts as attended");
        assertEquals("WAITLISTED", statusOf(x, waiting), "Only confirmed learners complete");
        assertEquals("COMPLETED", statusOf(y, passed));
        assertEquals("CONFIRMED", statusOf(y, failed));
        assertEquals("CONFIRMED", statusOf(y, unassessed));
        String before = Db.text("select string_agg(id || ':' || status || ':' || version, ',' order by id) from enrolment where cohort_id in (?, ?, ?)", x, y, z);
        long audits = Db.count("select count(*) from audit_entry where action = 'cohort.complete'");
        assertEquals(1L, Db.count("select count(*) from audit_entry where action = 'cohort.complete' and actor = 'system' and object_id = ?", String.valueOf(x)));

        AcademyData.runJob("course-completion", "completion-2-" + tag);
        assertEquals(before, Db.text("select string_agg(id || ':' || status || ':' || version, ',' order by id) from enrolment where cohort_id in (?, ?, ?)", x, y, z),
                "A second run changes nothing");
        assertEquals(audits, Db.count("select count(*) from audit_entry where action = 'cohort.complete'"));
        assertEquals(4L, Db.count("select count(*) from enrolment where cohort_id in (?, ?, ?) and status = 'COMPLETED'", x, y, z));
        for (long p : List.of(early, early2, early3)) {
            assertEquals("CONFIRMED", statusOf(z, p), "Z is not over: the job leaves it");
        }

        // "Complete now", before the cohort is over: the same rule, on demand; the instructor and staff
        // press it at the same moment, and the cohort's lock lets the second find nothing left to do.
        try (Visitor teacher = new Visitor(); Visitor staff = new Visitor()) {
            teacher.open("/teach/cohort.xhtml?id=" + z);
            HtmlPage teachPage = teacher.submitKeycloakLogin(instructor, PASSWORD);
            assertTrue(teachPage.getElementById("qualifying").getTextContent().contains("3 of 3"));
            staff.open("/staff/roster.xhtml?cohort=" + z);
            HtmlPage rosterPage = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var both = new java.util.concurrent.CountDownLatch(1);
            var byTeacher = pool.submit(() -> {
                both.await();
                return teachPage.<HtmlElement>getHtmlElementById("complete:completeNow").<HtmlPage>click();
            });
            var byStaff = pool.submit(() -> {
                both.await();
                return rosterPage.<HtmlElement>getHtmlElementById("complete:completeNow").<HtmlPage>click();
            });
            both.countDown();
            String answers = messages(byTeacher.get()) + " / " + messages(byStaff.get());
            pool.shutdown();
            assertTrue(answers.contains("3 learners completed") && answers.contains("Nobody meets the course's rule yet"), answers);
        }
        for (long p : List.of(early, early2, early3)) {
            assertEquals("COMPLETED", statusOf(z, p));
        }
        assertEquals(List.of("0", "3"), Db.values("""
                select split_part(detail, ' ', 1) from audit_entry where action = 'cohort.complete' and object_id = ?
                order by split_part(detail, ' ', 1)""", String.valueOf(z)), "Two presses, three completions in all");

        // Staff see each learner's attendance on the roster.
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/roster.xhtml?cohort=" + x);
            HtmlPage roster = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            String text = roster.asNormalizedText();
            assertTrue(text.contains("attended 2 of 2 (100 %)") && text.contains("attended 1 of 2 (50 %)") && text.contains("attended 0 of 2 (0 %)"), text);
        }
    }

    private static long learner(long cohort, String status, String tag) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        long person = IntakeData.person("Learner " + id + " " + tag, "learner-" + id + "@it.example", "");
        AcademyData.enrol(cohort, person, status);
        return person;
    }

    private static long enrolment(long cohort, long person) throws Exception {
        return Db.count("select id from enrolment where cohort_id = ? and person_id = ? and status <> 'CANCELLED'", cohort, person);
    }

    private static String statusOf(long cohort, long person) throws Exception {
        return Db.text("select status from enrolment where cohort_id = ? and person_id = ? and status <> 'CANCELLED'", cohort, person);
    }

    private static HtmlPage assess(HtmlPage page, long enrolment, String result) throws Exception {
        HtmlElement button = page.getFirstByXPath("//li[@data-enrolment='" + enrolment + "']//button[contains(@value, ':" + result + ":')]");
        assertNotNull(button, () -> page.getUrl() + ": " + page.asNormalizedText());
        return button.click();
    }

    /**
     * The staff roster's statements do not grow with its learners: the same count for 5 and for 60
     * (pg_stat_statements, as docs/bench/pipeline.sh reads it), marks and all.
     */
    @Test
    void theRosterReadsItsAttendanceInAConstantNumberOfStatements() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // One instructor teaches both, so their sessions are hours apart: nobody teaches in two places at once (V15).
        long small = rosterCohort(5, tag, Duration.ZERO);
        long large = rosterCohort(60, tag, Duration.ofHours(3));
        String cookie = Sessions.signedIn(DemoLogin.STAFF);
        long forSmall = statements("/staff/roster.xhtml?cohort=" + small, cookie);
        long forLarge = statements("/staff/roster.xhtml?cohort=" + large, cookie);
        System.out.printf("Roster statements per page: %d for 5 learners, %d for 60%n", forSmall, forLarge);
        assertEquals(forSmall, forLarge, "Statements per roster page, 5 and 60 learners");

        // The instructor's pages too: the cohort with every learner's attendance, and a session's roll.
        String instructor = people.create("en", "mentor");
        teaches(small, AcademyData.personId(instructor));
        teaches(large, AcademyData.personId(instructor));
        String teacher;
        try (Visitor v = new Visitor()) {
            v.open("/teach/");
            v.submitKeycloakLogin(instructor, PASSWORD);
            teacher = Sessions.cookie(v);
        }
        long cohortSmall = statements("/teach/cohort.xhtml?id=" + small, teacher);
        long cohortLarge = statements("/teach/cohort.xhtml?id=" + large, teacher);
        long rollSmall = statements("/teach/session.xhtml?id=" + firstSession(small), teacher);
        long rollLarge = statements("/teach/session.xhtml?id=" + firstSession(large), teacher);
        System.out.printf("Instructor's cohort page: %d statements for 5 learners, %d for 60; a session's roll: %d and %d%n",
                cohortSmall, cohortLarge, rollSmall, rollLarge);
        assertEquals(cohortSmall, cohortLarge, "Statements per cohort page, 5 and 60 learners");
        assertEquals(rollSmall, rollLarge, "Statements per roll, 5 and 60 learners");
    }

    private static long firstSession(long cohort) throws Exception {
        return Db.count("select min(id) from cohort_session where cohort_id = ?", cohort);
    }

    private static long rosterCohort(int learners, String tag, Duration later) throws Exception {
        long cohort = runningCohort(AcademyData.course("Roster size " + learners + " " + tag), 100);
        long s1 = session(cohort, null, Duration.ofDays(-2).plus(later), Duration.ofHours(1));
        long s2 = session(cohort, null, Duration.ofDays(-1).plus(later), Duration.ofHours(1));
        for (int i = 0; i < learners; i++) {
            long person = learner(cohort, "CONFIRMED", tag);
            mark(s1, person, i % 3 == 0 ? "ABSENT" : "PRESENT");
            mark(s2, person, "LATE");
        }
        return cohort;
    }

    /**
     * Statements one load of the page costs, averaged over five loads. Left out: what runs beside the
     * page and not for it (Quartz's polling, the mail and notice jobs, the pool's connection check,
     * the driver's type lookups, the periodic check of a revoked sign-in), and the bell's unread count.
     */
    private static long statements(String page, String cookie) throws Exception {
        assertEquals(200, RawHttp.get(page, cookie).status());
        Db.execute("create extension if not exists pg_stat_statements");
        Db.value("select pg_stat_statements_reset()");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, RawHttp.get(page, cookie).status());
        }
        Thread.sleep(300);
        String where = """
                where dbid = (select oid from pg_database where datname = current_database())
                  and query !~* '^\\s*(begin|commit|rollback|set|show)\\y' and query <> 'SELECT $1'
                  and query !~* 'qrtz_|pg_stat|pg_database|pg_catalog|job_run|notice|mail_|revoked_session'""";
        long calls = Db.count("select coalesce(sum(calls), 0) from pg_stat_statements " + where);
        System.out.println(page + ":\n" + String.join("\n", Db.values(
                "select calls || '  ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 150) from pg_stat_statements " + where + " order by query")));
        return Math.round(calls / 5.0);
    }

    /**
     * The instructor's roll and the learner's check-in are light pages: under 100 KB on a first visit
     * (the page and every stylesheet, script and image it names, each gzip-compressed as sent).
     */
    @Test
    void theRollAndTheCheckInWeighUnder100KilobytesOnAFirstVisit() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long cohort = runningCohort(AcademyData.course("Weight course " + tag), 40);
        String instructor = people.create("en", "mentor");
        teaches(cohort, AcademyData.personId(instructor));
        long session = session(cohort, "Weighed", Duration.ofMinutes(-1), Duration.ofHours(1));
        for (int i = 0; i < 30; i++) {
            learner(cohort, "CONFIRMED", tag);
        }
        String learner = people.create("ar");
        String teacherCookie;
        String learnerCookie;
        try (Visitor v = new Visitor()) {
            v.open("/teach/");
            v.submitKeycloakLogin(instructor, PASSWORD);
            teacherCookie = Sessions.cookie(v);
        }
        try (Visitor v = new Visitor("ar")) {
            v.open("/me/");
            v.submitKeycloakLogin(learner, PASSWORD);
            learnerCookie = Sessions.cookie(v);
        }
        long roll = firstVisit("/teach/session.xhtml?id=" + session, teacherCookie);
        long checkIn = firstVisit("/me/check-in.xhtml?code=" + code(session), learnerCookie);
        System.out.printf("First visit, compressed: roll of 30 learners with its QR code %d bytes, check-in (Arabic) %d bytes%n", roll, checkIn);
        assertTrue(roll < 100_000, "Roll: " + roll);
        assertTrue(checkIn < 100_000, "Check-in: " + checkIn);
    }

    private static final java.util.regex.Pattern RESOURCE = java.util.regex.Pattern.compile("<(?:link|script|img)\\b[^>]*?\\b(?:href|src)=\"(/[^\"]+)\"");

    /** What the text weighs sent compressed, as the portal sends it to a browser that accepts gzip. */
    private static long gzipped(String text) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.size();
    }

    private static long firstVisit(String page, String cookie) throws Exception {
        RawHttp.Response response = RawHttp.get(page, cookie);
        assertEquals(200, response.status(), page);
        long bytes = gzipped(response.body());
        java.util.regex.Matcher m = RESOURCE.matcher(response.body());
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            String resource = m.group(1).replace("&amp;", "&");
            if (seen.add(resource)) {
                RawHttp.Response r = RawHttp.get(resource, cookie);
                assertEquals(200, r.status(), resource);
                bytes += gzipped(r.body());
            }
        }
        return bytes;
    }

    /** Phone-width pictures of the instructor's roll and the learner's check-in, for the README (skipped without Chromium). */
    @Test
    void screenshotsOnAPhone() throws Exception {
        var chromium = Chromium.find();
        Assumptions.assumeTrue(chromium.isPresent(), "No Chromium on this machine");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long course = AcademyData.course("Bookkeeping for home-based workers");
        long cohort = runningCohort(course, 10);
        IntakeData.execute("update cohort set label = 'Jakarta, evening group' where id = ?", cohort);
        String instructor = people.create("en", "mentor");
        teaches(cohort, AcademyData.personId(instructor));
        long session = session(cohort, "Cash book and receipts", Duration.ofMinutes(-5), Duration.ofHours(2));
        String[] names = {"Siti Rahayu", "Amina Yusuf", "Dewi Lestari", "Fatima Zahra", "Nur Aini", "Rina Wati"};
        String[] marks = {"PRESENT", "LATE", null, "EXCUSED", "PRESENT", "ABSENT"};
        for (int i = 0; i < names.length; i++) {
            long person = IntakeData.person(names[i], "screenshot-" + i + "-" + tag + "@it.example", "");
            AcademyData.enrol(cohort, person, "CONFIRMED");
            if (marks[i] != null) {
                IntakeData.execute("insert into attendance (session_id, person_id, mark, marked_at, via) values (?, ?, ?, now() - interval '9 minutes', ?)",
                        session, person, marks[i], i == 0 ? "CHECK_IN" : "ROLL");
            }
        }
        String learner = people.create("en");
        AcademyData.enrol(cohort, AcademyData.personId(learner), "CONFIRMED");
        Path dir = Path.of("docs/screenshots");
        Files.createDirectories(dir);
        shoot(chromium.get(), instructor, "/teach/session.xhtml?id=" + session, 1750, "!!document.getElementById('roll-card')",
                dir.resolve("academy-attendance-roll-phone.png"));
        // The QR address in a real browser: the page's script sends the check-in at once; the picture is its answer.
        shoot(chromium.get(), learner, "/me/check-in.xhtml?code=" + code(session), 900, "!!document.getElementById('messages')",
                dir.resolve("academy-attendance-check-in-phone.png"));
        assertEquals("PRESENT", mark(session, AcademyData.personId(learner)), "Chromium ran checkin.js, which checked in");
    }

    private static void shoot(String chromium, String username, String page, int height, String shown, Path file) throws Exception {
        String cookie;
        try (Visitor v = new Visitor()) {
            v.open("/me/");
            v.submitKeycloakLogin(username, PASSWORD);
            cookie = Sessions.cookie(v);
        }
        try (Chromium browser = new Chromium(chromium, 390, height)) {
            browser.cookie(Sessions.COOKIE, cookie, TestStack.portalUrl());
            // A light page loads no PrimeFaces, which Chromium.open waits for: wait for the page alone.
            browser.send("Page.navigate", "{\"url\":\"" + TestStack.portalUrl() + page + "\"}");
            browser.waitFor("document.readyState === 'complete' && " + shown);
            Thread.sleep(300);
            Files.write(file, browser.screenshot());
        }
    }
}

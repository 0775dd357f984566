package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The academy end to end, through the real pages of the real stack: staff create a course, a
 * cohort of two seats and its weekly sessions across a daylight-saving change; three learners
 * enrol, the third is waitlisted at position 1; the first leaves, the third is offered the seat
 * (with until when, on the cohort's clock) and accepts it. Each learner hears of each step once,
 * under the bell and by mail, in their own language; staff see it all on the roster.
 */
class AcademyJourneyIT {

    private static final String PASSWORD = TestPeople.PASSWORD;

    @RegisterExtension
    final TestPeople people = new TestPeople();

    private static HtmlPage click(HtmlPage page, String id) throws Exception {
        return page.<HtmlElement>getHtmlElementById(id).click();
    }

    private static void type(HtmlPage page, String id, String value) {
        page.<HtmlInput>getHtmlElementById(id).setValue(value);
    }

    @Test
    void fromANewCourseToAFullCohortWhoseWaitlistMovesOn() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "Journey bookkeeping " + tag;
        String first = people.create("fr");
        String second = people.create("en");
        String third = people.create("ar");

        // 1. Staff create the course, then a cohort of two seats in Paris, then weekly sessions.
        long course;
        long cohort;
        // The sessions run over the last Sunday of March or of October, whichever comes next: the clocks change within them.
        LocalDate starts = nextClockChange().minusDays(10);
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/course.xhtml");
            HtmlPage editor = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            type(editor, "course:title:en", title);
            editor.<HtmlTextArea>getHtmlElementById("course:summary:enLong").setText("Keeping the books of a home-based business.");
            editor.<HtmlTextArea>getHtmlElementById("course:outcomes:enLong").setText("Keep a cash book\nPrice a product");
            type(editor, "course:language", "fr");
            editor.<HtmlSelect>getHtmlElementById("course:level").setSelectedAttribute("BEGINNER", true);
            type(editor, "course:defaultCapacity", "2");
            HtmlPage saved = click(editor, "course:save");
            assertTrue(saved.asNormalizedText().contains("Course created: " + title), saved.asNormalizedText());
            course = Long.parseLong(saved.getUrl().getQuery().replaceAll(".*id=(\\d+).*", "$1"));

            HtmlPage cohortEditor = staff.open("/staff/cohort.xhtml?course=" + course);
            assertEquals("2", cohortEditor.<HtmlInput>getHtmlElementById("cohort:capacity").getValue(), "The course's default capacity");
            type(cohortEditor, "cohort:label", "Paris " + tag);
            type(cohortEditor, "cohort:timeZone", "Europe/Paris");
            type(cohortEditor, "cohort:startsOn", starts.toString());
            type(cohortEditor, "cohort:endsOn", starts.plusDays(40).toString());
            type(cohortEditor, "cohort:enrolmentOpensAt", LocalDate.now().minusDays(1) + "T08:00");
            type(cohortEditor, "cohort:enrolmentClosesAt", starts.minusDays(1) + "T23:59");
            type(cohortEditor, "cohort:venue", "Maison des associations");
            saved = click(cohortEditor, "cohort:save");
            assertTrue(saved.asNormalizedText().contains("Cohort created"), saved.asNormalizedText());
            cohort = Long.parseLong(saved.getUrl().getQuery().replaceAll(".*id=(\\d+).*", "$1"));

            type(saved, "addSession:date", starts.toString());
            saved.<HtmlSelect>getHtmlElementById("addSession:repeat").setSelectedAttribute("WEEKLY", true);
            type(saved, "addSession:count", "4");
            // HtmlUnit cannot type into a time input: the two times go into the post as a browser sends them.
            HtmlPage withSessions = submit(staff, saved, "addSession", "addSession:add",
                    java.util.Map.of("addSession:startTime", "18:00", "addSession:endTime", "20:00"));
            assertTrue(withSessions.asNormalizedText().contains("Sessions added: 4"), withSessions.asNormalizedText());
            assertEquals(4, withSessions.getByXPath("//section[@id='sessions']//li[@data-session]").size());
        }
        assertEquals(List.of("18:00:00", "18:00:00", "18:00:00", "18:00:00"),
                Db.values("select (starts_at at time zone 'Europe/Paris')::time::text from cohort_session where cohort_id = ? order by starts_at", cohort),
                "Every session at 18:00 on the Paris wall, before and after the clocks change");
        assertEquals(2L, Db.count("""
                select count(distinct extract(hour from starts_at at time zone 'UTC')) from cohort_session where cohort_id = ?""", cohort),
                "...which is two different hours in UTC");
        assertEquals(1L, Db.count("select count(*) from audit_entry where action = 'cohort.sessions.add' and object_id = ?", String.valueOf(cohort)));

        // 2. The public page shows the cohort and its sessions before anyone enrols.
        try (Visitor anyone = new Visitor()) {
            HtmlPage page = anyone.open("/academy/cohort.xhtml?id=" + cohort);
            assertEquals(200, anyone.status());
            assertEquals(title, page.getElementById("cohort-title").getTextContent().strip());
            assertEquals(4, page.getByXPath("//section[@id='sessions']//li[@data-session]").size());
        }

        // 3. Three learners enrol into two seats: the third is waitlisted, first in line.
        assertEquals("CONFIRMED", enrol(first, "fr", cohort));
        assertEquals("CONFIRMED", enrol(second, "en", cohort));
        try (Visitor v = new Visitor("ar")) {
            v.open("/me/enrol.xhtml?cohort=" + cohort);
            HtmlPage page = click(v.submitKeycloakLogin(third, PASSWORD), "enrol:enrolButton");
            assertEquals("WAITLISTED", page.getElementById("standing").getAttribute("data-status"));
            assertTrue(page.getElementById("standing-text").getTextContent().contains("1"), "Position 1 shown");
        }

        // 4. The first leaves (after confirming); the seat is offered to the third, who accepts.
        try (Visitor v = new Visitor("fr")) {
            v.open("/me/enrol.xhtml?cohort=" + cohort);
            v.submitKeycloakLogin(first, PASSWORD);
            HtmlPage confirm = v.open("/me/enrol.xhtml?cohort=" + cohort + "&leave=1");
            assertEquals("CONFIRMED", AcademyData.statusOf(cohort, first), "Asking to leave changes nothing yet");
            HtmlPage left = click(confirm, "leave:leaveButton");
            assertEquals("CANCELLED", left.getElementById("standing").getAttribute("data-status"));
        }
        assertEquals("OFFERED", AcademyData.statusOf(cohort, third));
        try (Visitor v = new Visitor("ar")) {
            v.open("/me/learning.xhtml");
            HtmlPage learning = v.submitKeycloakLogin(third, PASSWORD);
            assertNotNull(learning.getElementById("offers"), "My learning shows the offer first");
            HtmlPage offer = v.open("/me/enrol.xhtml?cohort=" + cohort);
            assertEquals("OFFERED", offer.getElementById("standing").getAttribute("data-status"));
            HtmlPage accepted = click(offer, "offer:acceptButton");
            assertEquals("CONFIRMED", accepted.getElementById("standing").getAttribute("data-status"));
            HtmlPage mine = v.open("/me/learning.xhtml");
            assertEquals("CONFIRMED", mine.<HtmlElement>getFirstByXPath("//li[@data-cohort='" + cohort + "']").getAttribute("data-status"));
            assertEquals(4, mine.getByXPath("//section[@id='upcoming']//li[@data-session]").size(), "Its sessions are coming up");
        }
        assertEquals(2L, Db.count("select seats_taken from cohort where id = ?", cohort));

        // 5. Everyone heard, once per step, in their language: under the bell and by mail.
        for (String person : List.of(first, second, third)) {
            Outbox.settled(person);
        }
        String thirdsKinds = String.join(",", Db.values("""
                select n.kind from notice n join person p on p.id = n.recipient_id where p.username = ? order by n.id""", third));
        assertEquals("welcome,enrolment-waitlisted,seat-offered,enrolment-confirmed", thirdsKinds);
        String expires = Db.text("""
                select n.data ->> 'expires' from notice n join person p on p.id = n.recipient_id where p.username = ? and n.kind = 'seat-offered'""",
                third);
        assertTrue(expires.contains(ZoneId.of("Europe/Paris").getDisplayName(TextStyle.FULL, Locale.forLanguageTag("ar"))),
                () -> "The offer's end on the cohort's clock, named in Arabic: " + expires);
        List<Mailbox.Mail> mails = new Mailbox(KeycloakAdmin.emailOf(third)).await(m -> m.subject().contains(title), 3, Duration.ofSeconds(30));
        assertEquals(List.of("أنت على قائمة انتظار " + title, "مقعد في " + title + " لك إن أردته", "تأكّد مقعدك في " + title),
                mails.stream().map(Mailbox.Mail::subject).toList(), "Three mails, in Arabic, each once");
        assertTrue(mails.get(1).text().contains(expires), "The mail says until when");
        List<Mailbox.Mail> firsts = new Mailbox(KeycloakAdmin.emailOf(first)).await(m -> m.subject().contains(title), 1, Duration.ofSeconds(30));
        assertEquals(List.of("Votre place dans " + title + " est confirmée"), firsts.stream().map(Mailbox.Mail::subject).toList());

        // 6. Staff see it on the roster: two confirmed, one who left.
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/roster.xhtml?cohort=" + cohort);
            HtmlPage roster = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertEquals("2", roster.getElementById("roster-counts").getAttribute("data-taken"));
            String text = roster.asNormalizedText();
            assertTrue(text.contains("Confirmed: 2") && text.contains("Cancelled: 1"), text);
        }
    }

    /** Submits a form by its button with some fields' values replaced, as a browser would send them. */
    static HtmlPage submit(Visitor visitor, HtmlPage page, String form, String button, java.util.Map<String, String> values) throws Exception {
        var post = page.<org.htmlunit.html.HtmlForm>getHtmlElementById(form).getWebRequest(page.getHtmlElementById(button));
        List<org.htmlunit.util.NameValuePair> params = new java.util.ArrayList<>();
        for (var p : post.getRequestParameters()) {
            params.add(values.containsKey(p.getName()) ? new org.htmlunit.util.NameValuePair(p.getName(), values.get(p.getName())) : p);
        }
        post.setRequestParameters(params);
        return visitor.browser().getPage(post);
    }

    /** Enrols through the enrolment page and answers with where the person stands then. */
    private static String enrol(String username, String language, long cohort) throws Exception {
        try (Visitor v = new Visitor(language)) {
            v.open("/me/enrol.xhtml?cohort=" + cohort);
            HtmlPage page = click(v.submitKeycloakLogin(username, PASSWORD), "enrol:enrolButton");
            assertEquals(200, v.status());
            return page.getElementById("standing").getAttribute("data-status");
        }
    }

    /** The next last Sunday of March or October (when Europe's clocks change), at least a month away. */
    private static LocalDate nextClockChange() {
        LocalDate day = LocalDate.now().plusDays(45);
        while (true) {
            if ((day.getMonthValue() == 3 || day.getMonthValue() == 10) && day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY
                    && day.plusWeeks(1).getMonthValue() != day.getMonthValue()) {
                return day;
            }
            day = day.plusDays(1);
        }
    }
}

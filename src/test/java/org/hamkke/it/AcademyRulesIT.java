package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input to the academy, through its pages: each refused with a clear message in the reader's
 * language, nothing half-saved, never an error page. Capacity below the seats taken, an end before
 * the start, a session outside the cohort's days, a stale editor; enrolling after the window
 * closed, without a prerequisite, into an invited-only cohort, or twice.
 */
class AcademyRulesIT {

    @RegisterExtension
    final TestPeople people = new TestPeople();

    private static HtmlPage click(HtmlPage page, String id) throws Exception {
        return page.<HtmlElement>getHtmlElementById(id).click();
    }

    private static void type(HtmlPage page, String id, String value) {
        page.<HtmlInput>getHtmlElementById(id).setValue(value);
    }

    private static String errorsOf(HtmlPage page) {
        return page.getByXPath("//*[contains(@class,'field-error')] | //*[@id='messages']").stream()
                .map(e -> ((HtmlElement) e).asNormalizedText()).reduce("", (a, b) -> a + " | " + b);
    }

    @Test
    void staffEditorsRefuseWhatCannotBeAndKeepWhatWasTyped() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long course = AcademyData.course("Rules course " + tag);
        long cohort = AcademyData.cohort(course, 3);
        for (int i = 0; i < 2; i++) {
            AcademyData.enrol(cohort, IntakeData.person("Seated " + i + " " + tag, null, ""), "CONFIRMED");
        }
        long courses = Db.count("select count(*) from course");
        try (Visitor staff = new Visitor(); Visitor admin = new Visitor()) {
            // A course without an English title.
            staff.open("/staff/course.xhtml");
            HtmlPage editor = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            type(editor, "course:defaultCapacity", "lots");
            HtmlPage refused = click(editor, "course:save");
            assertEquals(200, staff.status());
            String errors = errorsOf(refused);
            assertTrue(errors.contains("Write it in English at least") && errors.contains("Enter a whole number in the range 1–10000"), errors);
            assertEquals("lots", refused.<HtmlInput>getHtmlElementById("course:defaultCapacity").getValue(), "What was typed is kept");
            assertEquals(courses, Db.count("select count(*) from course"), "Nothing saved");

            // A capacity below the two seats taken, and an end before the start, at once.
            HtmlPage cohortEditor = staff.open("/staff/cohort.xhtml?id=" + cohort);
            type(cohortEditor, "cohort:capacity", "1");
            type(cohortEditor, "cohort:endsOn", java.time.LocalDate.now().toString());
            refused = click(cohortEditor, "cohort:save");
            errors = errorsOf(refused);
            assertTrue(errors.contains("2 seats are taken (confirmed or offered): the capacity cannot be lower."), errors);
            assertTrue(errors.contains("The last day cannot come before the first."), errors);
            assertEquals(3L, Db.count("select capacity from cohort where id = ?", cohort), "Nothing half-saved");

            // A weekly series running past the cohort's last day: none of it is added.
            HtmlPage fresh = staff.open("/staff/cohort.xhtml?id=" + cohort);
            type(fresh, "addSession:date", Db.text("select (starts_on + 28)::text from cohort where id = ?", cohort));
            fresh.<HtmlSelect>getHtmlElementById("addSession:repeat").setSelectedAttribute("WEEKLY", true);
            type(fresh, "addSession:count", "3");
            String outside = Db.text("select (starts_on + 35)::text from cohort where id = ?", cohort);
            refused = click(fresh, "addSession:add");
            assertTrue(errorsOf(refused).contains("The session on " + outside + " falls outside the cohort's dates; nothing was added."),
                    errorsOf(refused));
            assertEquals(0L, Db.count("select count(*) from cohort_session where cohort_id = ?", cohort));

            // Two staff edit the same cohort: the second save is refused, nothing overwritten.
            HtmlPage mine = staff.open("/staff/cohort.xhtml?id=" + cohort);
            admin.open("/staff/cohort.xhtml?id=" + cohort);
            HtmlPage theirs = admin.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());
            type(theirs, "cohort:capacity", "5");
            assertTrue(click(theirs, "cohort:save").asNormalizedText().contains("Cohort saved."));
            type(mine, "cohort:capacity", "4");
            HtmlPage stale = click(mine, "cohort:save");
            assertEquals(200, staff.status());
            assertTrue(errorsOf(stale).contains("Someone else changed this meanwhile"), errorsOf(stale));
            assertEquals(5L, Db.count("select capacity from cohort where id = ?", cohort), "The first save stands");
        }
    }

    @Test
    void enrolmentIsRefusedWithItsReason() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String learner = people.create("en");
        long foundations = AcademyData.course("Foundations " + tag);
        long governance = AcademyData.course("Governance " + tag);
        AcademyData.prerequisite(governance, foundations);
        long needsFoundations = AcademyData.cohort(governance, 5);
        long closing = AcademyData.cohort(foundations, 5);
        long invited = AcademyData.cohort(foundations, 5, Map.of("visibility", "INVITED"));
        long twice = AcademyData.cohort(foundations, 5);

        try (Visitor v = new Visitor()) {
            v.open("/me/learning.xhtml");
            v.submitKeycloakLogin(learner, TestPeople.PASSWORD);

            // A prerequisite not completed: named in the message, with a link to its cohorts.
            HtmlPage page = click(v.open("/me/enrol.xhtml?cohort=" + needsFoundations), "enrol:enrolButton");
            assertTrue(errorsOf(page).contains("Please complete this course first: Foundations " + tag), errorsOf(page));
            assertTrue(page.getElementById("cohort-prerequisites").asNormalizedText().contains("Foundations " + tag));
            assertNull(AcademyData.statusOf(needsFoundations, learner));

            // The window closes between reading the page and clicking.
            page = v.open("/me/enrol.xhtml?cohort=" + closing);
            IntakeData.execute("update cohort set enrolment_closes_at = now() - interval '1 minute' where id = ?", closing);
            page = click(page, "enrol:enrolButton");
            assertEquals(200, v.status());
            assertTrue(errorsOf(page).contains("Enrolment is closed for this cohort."), errorsOf(page));
            assertNull(AcademyData.statusOf(closing, learner));

            // An invited-only cohort is not there for those not invited; once invited, it is.
            v.open("/me/enrol.xhtml?cohort=" + invited);
            assertEquals(404, v.status());
            v.open("/academy/cohort.xhtml?id=" + invited);
            assertEquals(404, v.status(), "Never on the public page");
            IntakeData.execute("insert into cohort_invitation (cohort_id, email) values (?, lower(?))", invited, KeycloakAdmin.emailOf(learner));
            page = click(v.open("/me/enrol.xhtml?cohort=" + invited), "enrol:enrolButton");
            assertEquals("CONFIRMED", page.getElementById("standing").getAttribute("data-status"));

            // The same form posted twice (a double tap on a slow link): one enrolment, and a clear word.
            page = v.open("/me/enrol.xhtml?cohort=" + twice);
            HtmlForm form = page.getHtmlElementById("enrol");
            var post = form.getWebRequest(page.getHtmlElementById("enrol:enrolButton"));
            v.browser().getPage(post);
            HtmlPage again = v.browser().getPage(post);
            assertEquals(200, again.getWebResponse().getStatusCode());
            assertTrue(errorsOf(again).contains("You are already enrolled in this cohort."), errorsOf(again));
            assertEquals(1L, Db.count("select count(*) from enrolment e join person p on p.id = e.person_id where e.cohort_id = ? and p.username = ?",
                    twice, learner));
        }
    }

    /**
     * The enrolment buttons are plain forms posted to {@code /me/enrol} (EnrolServlet), guarded by
     * the session's form token instead of Faces' view state: a post without it, or with another,
     * does nothing and says so; a cohort the person may not see is 404 with a valid token too; a
     * post from another site is refused; odd addresses answer 404 or lead to the page, never 500.
     */
    @Test
    void theEnrolmentFormNeedsItsTokenAndAVisibleCohort() throws Exception {
        String learner = people.create("en");
        long course = AcademyData.course("Token " + UUID.randomUUID().toString().substring(0, 8));
        long open = AcademyData.cohort(course, 5);
        long hidden = AcademyData.cohort(course, 5, Map.of("visibility", "INVITED"));
        try (Visitor v = new Visitor()) {
            v.open("/me/learning.xhtml");
            v.submitKeycloakLogin(learner, TestPeople.PASSWORD);
            HtmlPage page = v.open("/me/enrol.xhtml?cohort=" + open);
            String token = page.<org.htmlunit.html.HtmlInput>getFirstByXPath("//form[@id='enrol']//input[@name='token']").getValue();
            assertTrue(token.length() >= 40, token);

            for (String forged : List.of("", "x", token.substring(1) + "A")) {
                HtmlPage answer = v.browser().getPage(enrolPost(open, forged, "enrol", TestStack.portalUrl()));
                assertTrue(errorsOf(answer).contains("This form had gone out of date"), errorsOf(answer));
                assertEquals("NONE", answer.getElementById("standing").getAttribute("data-status"));
            }
            assertNull(AcademyData.statusOf(open, learner), "Nothing was done without the token");

            assertEquals(404, v.browser().getPage(enrolPost(hidden, token, "enrol", TestStack.portalUrl())).getWebResponse().getStatusCode());
            assertEquals(404, v.browser().getPage(enrolPost(99_999_999L, token, "enrol", TestStack.portalUrl())).getWebResponse().getStatusCode());
            assertNull(AcademyData.statusOf(hidden, learner), "Nothing written for a cohort the person may not see");

            assertEquals(403, v.browser().getPage(enrolPost(open, token, "enrol", "https://elsewhere.example")).getWebResponse().getStatusCode());
            assertNull(AcademyData.statusOf(open, learner), "Nothing done from another site");

            HtmlPage odd = v.browser().getPage(enrolPost(open, token, "launch-missiles", TestStack.portalUrl()));
            assertEquals("NONE", odd.getElementById("standing").getAttribute("data-status"), "An unknown button does nothing");
            for (String address : List.of("/me/enrol", "/me/enrol?cohort=abc", "/me/enrol?cohort=-1", "/me/enrol?cohort=" + "9".repeat(40))) {
                v.open(address);
                assertEquals(404, v.status(), address);
            }
            assertEquals("NONE", v.open("/me/enrol?cohort=" + open).getElementById("standing").getAttribute("data-status"), "A GET leads to the page");

            HtmlPage enrolled = v.browser().getPage(enrolPost(open, token, "enrol", TestStack.portalUrl()));
            assertEquals("CONFIRMED", enrolled.getElementById("standing").getAttribute("data-status"));
            assertTrue(enrolled.getElementById("messages").asNormalizedText().contains("You have a seat"),
                    enrolled.getElementById("messages").asNormalizedText());
        }
    }

    private static org.htmlunit.WebRequest enrolPost(long cohort, String token, String action, String origin) throws Exception {
        var request = new org.htmlunit.WebRequest(new java.net.URI(TestStack.portalUrl() + "/me/enrol").toURL(), org.htmlunit.HttpMethod.POST);
        request.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("cohort", String.valueOf(cohort)),
                new org.htmlunit.util.NameValuePair("token", token), new org.htmlunit.util.NameValuePair("action", action)));
        request.setAdditionalHeader("Origin", origin);
        return request;
    }
}

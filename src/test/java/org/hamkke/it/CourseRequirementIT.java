package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A programme call that requires a completed course of the academy, through the real pages: staff
 * choose the course in the call editor; the home page and the form say so, with the way to the
 * course; a submission without it is refused in the applicant's language, naming the course and
 * linking its cohorts in the public catalog, and nothing is submitted; once the academy records the
 * course as completed the same submission goes through.
 */
class CourseRequirementIT {

    @RegisterExtension
    final TestPeople people = new TestPeople();

    @Test
    void aSubmissionWaitsForTheRequiredCourseAndGoesThroughOnceItIsCompleted() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long course = AcademyData.course("Bookkeeping " + tag);
        IntakeData.execute("update course set title = title || jsonb_build_object('fr', ?::text) where id = ?", "Comptabilité " + tag, course);
        // Closing before the calls other tests make: first on the home page.
        long call = IntakeData.id("""
                insert into programme_call (title, summary, opens_at, closes_at, time_zone)
                values (jsonb_build_object('en', ?::text), '{"en": "x"}', now() - interval '1 day', now() + interval '20 hours', 'UTC')
                returning id""", "Bookkeepers' call " + tag);

        // Staff choose the course in the call's editor.
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/call.xhtml?id=" + call);
            HtmlPage editor = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            HtmlSelect select = editor.getHtmlElementById("call:requiredCourse");
            assertTrue(select.getSelectedOptions().getFirst().getValueAttribute().isEmpty(), "none required yet");
            HtmlOption option = select.getOptionByValue(String.valueOf(course));
            select.setSelectedAttribute(option, true);
            HtmlPage saved = editor.<HtmlElement>getHtmlElementById("call:saveTop").click();
            assertEquals(String.valueOf(course), Db.text("select required_course_id from programme_call where id = ?", call),
                    saved::asNormalizedText);
            HtmlSelect again = saved.getHtmlElementById("call:requiredCourse");
            assertEquals(String.valueOf(course), again.getSelectedOptions().getFirst().getValueAttribute(), "kept when the editor opens again");
        }

        // The call's public card says so, with the way to the course.
        try (Visitor anyone = new Visitor()) {
            HtmlPage home = anyone.open("/");
            HtmlElement requirement = home.getFirstByXPath("//p[contains(@class,'requirement') and @data-course='" + course + "']");
            assertNotNull(requirement, home::asNormalizedText);
            assertTrue(requirement.asNormalizedText().contains("Bookkeeping " + tag), requirement::asNormalizedText);
            assertTrue(requirement.<HtmlElement>getFirstByXPath(".//a").getAttribute("href").endsWith("/academy/catalog.xhtml?course=" + course));
        }

        String username = people.create("fr");
        long person = AcademyData.personId(username);
        try (Visitor applicant = new Visitor("fr")) {
            applicant.open("/me/apply.xhtml?call=" + call);
            HtmlPage who = applicant.submitKeycloakLogin(username, TestPeople.PASSWORD);
            HtmlElement said = (HtmlElement) who.getElementById("course-requirement");
            assertNotNull(said, who::asNormalizedText);
            assertEquals("false", said.getAttribute("data-met"));
            assertTrue(said.asNormalizedText().contains("Comptabilité " + tag), "in French: " + said.asNormalizedText());
            assertTrue(who.getElementById("course-link").getAttribute("href").endsWith("/academy/catalog.xhtml?course=" + course));

            who.<HtmlInput>getHtmlElementById("apply:name").setValue("Coopérative des comptes " + tag);
            HtmlPage questions = who.<HtmlElement>getHtmlElementById("apply:next").click();
            HtmlPage review = questions.<HtmlElement>getHtmlElementById("apply:next").click();
            HtmlElement missing = review.getFirstByXPath("//li[@data-problem='apply.courseRequired']");
            assertNotNull(missing, review::asNormalizedText);
            assertTrue(missing.asNormalizedText().contains("Cet appel demande d'abord de terminer le cours « Comptabilité " + tag + " »"),
                    missing::asNormalizedText);
            assertTrue(missing.<HtmlElement>getFirstByXPath(".//a").getAttribute("href").endsWith("/academy/catalog.xhtml?course=" + course));

            HtmlPage refused = review.<HtmlElement>getHtmlElementById("apply:submit").click();
            String messages = refused.getElementById("messages").asNormalizedText();
            assertTrue(messages.contains("terminer le cours « Comptabilité " + tag + " »"), messages);
            assertNull(Db.value("select stage from application where call_id = ? and applicant_id = ?", call, person), "still a draft");
            assertEquals("Coopérative des comptes " + tag, Db.text("select name from application where call_id = ? and applicant_id = ?", call, person),
                    "what was typed is kept");
            // The catalog link leads to the course's cohorts, for anyone.
            assertEquals(200, applicant.open("/academy/catalog.xhtml?course=" + course).getWebResponse().getStatusCode());

            // The academy records the course as completed (another cohort's enrolment): the same form now goes through.
            long cohort = AcademyData.cohort(course, 5);
            AcademyData.enrol(cohort, person, "COMPLETED");
            HtmlPage ready = applicant.open("/me/apply.xhtml?call=" + call + "&step=4");
            assertEquals("true", ready.getElementById("course-requirement").getAttribute("data-met"));
            assertNull(ready.getFirstByXPath("//li[@data-problem='apply.courseRequired']"), ready::asNormalizedText);
            HtmlPage submitted = ready.<HtmlElement>getHtmlElementById("apply:submit").click();
            assertTrue(submitted.getUrl().toString().contains("/me/applications.xhtml"), submitted.getUrl() + " " + submitted.asNormalizedText());
            assertEquals("SUBMITTED", Db.text("select stage from application where call_id = ? and applicant_id = ?", call, person));
        }
    }

    @Test
    void aCourseThatIsNoneIsRefusedByTheEditorAndACallWithoutOneAsksNothing() throws Exception {
        long call = IntakeData.call("No course needed " + UUID.randomUUID(), false);
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/call.xhtml?id=" + call);
            HtmlPage editor = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            // A forged choice (a value the list never offered) is refused by the form, nothing saved.
            HtmlSelect select = editor.getHtmlElementById("call:requiredCourse");
            select.getOptions().getFirst().setValueAttribute("999999999");
            select.setSelectedAttribute(select.getOptions().getFirst(), true);
            HtmlPage refused = editor.<HtmlElement>getHtmlElementById("call:saveTop").click();
            assertEquals(200, refused.getWebResponse().getStatusCode());
            assertNull(Db.value("select required_course_id from programme_call where id = ?", call));
        }
        String username = people.create("en");
        try (Visitor applicant = new Visitor()) {
            applicant.open("/me/apply.xhtml?call=" + call);
            HtmlPage who = applicant.submitKeycloakLogin(username, TestPeople.PASSWORD);
            assertNull(who.getElementById("course-requirement"), "a call that requires no course says nothing of one");
        }
    }
}

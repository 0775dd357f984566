package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reviewer's home page: the applications assigned to them, the soonest due first (the call's
 * review deadline, in the portal's zone; those without one last), "overdue" once past it unless
 * submitted, and how far each review is (declared, draft, submitted); a name only once they
 * declared no conflict, and never under blind review; and an empty page that says what will come.
 */
class ReviewerHomeIT {

    @RegisterExtension
    final TestPeople people = new TestPeople();

    /** A call whose reviews are due {@code dueInHours} from now (null: no due date), closed before any due date. */
    private static long call(String title, Integer dueInHours, boolean blind) throws Exception {
        return IntakeData.id("""
                insert into programme_call (title, summary, opens_at, closes_at, time_zone, blind_review, review_deadline)
                values (jsonb_build_object('en', ?::text), '{"en": "x"}', now() - interval '30 days', now() - interval '20 days', 'UTC', ?,
                        now() + make_interval(hours => ?::int))
                returning id""", title, blind, dueInHours);
    }

    private static long assigned(long call, String name, long reviewer, String declared, String review) throws Exception {
        long application = IntakeData.application(call, IntakeData.person("Applicant of " + name, null, ""), name, "IN_REVIEW", 60);
        long assignment = IntakeData.assignment(application, reviewer, declared);
        if (review != null) {
            IntakeData.execute("insert into review (assignment_id, scores, status, submitted_at) values (?, '{}', ?, "
                    + "case when ? = 'SUBMITTED' then now() end)", assignment, review, review);
        }
        return application;
    }

    @Test
    void aReviewerWithNothingAssignedIsToldWhatWillComeHere() throws Exception {
        String reviewer = people.create("en", "reviewer");
        try (Visitor r = new Visitor()) {
            r.open("/reviewer/");
            HtmlPage home = r.submitKeycloakLogin(reviewer, TestPeople.PASSWORD);
            assertEquals(200, r.status());
            assertNotNull(home.getElementById("reviews-empty"), home.asNormalizedText());
            assertTrue(home.getElementById("reviews-empty").asNormalizedText().contains("appears here with its due date"));
            assertNull(home.getElementById("assignments"));
        }
    }

    @Test
    void assignmentsComeSoonestDueFirstWithTheirDueDateProgressAndOverdue() throws Exception {
        String username = people.create("en", "reviewer");
        long reviewer = Db.count("select id from person where username = ?", username);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long none = assigned(call("No deadline " + tag, null, false), "Venture Undated " + tag, reviewer, "NONE", "SUBMITTED");
        long later = assigned(call("Later " + tag, 20 * 24, false), "Venture Later " + tag, reviewer, "NONE", "DRAFT");
        long soon = assigned(call("Soon " + tag, 3 * 24, false), "Venture Soon " + tag, reviewer, "UNDECLARED", null);
        long blind = assigned(call("Blind " + tag, 4 * 24, true), "Venture Blind " + tag, reviewer, "NONE", null);
        long lateButDone = assigned(call("Done late " + tag, -24, false), "Venture Done " + tag, reviewer, "NONE", "SUBMITTED");
        long late = assigned(call("Late " + tag, -48, false), "Venture Late " + tag, reviewer, "NONE", null);
        try (Visitor r = new Visitor()) {
            r.open("/reviewer/");
            HtmlPage home = r.submitKeycloakLogin(username, TestPeople.PASSWORD);
            List<HtmlElement> items = home.getByXPath("//li[contains(@class,'assignment')]");
            assertEquals(List.of(late, lateButDone, soon, blind, later, none),
                    items.stream().map(li -> Long.valueOf(li.getAttribute("data-application"))).toList(), "The soonest due first, the undated last");

            HtmlElement overdue = item(home, late);
            assertTrue(overdue.getAttribute("class").contains("overdue"), overdue.asNormalizedText());
            Instant due = Instant.parse(overdue.<HtmlElement>getFirstByXPath(".//span[@data-due]").getAttribute("data-due"));
            String shown = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.ENGLISH)
                    .format(due.atZone(ZoneOffset.UTC));
            assertTrue(overdue.asNormalizedText().contains("due " + shown + " (UTC) overdue"), "The portal's zone: " + overdue.asNormalizedText());
            assertTrue(Math.abs(ChronoUnit.HOURS.between(Instant.now(), due) + 48) <= 1, "The call's review deadline: " + due);
            assertEquals(List.of("DECLARED"), steps(overdue, "done"));
            assertTrue(overdue.asNormalizedText().contains("Venture Late " + tag), "Declared, not blind: the name");

            HtmlElement done = item(home, lateButDone);
            assertFalse(done.getAttribute("class").contains("overdue"), "Submitted in time or not, nothing is overdue once submitted");
            assertEquals(List.of("DECLARED", "DRAFT", "SUBMITTED"), steps(done, "done"));

            HtmlElement undeclared = item(home, soon);
            assertEquals(List.of(), steps(undeclared, "done"));
            assertEquals("UNDECLARED", undeclared.getAttribute("data-status"));
            assertFalse(undeclared.asNormalizedText().contains("Venture Soon"), "No name before the declaration: " + undeclared.asNormalizedText());
            assertTrue(undeclared.asNormalizedText().contains("Application " + soon));

            assertTrue(item(home, blind).asNormalizedText().contains("Application " + blind), "Blind review: no name");
            assertFalse(item(home, blind).asNormalizedText().contains("Venture Blind"), item(home, blind).asNormalizedText());

            assertEquals(List.of("DECLARED", "DRAFT"), steps(item(home, later), "done"));
            assertTrue(item(home, none).asNormalizedText().contains("no due date"));
        }
    }

    private static HtmlElement item(HtmlPage home, long application) {
        return home.getFirstByXPath("//li[@data-application='" + application + "']");
    }

    private static List<String> steps(HtmlElement item, String state) {
        return item.<HtmlElement>getByXPath(".//ol[contains(@class,'progress')]/li[contains(@class,'" + state + "')]").stream()
                .map(li -> li.getAttribute("data-step")).toList();
    }
}

package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nobody reviews, moves or decides an application they or a co-member applied with, or declared a
 * conflict with: staff are told why instead of being offered the actions, and the services refuse
 * even a move confirmed on a page shown before the conflict was known; a reviewer who is a co-member, and
 * every reviewer of a withdrawn application, find it gone (404, files too, not on their list).
 */
class ConflictOfInterestIT {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    final TestPeople people = new TestPeople();

    private static HtmlPage signInAsStaff(Visitor staff, String path) throws Exception {
        staff.open(path);
        return staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
    }

    private static long staffId() throws Exception {
        return Db.count("select id from person where username = 'staff'");
    }

    private static String staffEmail() throws Exception {
        return (String) Db.value("select email from person where username = 'staff'");
    }

    private static HtmlElement row(HtmlPage table, long application) {
        HtmlElement row = table.getFirstByXPath("//tr[@data-rk='" + application + "']");
        assertNotNull(row, () -> "No row for " + application + " in " + table.asNormalizedText());
        return row;
    }

    private static String stage(long application) throws Exception {
        return (String) Db.value("select stage from application where id = ?", application);
    }

    @Test
    void staffAreToldWhyInsteadOfBeingOfferedTheActionsOnWhatTheyConflictWith() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long call = IntakeData.call("Own applications call " + tag, false);
        try (Visitor staff = new Visitor()) {
            signInAsStaff(staff, "/me/");
            long other = IntakeData.person("Someone " + tag, null, "");
            long member = IntakeData.application(call, other, "Staff's cousin's group " + tag, "SUBMITTED", 40);
            IntakeData.member(member, 1, "The staff member", staffEmail().toUpperCase());
            long own = IntakeData.application(call, staffId(), "Staff's own venture " + tag, "SUBMITTED", 30);
            long declared = IntakeData.application(call, IntakeData.person("Neighbour " + tag, null, ""), "Neighbour's group " + tag,
                    "IN_REVIEW", 20);
            IntakeData.assignment(declared, staffId(), "CONFLICT");
            long free = IntakeData.application(call, IntakeData.person("Stranger " + tag, null, ""), "A stranger's group " + tag,
                    "SUBMITTED", 10);

            StaffTable table = new StaffTable(staff).open(call, "");
            assertTrue(table.row(member).asNormalizedText().contains("Your e-mail address is listed as a member of this application"),
                    table.row(member).asNormalizedText());
            assertTrue(table.row(own).asNormalizedText().contains("You applied with this application"));
            assertTrue(table.row(declared).asNormalizedText().contains("You declared a conflict of interest with this application"));
            for (long conflicted : new long[] {member, own, declared}) {
                assertNull(table.row(conflicted).getFirstByXPath(".//button[contains(@class,'open-move')]"), "No move, no decision");
                assertFalse(table.selectable(conflicted), "Not offered for bulk actions either");
            }
            assertNotNull(table.row(free).getFirstByXPath(".//button[contains(@class,'open-move')]"), "Others are offered as before");
            assertTrue(table.selectable(free));

            HtmlPage page = staff.open("/staff/application.xhtml?id=" + member);
            assertEquals(200, staff.status());
            assertTrue(page.getElementById("own-conflict").asNormalizedText().contains("listed as a member"));
            assertNull(page.getElementById("decide"), "No decision form");
            assertNull(page.getElementById("reviews"), "Not who reviewed it, nor how");
            assertNotNull(page.getElementById("answers"), "Its answers are readable: they are the group's own");
        }
    }

    @Test
    void theServicesRefuseAConflictedMoveEvenFromAPageLoadedBeforeTheConflictWasKnown() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long call = IntakeData.call("Late conflict call " + tag, false);
        long single = IntakeData.application(call, IntakeData.person("One " + tag, null, ""), "Single move " + tag, "SUBMITTED", 30);
        long kept = IntakeData.application(call, IntakeData.person("Two " + tag, null, ""), "Bulk moved " + tag, "SUBMITTED", 20);
        long skipped = IntakeData.application(call, IntakeData.person("Three " + tag, null, ""), "Bulk skipped " + tag, "SUBMITTED", 10);
        try (Visitor staff = new Visitor()) {
            HtmlPage page = signInAsStaff(staff, "/staff/application.xhtml?id=" + single);
            assertNotNull(page.getElementById("decide"), "No conflict yet: the form is offered");
            // Meanwhile the staff member turns out to be one of its members.
            IntakeData.member(single, 1, "Staff", staffEmail());
            page.<HtmlSelect>getHtmlElementById("decide:to").setSelectedAttribute("SCREENING", true);
            page.<HtmlTextArea>getHtmlElementById("decide:reason").setText("Looks eligible");
            // The form no longer exists when the post arrives (the page offers no action now), so nothing runs.
            HtmlPage refused = page.<HtmlElement>getHtmlElementById("decide:move").click();
            assertEquals(200, staff.status());
            assertTrue(refused.getElementById("own-conflict").asNormalizedText().contains("Your e-mail address is listed as a member"),
                    refused.asNormalizedText());
            assertNull(refused.getElementById("decide"));
            assertEquals("SUBMITTED", stage(single), "Not moved");
            assertEquals(0, Db.count("select count(*) from stage_change where application_id = ?", single));

            // A confirmation page is posted back whatever it showed: here the service itself refuses.

            StaffTable table = new StaffTable(staff).open(call, "");
            table.tick(kept, skipped).withSelected().bulk("SCREENING", "");
            IntakeData.member(skipped, 1, "Staff", staffEmail());
            table.confirm();
            String text = table.messages();
            assertTrue(text.contains("1 done, 1 skipped"), text);
            assertTrue(text.contains("you have a conflict of interest with them"), text);
        }
        assertEquals("SCREENING", stage(kept));
        assertEquals("SUBMITTED", stage(skipped), "The service refused it, whatever the confirmation page showed");
    }

    @Test
    void aCoMemberAndEveryReviewerOfAWithdrawnApplicationFindItGone() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reviewer = people.create("en", "reviewer");
        long reviewerId = Db.count("select id from person where username = ?", reviewer);
        long call = IntakeData.call("Closing doors call " + tag, false);
        long question = IntakeData.question(call, 1, "FILE", "Your budget", false);
        long withdrawn = IntakeData.application(call, IntakeData.person("W " + tag, null, ""), "Soon withdrawn " + tag, "IN_REVIEW", 20);
        long file = IntakeData.file(withdrawn, question, "budget.pdf", "application/pdf", PDF);
        IntakeData.assignment(withdrawn, reviewerId, "NONE");
        long coMember = IntakeData.application(call, IntakeData.person("M " + tag, null, ""), "Reviewer's own group " + tag, "IN_REVIEW", 10);
        long memberFile = IntakeData.file(coMember, question, "plan.pdf", "application/pdf", PDF);
        IntakeData.assignment(coMember, reviewerId, "NONE");
        IntakeData.member(coMember, 1, "The reviewer", KeycloakAdmin.emailOf(reviewer).toUpperCase());

        try (Visitor r = new Visitor()) {
            r.open("/reviewer/");
            HtmlPage list = r.submitKeycloakLogin(reviewer, TestPeople.PASSWORD);
            assertNotNull(list.getFirstByXPath("//li[@data-application='" + withdrawn + "']"), "Assigned and open");
            assertNull(list.getFirstByXPath("//li[@data-application='" + coMember + "']"), "A co-member's own group is never listed");
            r.open("/reviewer/review.xhtml?application=" + withdrawn);
            assertEquals(200, r.status());
            assertEquals(200, r.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + file).getWebResponse().getStatusCode());
            r.open("/reviewer/review.xhtml?application=" + coMember);
            assertEquals(404, r.status(), "Assigned, declared no conflict, but a member by e-mail address");
            assertEquals(404, r.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + memberFile).getWebResponse().getStatusCode());

            IntakeData.execute("update application set stage = 'WITHDRAWN' where id = ?", withdrawn);
            HtmlPage after = r.open("/reviewer/");
            assertNull(after.getFirstByXPath("//li[@data-application='" + withdrawn + "']"), "Gone from the list");
            assertFalse(after.asNormalizedText().contains("Application " + withdrawn), after.asNormalizedText());
            r.open("/reviewer/review.xhtml?application=" + withdrawn);
            assertEquals(404, r.status(), "Withdrawn: closed to its reviewers");
            assertEquals(404, r.openRaw(TestStack.portalUrl() + "/files/attachment?id=" + file).getWebResponse().getStatusCode());
        }
    }
}

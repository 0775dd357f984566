package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

/**
 * Staff at a cohort's roster: approving and declining requests, cancelling with a reason (required,
 * and told to the person), enrolling people in bulk (found by name and pasted addresses) with who
 * got a seat and who went to the waitlist, the CSV export; and the lazy table itself, paged and
 * sorted by PrimeFaces' own requests, answered from the database. Every action audited.
 */
class AcademyRosterIT {

    private static HtmlPage click(HtmlPage page, String id) throws Exception {
        return page.<HtmlElement>getHtmlElementById(id).click();
    }

    @Test
    void staffApproveDeclineCancelAndEnrolInBulk() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long cohort = AcademyData.cohort(AcademyData.course("Roster course " + tag), 2, Map.of("approval_required", true));
        long[] people = new long[8];
        for (int i = 1; i < people.length; i++) {
            people[i] = IntakeData.person("Roster p" + i + " " + tag, "roster-p" + i + "+" + tag + "@it.example", "");
        }
        long r1 = AcademyData.enrol(cohort, people[1], "REQUESTED");
        long r2 = AcademyData.enrol(cohort, people[2], "REQUESTED");
        AcademyData.enrol(cohort, people[3], "REQUESTED");

        try (Visitor staff = new Visitor()) {
            staff.open("/staff/roster.xhtml?cohort=" + cohort);
            HtmlPage roster = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertEquals(3, roster.getByXPath("//table//span[@data-status='REQUESTED']").size(), roster.asNormalizedText());

            // Approve the first request: the link shows it, the post confirms it.
            HtmlPage confirm = staff.open("/staff/roster.xhtml?cohort=" + cohort + "&approve=" + r1);
            assertEquals("REQUESTED", AcademyData.status(r1), "Asking changes nothing");
            HtmlPage done = click(confirm, "confirm:confirmButton");
            assertTrue(done.asNormalizedText().contains("Request approved: Roster p1 " + tag), done.asNormalizedText());
            assertEquals("CONFIRMED", AcademyData.status(r1));

            // Decline the second, with a reason the person reads.
            confirm = staff.open("/staff/roster.xhtml?cohort=" + cohort + "&refuse=" + r2);
            confirm.<HtmlTextArea>getHtmlElementById("confirm:reason").setText("This cohort is for members of the Manila cooperatives.");
            click(confirm, "confirm:confirmButton");
            assertEquals("CANCELLED", AcademyData.status(r2));
            assertEquals("This cohort is for members of the Manila cooperatives.",
                    Db.text("select data ->> 'reason' from notice where recipient_id = ? and kind = 'enrolment-cancelled'", people[2]));

            // Cancelling needs a reason: without one nothing changes, and what was asked stays on the page.
            confirm = staff.open("/staff/roster.xhtml?cohort=" + cohort + "&cancel=" + r1);
            HtmlPage refused = click(confirm, "confirm:confirmButton");
            assertTrue(refused.asNormalizedText().contains("Write the reason: the person reads it."), refused.asNormalizedText());
            assertEquals("CONFIRMED", AcademyData.status(r1));
            refused.<HtmlTextArea>getHtmlElementById("confirm:reason").setText("Moved to the June cohort at her request.");
            click(refused, "confirm:confirmButton");
            assertEquals("CANCELLED", AcademyData.status(r1));
            assertEquals("STAFF", Db.text("select ended_reason from enrolment where id = ?", r1));

            // Bulk: one person picked by name, then three addresses pasted (one unknown, one already requested).
            HtmlPage found = staff.open("/staff/roster.xhtml?cohort=" + cohort + "&find=" + "Roster+p7+" + tag);
            found.<HtmlCheckBoxInput>getFirstByXPath("//input[@type='checkbox' and contains(@name,'picked')]").setChecked(true);
            found.<HtmlTextArea>getHtmlElementById("bulkForm:emails").setText(String.join("\n",
                    "roster-p4+" + tag + "@it.example", "nobody+" + tag + "@it.example", "<ROSTER-P5+" + tag + "@it.example>",
                    "roster-p3+" + tag + "@it.example", "roster-p6+" + tag + "@it.example"));
            HtmlPage bulk = click(found, "bulkForm:enrolAll");
            assertTrue(bulk.getElementById("bulk-confirmed").asNormalizedText().contains("2: Roster p7 " + tag + ", Roster p4 " + tag),
                    bulk.getElementById("bulk-result").asNormalizedText());
            assertTrue(bulk.getElementById("bulk-waitlisted").asNormalizedText().contains("2: Roster p5 " + tag + ", Roster p6 " + tag));
            assertTrue(bulk.getElementById("bulk-already").asNormalizedText().contains("Roster p3 " + tag));
            assertTrue(bulk.getElementById("bulk-unknown").asNormalizedText().contains("nobody+" + tag + "@it.example"));
            assertEquals(List.of("Roster p5 " + tag, "Roster p6 " + tag), Db.values("""
                    select p.display_name from enrolment e join person p on p.id = e.person_id
                    where e.cohort_id = ? and e.status = 'WAITLISTED' order by e.requested_seq""", cohort), "In the order given");
            assertEquals(2L, Db.count("select seats_taken from cohort where id = ?", cohort), "Capacity honoured");

            // The export: every enrolment, in request order, as CSV; audited like every action above.
            HtmlPage current = staff.open("/staff/roster.xhtml?cohort=" + cohort);
            Page csv = current.<HtmlElement>getHtmlElementById("roster:export").click();
            assertTrue(csv.getWebResponse().getContentType().contains("csv"), csv.getWebResponse().getContentType());
            byte[] bytes = csv.getWebResponse().getContentAsStream().readAllBytes();
            String body = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF, "A byte-order mark for spreadsheets");
            assertTrue(body.startsWith("\uFEFFname,email,status,position"), body);
            assertEquals(8, body.strip().split("\r\n").length, body);
            assertTrue(body.contains("Roster p2 " + tag + ",roster-p2+" + tag + "@it.example,CANCELLED"), body);
        }
        assertEquals(List.of("cohort.bulk-enrol", "cohort.roster.export", "enrolment.approve", "enrolment.cancel", "enrolment.refuse"),
                Db.values("select distinct action from audit_entry where object_type = 'cohort' and object_id = ? order by action",
                        String.valueOf(cohort)));
    }

    /**
     * The table pages and sorts in the database through PrimeFaces' own ajax requests: 30 people,
     * 25 a page, the second page holds the last five; sorted by name, descending, the page starts
     * with the last name.
     */
    @Test
    void theLazyTablePagesAndSortsInTheDatabase() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long cohort = AcademyData.cohort(AcademyData.course("Lazy course " + tag), 40);
        for (int i = 1; i <= 30; i++) {
            AcademyData.enrol(cohort, IntakeData.person(String.format("Lazy %02d %s", i, tag), null, ""), "CONFIRMED");
        }
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/roster.xhtml?cohort=" + cohort);
            HtmlPage roster = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertEquals(25, names(roster.asXml()).size(), "The first page, rendered without JavaScript");

            List<String> second = names(ajax(staff, roster, cohort, List.of(new NameValuePair("roster:table_pagination", "true"),
                    new NameValuePair("roster:table_first", "25"), new NameValuePair("roster:table_rows", "25"))));
            assertEquals(List.of("Lazy 26 " + tag, "Lazy 27 " + tag, "Lazy 28 " + tag, "Lazy 29 " + tag, "Lazy 30 " + tag), second);

            List<String> byName = names(ajax(staff, roster, cohort, List.of(new NameValuePair("roster:table_sorting", "true"),
                    new NameValuePair("roster:table_sortKey", "roster:table:name"), new NameValuePair("roster:table_sortDir", "-1"))));
            assertEquals("Lazy 30 " + tag, byName.getFirst(), byName.toString());
            assertFalse(byName.contains("Lazy 01 " + tag), "Not on the first page when sorted backwards");
        }
    }

    /** Posts one of the table's ajax requests with the page's view state, as PrimeFaces' script would. */
    private static String ajax(Visitor staff, HtmlPage roster, long cohort, List<NameValuePair> extra) throws Exception {
        String viewState = roster.<HtmlInput>getFirstByXPath("//form[@id='roster']//input[@name='jakarta.faces.ViewState']").getValue();
        String nonce = roster.<HtmlInput>getFirstByXPath("//form[@id='roster']//input[@name='primefaces.nonce']").getValue();
        String action = roster.<HtmlElement>getHtmlElementById("roster").getAttribute("action");
        WebRequest post = new WebRequest(new URI(TestStack.portalUrl()).resolve(action).toURL(), HttpMethod.POST);
        List<NameValuePair> params = new ArrayList<>(List.of(
                new NameValuePair("jakarta.faces.partial.ajax", "true"), new NameValuePair("jakarta.faces.source", "roster:table"),
                new NameValuePair("jakarta.faces.partial.execute", "roster:table"), new NameValuePair("jakarta.faces.partial.render", "roster:table"),
                new NameValuePair("roster:table_encodeFeature", "true"), new NameValuePair("roster:table_skipChildren", "true"),
                new NameValuePair("roster", "roster"), new NameValuePair("primefaces.nonce", nonce),
                new NameValuePair("jakarta.faces.ViewState", viewState)));
        params.addAll(extra);
        post.setRequestParameters(params);
        post.setAdditionalHeader("Faces-Request", "partial/ajax");
        post.setAdditionalHeader("X-Requested-With", "XMLHttpRequest");
        post.setAdditionalHeader("Origin", TestStack.portalUrl());
        Page answer = staff.browser().getPage(post);
        assertEquals(200, answer.getWebResponse().getStatusCode());
        return answer.getWebResponse().getContentAsString();
    }

    private static List<String> names(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"name\" data-enrolment=\"\\d+\"[^>]*>([^<]+)<").matcher(html);
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return names;
    }
}

package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.Set;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;

/**
 * Giving applications reviewers, automatically, in bulk and by hand, through the staff table:
 * everyone who conflicts with an application (its applicant, a co-member found by e-mail address,
 * whoever declared a conflict) is left out of it, the least loaded reviewers of the call come
 * first, and what the page reports is the number of rows written.
 */
class ReviewerAssignmentIT {

    private static final String STAFF_TABLE = "/staff/applications.xhtml?call=";

    /** Three reviewers nobody has given work in this call yet, and the load of everyone else. */
    private record Pool(long call, long r1, String r1Name, long r2, long r3) {}

    /**
     * A new call where every reviewer already known has one assignment (on an application that is
     * only submitted, so automatic assignment leaves it alone) and three new reviewers have none:
     * the balance must then pick the new ones first, unless they conflict.
     */
    private static Pool pool(String tag) throws Exception {
        long call = IntakeData.call("Assignment call " + tag, true);
        String r1Name = "Rin Reviewer " + tag;
        // Mixed case in the person's address; the member's address below is in lower case: they match.
        long r1 = IntakeData.person(r1Name, "Rin.Reviewer+" + tag + "@IT.Example", "reviewer");
        long r2 = IntakeData.person("Ravi Reviewer " + tag, "ravi+" + tag + "@it.example", "reviewer");
        long r3 = IntakeData.person("Rosa Reviewer " + tag, "rosa+" + tag + "@it.example", "reviewer");
        long holder = IntakeData.person("Load holder " + tag, null, "");
        long loaded = IntakeData.application(call, holder, "Already reviewed elsewhere " + tag, "SUBMITTED", 500);
        IntakeData.execute("""
                insert into review_assignment (application_id, reviewer_id, assigned_at, conflict, declared_at)
                select ?, person_id, now(), 'NONE', now() from person_role
                where role = 'reviewer' and person_id not in (?, ?, ?)""", loaded, r1, r2, r3);
        return new Pool(call, r1, r1Name, r2, r3);
    }

    private static Set<Long> reviewersOf(long application) throws Exception {
        try (var db = Db.connect(); var s = db.prepareStatement(
                "select reviewer_id from review_assignment where application_id = ? and conflict <> 'CONFLICT'")) {
            s.setLong(1, application);
            var r = s.executeQuery();
            var ids = new java.util.HashSet<Long>();
            while (r.next()) {
                ids.add(r.getLong(1));
            }
            return ids;
        }
    }

    private static long rowsOfCall(long call) throws Exception {
        return Db.count("select count(*) from review_assignment ra join application a on a.id = ra.application_id where a.call_id = ?",
                call);
    }

    private static HtmlPage staffTable(Visitor staff, long call) throws Exception {
        staff.open(STAFF_TABLE + call);
        return staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
    }

    @Test
    void automaticAssignmentLeavesConflictedPeopleOutAndPicksTheLeastLoaded() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Pool pool = pool(tag);
        long applicant = IntakeData.person("Applicant " + tag, null, "");
        // A1: R1 is a member (by e-mail address); A2: R2 applied with it; A3: R3 declared a conflict.
        long a1 = IntakeData.application(pool.call(), applicant, "A1 Weavers " + tag, "IN_REVIEW", 40);
        IntakeData.member(a1, 1, "Rin", "rin.reviewer+" + tag + "@it.example");
        long a2 = IntakeData.application(pool.call(), pool.r2(), "A2 Bakers " + tag, "IN_REVIEW", 30);
        long a3 = IntakeData.application(pool.call(), IntakeData.person("Other " + tag, null, ""), "A3 Potters " + tag, "IN_REVIEW", 20);
        IntakeData.assignment(a3, pool.r3(), "CONFLICT");
        long submitted = IntakeData.application(pool.call(), IntakeData.person("Early " + tag, null, ""), "Only submitted " + tag,
                "SUBMITTED", 10);
        long before = rowsOfCall(pool.call());

        try (Visitor staff = new Visitor()) {
            HtmlPage table = staffTable(staff, pool.call());
            HtmlPage done = table.<HtmlElement>getHtmlElementById("auto:autoAssign").click();
            long added = rowsOfCall(pool.call()) - before;
            assertEquals(6, added, "Two reviewers for each of the three applications in review");
            assertTrue(done.asNormalizedText().contains(added + " reviewer assignments added"), "Counted by rows: " + done.asNormalizedText());
        }
        assertEquals(Set.of(pool.r2(), pool.r3()), reviewersOf(a1), "The two least loaded who may review it; not R1, a member");
        assertTrue(reviewersOf(a2).contains(pool.r1()), "R1, still the least loaded, where R1 may review");
        assertTrue(!reviewersOf(a2).contains(pool.r2()), "Never the applicant");
        assertEquals(2, reviewersOf(a3).size());
        assertTrue(!reviewersOf(a3).contains(pool.r3()), "Not who declared a conflict");
        assertEquals(1, Db.count("select count(*) from review_assignment where application_id = ? and reviewer_id = ?", a3, pool.r3()),
                "Only the declared conflict itself");
        assertEquals(0, Db.count("select count(*) from review_assignment where application_id = ?", submitted),
                "Only applications in review get reviewers");
    }

    @Test
    void bulkAssignmentGivesReviewersToTheTickedApplicationsOnly() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Pool pool = pool(tag);
        long a = IntakeData.application(pool.call(), IntakeData.person("A " + tag, null, ""), "Ticked one " + tag, "IN_REVIEW", 30);
        long b = IntakeData.application(pool.call(), pool.r1(), "Ticked two " + tag, "IN_REVIEW", 20);
        long c = IntakeData.application(pool.call(), IntakeData.person("C " + tag, null, ""), "Not ticked " + tag, "IN_REVIEW", 10);
        try (Visitor staff = new Visitor()) {
            staffTable(staff, pool.call());
            StaffTable table = new StaffTable(staff).open(pool.call(), "");
            table.tick(a, b).withSelected().bulk("ASSIGN", "");
            assertTrue(table.confirmation().contains("Ticked one " + tag), table.confirmation());
            assertEquals(0, Db.count("select count(*) from review_assignment where application_id in (?, ?)", a, b),
                    "Nothing before the confirmation");
            table.confirm();
            assertTrue(table.messages().contains("4 done, 0 skipped"), table.messages());
            String reviewers = table.row(a).<HtmlElement>getFirstByXPath(".//td[contains(@class,'reviewers')]").asNormalizedText();
            assertEquals(2, reviewers.split(", ").length, "The table names the reviewers now assigned: " + reviewers);
        }
        assertEquals(Set.of(pool.r1(), pool.r2()), reviewersOf(a), "The least loaded first (ties to the earliest)");
        assertEquals(2, reviewersOf(b).size());
        assertTrue(reviewersOf(b).contains(pool.r3()), "The one still without work");
        assertTrue(!reviewersOf(b).contains(pool.r1()), "Not its own applicant");
        assertEquals(Set.of(), reviewersOf(c), "Not ticked, not given reviewers");
    }

    @Test
    void assigningAConflictedReviewerByHandIsRefusedSayingWhy() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Pool pool = pool(tag);
        long application = IntakeData.application(pool.call(), IntakeData.person("Applicant " + tag, null, ""),
                "Seaweed Sisters " + tag, "IN_REVIEW", 10);
        IntakeData.member(application, 1, "Rin", "RIN.REVIEWER+" + tag + "@it.example");
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/application.xhtml?id=" + application);
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            HtmlSelect select = page.getHtmlElementById("assign:reviewer");
            HtmlOption option = select.getOptions().stream().filter(o -> o.getText().equals(pool.r1Name())).findFirst().orElseThrow();
            select.setSelectedAttribute(option, true);
            HtmlPage refused = page.<HtmlElement>getHtmlElementById("assign:assignButton").click();
            String text = refused.getElementById("messages").asNormalizedText();
            assertTrue(text.contains("Not assigned: " + pool.r1Name() + "'s e-mail address is listed as a member of Seaweed Sisters " + tag),
                    text);
            assertEquals(200, staff.status());
        }
        assertEquals(Set.of(), reviewersOf(application));
        assertEquals(0, Db.count("select count(*) from audit_entry where action = 'review.assign' and object_id = ?",
                String.valueOf(application)));
    }
}

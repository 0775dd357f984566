package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Staff move applications along the pipeline through the real pages: only allowed moves, each
 * recorded; a decision needs a message, reaches the applicant in their language, and acceptance
 * creates the venture; two staff on one application: the second is told and keeps their text.
 */
class PipelineIT {

    private String username;

    @AfterEach
    void removeUser() throws Exception {
        var admin = new KeycloakAdmin();
        if (username != null && admin.exists(username)) {
            admin.deleteUser(admin.userId(username));
        }
    }

    /** A person who signed in once (so the portal knows them), with a submitted application to a new call. */
    private long submittedApplication(String locale) throws Exception {
        username = KeycloakAdmin.randomUsername();
        new KeycloakAdmin().createUser(username, "a-long-passphrase-1", locale);
        try (Visitor applicant = new Visitor()) {
            applicant.open("/me/");
            applicant.submitKeycloakLogin(username, "a-long-passphrase-1");
        }
        try (Connection db = Db.connect()) {
            long call = insertReturningId(db, """
                    insert into programme_call (title, summary, opens_at, closes_at, time_zone)
                    values ('{"en": "Weavers call", "fr": "Appel aux tisserandes"}', '{"en": "x"}', now() - interval '5 days',
                            now() + interval '5 days', 'Asia/Seoul') returning id""");
            long application = insertReturningId(db, """
                    insert into application (call_id, applicant_id, applicant_kind, name, legal_form, sector, region,
                                             stage, created_at, updated_at, submitted_at, receipt)
                    select %d, id, 'COLLECTIVE', 'Coopérative Tissage', 'cooperative', 'textiles', 'Jakarta',
                           'SUBMITTED', now(), now(), now(), 'R-' || gen_random_uuid() from person where username = '%s'
                    returning id""".formatted(call, username));
            try (var s = db.createStatement()) {
                s.execute("insert into application_member (application_id, position, name, role, consent_at) values "
                        + "(" + application + ", 1, 'Siti', 'treasurer', now()), (" + application + ", 2, 'Dewi', 'weaver', now())");
            }
            return application;
        }
    }

    private static long insertReturningId(Connection db, String sql) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long callOf(long application) throws Exception {
        return Db.count("select call_id from application where id = ?", application);
    }

    private static HtmlForm formOf(HtmlPage page, long application) {
        HtmlForm form = page.getFirstByXPath("//form[@data-application='" + application + "']");
        assertTrue(form != null, () -> "No form for application " + application + " in " + page.asNormalizedText());
        return form;
    }

    private static HtmlPage move(HtmlPage page, long application, String to, String reason) throws Exception {
        HtmlForm form = formOf(page, application);
        form.<HtmlSelect>getFirstByXPath(".//select[contains(@id,':to')]").setSelectedAttribute(to, true);
        form.<HtmlTextArea>getFirstByXPath(".//textarea").setText(reason);
        return form.<HtmlElement>getFirstByXPath(".//input[@type='submit' and contains(@id,':move')]").click();
    }

    private static String stage(long application) throws Exception {
        return (String) Db.value("select stage from application where id = ?", application);
    }

    @Test
    void staffMoveAlongTheAllowedPathAndAcceptanceCreatesTheVenture() throws Exception {
        long application = submittedApplication("fr");
        long call = callOf(application);
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml");
            HtmlPage calls = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            HtmlPage pipeline = calls.<HtmlElement>getFirstByXPath("//a[@data-call='" + call + "']").click();

            List<String> offered = formOf(pipeline, application).<HtmlSelect>getFirstByXPath(".//select[contains(@id,':to')]").getOptions().stream()
                    .map(o -> o.getValueAttribute()).filter(v -> !v.isEmpty()).toList();
            assertEquals(List.of("SCREENING", "REJECTED"), offered, "Only the moves the state machine allows");

            HtmlPage after = move(pipeline, application, "SCREENING", "Eligible: collective of home-based weavers");
            assertTrue(after.asNormalizedText().contains("Moved: Coopérative Tissage"), after.asNormalizedText());
            assertEquals("SCREENING", stage(application));

            after = move(after, application, "IN_REVIEW", "");
            assertEquals("IN_REVIEW", stage(application));

            HtmlPage refused = move(after, application, "ACCEPTED", "   ");
            assertTrue(refused.asNormalizedText().contains("A decision needs a message"));
            assertEquals("IN_REVIEW", stage(application), "Nothing changed");

            move(refused, application, "ACCEPTED", "Bienvenue dans le programme ! Première réunion lundi.");
            assertEquals("ACCEPTED", stage(application));
        }
        assertEquals(3, Db.count("select count(*) from stage_change where application_id = ? and actor = 'staff'", application));
        assertEquals(3, Db.count("select count(*) from audit_entry where action = 'application.move' and object_id = ?",
                String.valueOf(application)));
        assertEquals(3, Db.count("select count(*) from venture_member m join venture v on v.id = m.venture_id "
                + "where v.application_id = ?", application), "The venture with the applicant and both members");
        assertEquals("Coopérative Tissage", Db.value("select name from venture where application_id = ?", application));

        Mailbox.Mail decision = new Mailbox(KeycloakAdmin.emailOf(username))
                .await(m -> m.subject().startsWith("Décision"), 1, Duration.ofSeconds(30)).getFirst();
        assertEquals("Décision sur votre candidature à Appel aux tisserandes", decision.subject());
        assertTrue(decision.text().contains("acceptée") && decision.text().contains("Première réunion lundi"), decision.text());
    }

    @Test
    void bulkActionsAskForConfirmationSkipWhatCannotMoveAndRecordEachMove() throws Exception {
        long call;
        List<Long> apps = new java.util.ArrayList<>();
        try (Connection db = Db.connect()) {
            call = insertReturningId(db, """
                    insert into programme_call (title, summary, opens_at, closes_at, time_zone)
                    values ('{"en": "Bulk call"}', '{"en": "x"}', now() - interval '5 days', now() + interval '5 days', 'UTC') returning id""");
            String[] stages = {"SUBMITTED", "SUBMITTED", "WITHDRAWN"};
            String[] names = {"Alpha Bakers", "Beta Weavers", "Gamma Potters"};
            List<Long> people = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                people.add(insertReturningId(db, "insert into person (subject, username, display_name, created_at) values ('it:bulk:%d:%d', "
                        .formatted(call, i) + "'bulk-%d-%d', '%s', now()) returning id".formatted(call, i, names[i])));
            }
            for (int i = 0; i < 3; i++) {
                apps.add(insertReturningId(db, """
                        insert into application (call_id, applicant_id, name, stage, created_at, updated_at, submitted_at, receipt)
                        values (%d, %d, '%s', '%s', now(), now(), now(), 'B-' || gen_random_uuid()) returning id"""
                        .formatted(call, people.get(i), names[i], stages[i])));
            }
        }
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml?call=" + call + "&sort=NAME");
            HtmlPage table = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            List<String> order = table.<HtmlElement>getByXPath("//form[@data-application]//h2").stream()
                    .map(h -> h.getTextContent().strip()).toList();
            assertTrue(order.get(0).startsWith("Alpha") && order.get(2).startsWith("Gamma"), order.toString());

            // A decision for many still needs its message: refused before any confirmation.
            tick(table, apps.get(0));
            table.<HtmlSelect>getHtmlElementById("bulk:bulkAction").setSelectedAttribute("REJECTED", true);
            HtmlPage refused = table.<HtmlElement>getHtmlElementById("bulk:prepareBulk").click();
            assertTrue(refused.asNormalizedText().contains("A decision needs a message"), refused.asNormalizedText());
            assertTrue(refused.getElementById("confirmBulk") == null);

            for (long app : apps) {
                tick(refused, app);
            }
            refused.<HtmlSelect>getHtmlElementById("bulk:bulkAction").setSelectedAttribute("SCREENING", true);
            refused.<HtmlTextArea>getHtmlElementById("bulk:bulkReason").setText("Eligible after a first read");
            HtmlPage confirm = refused.<HtmlElement>getHtmlElementById("bulk:prepareBulk").click();
            String listed = confirm.getElementById("bulk-selection").asNormalizedText();
            assertTrue(listed.contains("Alpha Bakers") && listed.contains("Beta Weavers"), listed);
            assertTrue(listed.contains("Gamma Potters (Withdrawn) — not possible from its stage"), listed);
            assertEquals("SUBMITTED", stage(apps.get(0)), "Nothing moves before the confirmation");

            HtmlPage done = confirm.<HtmlElement>getHtmlElementById("confirmBulk:confirm").click();
            assertTrue(done.asNormalizedText().contains("2 done, 0 skipped"), done.asNormalizedText());
        }
        assertEquals("SCREENING", stage(apps.get(0)));
        assertEquals("SCREENING", stage(apps.get(1)));
        assertEquals("WITHDRAWN", stage(apps.get(2)));
        assertEquals(1, Db.count("select count(*) from stage_change where application_id = ? and reason = 'Eligible after a first read'",
                apps.get(0)), "Each move has its own history line");
        assertEquals(1, Db.count("select count(*) from audit_entry where action = 'application.bulk' and object_id = ?",
                String.valueOf(call)));
    }

    @Test
    void theBoardShowsEveryStageWithItsCount() throws Exception {
        long application = submittedApplication("en");
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml?call=" + callOf(application) + "&view=board");
            HtmlPage board = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            List<HtmlElement> columns = board.getByXPath("//section[contains(@class,'column')]");
            assertEquals(8, columns.size(), "One column per stage");
            HtmlElement submitted = board.getFirstByXPath("//section[@data-stage='SUBMITTED']");
            assertTrue(submitted.asNormalizedText().contains("1") && submitted.asNormalizedText().contains("Coopérative Tissage"),
                    submitted.asNormalizedText());
        }
    }

    private static void tick(HtmlPage page, long application) {
        org.htmlunit.html.HtmlCheckBoxInput box = page.getHtmlElementById("select-" + application);
        box.setChecked(true);
    }

    @Test
    void aMoveTheMachineForbidsIsRefusedEvenWhenForged() throws Exception {
        long application = submittedApplication("en");
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml?call=" + callOf(application));
            HtmlPage pipeline = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            HtmlSelect select = formOf(pipeline, application).getFirstByXPath(".//select[contains(@id,':to')]");
            DomElement forged = pipeline.createElement("option");
            forged.setAttribute("value", "ACCEPTED");
            select.appendChild(forged);
            HtmlPage answer = move(pipeline, application, "ACCEPTED", "Straight in, skipping review");
            assertEquals(200, staff.status(), "A refused value is a message on the page, not an error page");
            assertTrue(answer.getFirstByXPath("//span[contains(@class,'field-error')]") != null, answer.asNormalizedText());
        }
        assertEquals("SUBMITTED", stage(application));
        assertEquals(0, Db.count("select count(*) from stage_change where application_id = ?", application));
    }

    @Test
    void theSecondOfTwoStaffIsToldAndKeepsWhatTheyTyped() throws Exception {
        long application = submittedApplication("en");
        String url = "/staff/applications.xhtml?call=" + callOf(application);
        try (Visitor first = new Visitor(); Visitor second = new Visitor()) {
            first.open(url);
            HtmlPage firstPage = first.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            second.open(url);
            HtmlPage secondPage = second.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());

            move(firstPage, application, "SCREENING", "Looks eligible");
            HtmlPage told = move(secondPage, application, "REJECTED", "Outside the region this year; please apply again");

            assertTrue(told.asNormalizedText().contains("Someone else changed this application"), told.asNormalizedText());
            assertEquals("Outside the region this year; please apply again",
                    formOf(told, application).<HtmlTextArea>getFirstByXPath(".//textarea").getText(), "Nothing typed is lost");
        }
        assertEquals("SCREENING", stage(application), "The first move stands; the second did not overwrite it");
    }

    /** One application of the paging test: what the table orders by. */
    private record Paged(long id, String name, int minutesAgo, String stage) {}

    /**
     * The table pages by key: "next" and "previous" walk the whole call and back in each order,
     * with a stage or without, each row exactly once, the last page without "next" and the first
     * without "previous".
     */
    @Test
    void theTablePagesForwardAndBackInEveryOrder() throws Exception {
        String[] words = {"apple", "Banana", "cherry", "Date", "elder", "Fig", "grape", "Hazel", "iris", "Juniper"};
        long call = IntakeData.call("Paging call " + java.util.UUID.randomUUID(), false);
        long applicant = IntakeData.person("Paging applicants", null, "");
        List<Paged> all = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = words[i % 10] + " " + String.format("%02d", i);
            int minutesAgo = (i * 37) % 60 + 1;  // 37 and 60 share no factor: every minute once, out of order
            String stage = i % 2 == 0 ? "SCREENING" : "SUBMITTED";
            long person = i == 0 ? applicant : IntakeData.person("Paging applicant " + i, null, "");
            all.add(new Paged(IntakeData.application(call, person, name, stage, minutesAgo), name, minutesAgo, stage));
        }
        var newest = java.util.Comparator.comparingInt(Paged::minutesAgo);
        var byName = java.util.Comparator.comparing((Paged p) -> p.name().toLowerCase(java.util.Locale.ROOT)).thenComparingLong(Paged::id);
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml?call=" + call);
            HtmlPage first = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertTrue(first.getElementById("total").asNormalizedText().contains("60 applications"));
            walk(staff, "/staff/applications.xhtml?call=" + call + "&sort=NEWEST", all.stream().sorted(newest).toList(), 3);
            walk(staff, "/staff/applications.xhtml?call=" + call + "&sort=OLDEST", all.stream().sorted(newest.reversed()).toList(), 3);
            walk(staff, "/staff/applications.xhtml?call=" + call + "&sort=NAME", all.stream().sorted(byName).toList(), 3);
            walk(staff, "/staff/applications.xhtml?call=" + call + "&stage=SCREENING&sort=NAME",
                    all.stream().filter(p -> p.stage().equals("SCREENING")).sorted(byName).toList(), 2);
            walk(staff, "/staff/applications.xhtml?call=" + call + "&stage=SUBMITTED&sort=OLDEST",
                    all.stream().filter(p -> p.stage().equals("SUBMITTED")).sorted(newest.reversed()).toList(), 2);
        }
    }

    /** Opens the table, follows "next" to the end and "previous" back to the start, checking every page's rows. */
    private static void walk(Visitor staff, String url, List<Paged> expected, int pages) throws Exception {
        List<List<Long>> forward = new java.util.ArrayList<>();
        HtmlPage page = staff.open(url);
        forward.add(shownIds(page));
        assertTrue(page.getElementById("pager-previous") == null, "No previous on the first page of " + url);
        while (page.getElementById("pager-next") != null) {
            page = page.<HtmlElement>getHtmlElementById("pager-next").click();
            forward.add(shownIds(page));
        }
        assertEquals(pages, forward.size(), url);
        assertEquals(expected.stream().map(Paged::id).toList(), forward.stream().flatMap(List::stream).toList(),
                "Every row once, in order: " + url);
        for (int i = pages - 2; i >= 0; i--) {
            page = page.<HtmlElement>getHtmlElementById("pager-previous").click();
            assertEquals(forward.get(i), shownIds(page), "Page " + (i + 1) + " again, going back: " + url);
        }
        assertTrue(page.getElementById("pager-previous") == null, "Back at the first page: " + url);
        assertTrue(page.asNormalizedText().contains(expected.getFirst().name()), "Names shown, not only ids");
    }

    private static List<Long> shownIds(HtmlPage page) {
        return page.<HtmlElement>getByXPath("//form[@data-application]").stream()
                .map(f -> Long.valueOf(f.getAttribute("data-application"))).toList();
    }
}

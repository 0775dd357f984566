package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Staff move applications along the pipeline through the real pages: the call's table (PrimeFaces,
 * scripts on: sorted, filtered and paged by key in the database) and its one dialog, which offers
 * only the allowed moves; a forged move is refused with a message; a decision needs a message,
 * reaches the applicant in their language, and acceptance creates the venture; of two staff on one
 * application the second is told and keeps their text; ticked rows move after a confirmation that
 * lists what will be left as it is. The board stays plain.
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

    private static String stage(long application) throws Exception {
        return (String) Db.value("select stage from application where id = ?", application);
    }

    /** Signs staff in on the way to the call's table, then opens it with scripts on. */
    private static StaffTable table(Visitor staff, DemoLogin login, long call, String address) throws Exception {
        staff.open("/staff/applications.xhtml?call=" + call + address);
        staff.submitKeycloakLogin(login.username(), login.password());
        return new StaffTable(staff).open(call, address);
    }

    @Test
    void staffMoveAlongTheAllowedPathAndAcceptanceCreatesTheVenture() throws Exception {
        long application = submittedApplication("fr");
        long call = callOf(application);
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml");
            HtmlPage calls = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertTrue(calls.getFirstByXPath("//a[@data-call='" + call + "']") != null, "The call is listed to choose from");
            StaffTable table = new StaffTable(staff).open(call, "");

            assertEquals(List.of("SCREENING", "REJECTED"), table.openDialog(application).targets(), "Only the moves the state machine allows");
            table.cancel();

            table.move(application, "SCREENING", "Eligible: collective of home-based weavers");
            assertFalse(table.dialogOpen(), "The dialog closes once the move is made");
            assertTrue(table.messages().contains("Moved: Coopérative Tissage"), table.messages());
            assertEquals("SCREENING", stage(application));
            assertEquals("SCREENING", table.row(application).getFirstByXPath(".//span[@data-stage]") instanceof HtmlElement e
                    ? e.getAttribute("data-stage") : null, "The table shows the row where it is now");

            table.move(application, "IN_REVIEW", "");
            assertEquals("IN_REVIEW", stage(application));

            // A decision without a message: refused inside the dialog, which stays open with the choice.
            table.move(application, "ACCEPTED", "   ");
            assertTrue(table.dialogOpen(), "Still open, to write the message");
            assertTrue(table.dialog().contains("A decision needs a message"), table.dialog());
            assertEquals("IN_REVIEW", stage(application), "Nothing changed");

            table.reason().setText("Bienvenue dans le programme ! Première réunion lundi.");
            table.to().setSelectedAttribute("ACCEPTED", true);
            table.submit();
            assertFalse(table.dialogOpen());
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
        long call = IntakeData.call("Bulk call " + java.util.UUID.randomUUID(), false);
        String[] stages = {"SUBMITTED", "SUBMITTED", "WITHDRAWN"};
        String[] names = {"Alpha Bakers", "Beta Weavers", "Gamma Potters"};
        List<Long> apps = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            apps.add(IntakeData.application(call, IntakeData.person(names[i], null, ""), names[i], stages[i], 10 + i));
        }
        try (Visitor staff = new Visitor()) {
            StaffTable table = table(staff, DemoLogin.STAFF, call, "");
            table.sort("name");
            assertEquals(apps, table.ids(), "By name, A to Z");

            table.withSelected();
            assertFalse(table.dialogOpen(), "Nothing ticked: no dialog");
            assertTrue(table.messages().contains("Tick at least one application first"), table.messages());

            // A decision for many still needs its message: refused before any confirmation.
            table.tick(apps.get(0)).withSelected();
            assertTrue(table.dialogOpen());
            assertTrue(table.dialog().contains("1 selected"), table.dialog());
            table.bulk("REJECTED", "");
            assertTrue(table.dialog().contains("A decision needs a message"), table.dialog());
            assertNull(table.confirmation(), "No confirmation yet");
            table.cancel();

            table.tick(apps.get(1), apps.get(2)).withSelected().bulk("SCREENING", "Eligible after a first read");
            String listed = table.confirmation();
            assertTrue(listed.contains("Alpha Bakers") && listed.contains("Beta Weavers"), listed);
            assertTrue(listed.contains("Gamma Potters (Withdrawn) — not possible from its stage"), listed);
            assertEquals("SUBMITTED", stage(apps.get(0)), "Nothing moves before the confirmation");

            table.confirm();
            assertFalse(table.dialogOpen());
            assertTrue(table.messages().contains("2 done, 0 skipped"), table.messages());
            assertEquals(List.of("SCREENING", "SCREENING", "WITHDRAWN"), apps.stream().map(a -> {
                HtmlElement stage = table.row(a).getFirstByXPath(".//span[@data-stage]");
                return stage.getAttribute("data-stage");
            }).toList(), "The table shows each where it is now");
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
            staff.open("/staff/board.xhtml?call=" + callOf(application));
            HtmlPage board = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            List<HtmlElement> columns = board.getByXPath("//section[contains(@class,'column')]");
            assertEquals(8, columns.size(), "One column per stage");
            HtmlElement submitted = board.getFirstByXPath("//section[@data-stage='SUBMITTED']");
            assertTrue(submitted.asNormalizedText().contains("1") && submitted.asNormalizedText().contains("Coopérative Tissage"),
                    submitted.asNormalizedText());
            assertTrue(board.getElementsByTagName("script").stream().noneMatch(s -> s.getAttribute("src").contains("components.js")),
                    "The board is plain: no PrimeFaces widgets");

            HtmlPage old = staff.open("/staff/applications.xhtml?call=" + callOf(application) + "&view=board");
            assertTrue(old.getUrl().toString().contains("/staff/board.xhtml?call="), "The board's old address leads to it: " + old.getUrl());

            HtmlPage withoutScripts = staff.open("/staff/applications.xhtml?call=" + callOf(application));
            assertTrue(withoutScripts.getElementById("noscript") != null, "Without JavaScript the table page says so, with a link to the board");
        }
    }

    @Test
    void aMoveTheMachineForbidsIsRefusedEvenWhenForged() throws Exception {
        long application = submittedApplication("en");
        try (Visitor staff = new Visitor()) {
            StaffTable table = table(staff, DemoLogin.STAFF, callOf(application), "");
            table.openDialog(application);
            DomElement forged = table.page().createElement("option");
            forged.setAttribute("value", "ACCEPTED");
            table.to().appendChild(forged);
            table.to().setSelectedAttribute("ACCEPTED", true);
            table.reason().setText("Straight in, skipping review");
            table.submit();
            assertTrue(table.dialogOpen(), "A refused value is a message in the dialog, not an error page");
            assertTrue(table.page().getFirstByXPath("//span[@id='move:toError' and normalize-space(.) != '']") != null, table.dialog());
            assertEquals("Straight in, skipping review", table.reason().getText(), "What was typed is kept");
        }
        assertEquals("SUBMITTED", stage(application));
        assertEquals(0, Db.count("select count(*) from stage_change where application_id = ?", application));
    }

    @Test
    void theSecondOfTwoStaffIsToldAndKeepsWhatTheyTyped() throws Exception {
        long application = submittedApplication("en");
        long call = callOf(application);
        try (Visitor first = new Visitor(); Visitor second = new Visitor()) {
            StaffTable mine = table(first, DemoLogin.STAFF, call, "");
            StaffTable theirs = table(second, DemoLogin.ADMIN, call, "");
            theirs.openDialog(application);

            mine.move(application, "SCREENING", "Looks eligible");
            theirs.to().setSelectedAttribute("REJECTED", true);
            theirs.reason().setText("Outside the region this year; please apply again");
            theirs.submit();

            assertTrue(theirs.dialogOpen(), "Still open");
            assertTrue(theirs.dialog().contains("Someone else changed this application"), theirs.dialog());
            assertTrue(theirs.dialog().contains("now at Screening"), "The dialog shows it as it is now: " + theirs.dialog());
            assertEquals("Outside the region this year; please apply again", theirs.reason().getText(), "Nothing typed is lost");
        }
        assertEquals("SCREENING", stage(application), "The first move stands; the second did not overwrite it");
    }

    /** One application of the paging test: what the table orders by. */
    private record Paged(long id, String name, int minutesAgo, String stage, String kind) {}

    /**
     * The table pages by key: "next" and "previous" walk the whole call and back in each order,
     * either way, with a stage or without, each row exactly once, the last page without "next" and
     * the first without "previous". Filters (stage, kind, a name's part) narrow it in the database.
     */
    @Test
    void theTablePagesForwardAndBackInEveryOrderAndFilters() throws Exception {
        String[] words = {"apple", "Banana", "cherry", "Date", "elder", "Fig", "grape", "Hazel", "iris", "Juniper"};
        long call = IntakeData.call("Paging call " + java.util.UUID.randomUUID(), false);
        List<Paged> all = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = words[i % 10] + " " + String.format("%02d", i);
            int minutesAgo = (i * 37) % 60 + 1;  // 37 and 60 share no factor: every minute once, out of order
            String stage = i % 2 == 0 ? "SCREENING" : "SUBMITTED";
            long application = IntakeData.application(call, IntakeData.person("Paging applicant " + i, null, ""), name, stage, minutesAgo);
            String kind = i % 3 == 0 ? "INDIVIDUAL" : "COLLECTIVE";
            IntakeData.execute("update application set applicant_kind = ? where id = ?", kind, application);
            all.add(new Paged(application, name, minutesAgo, stage, kind));
        }
        var newest = java.util.Comparator.comparingInt(Paged::minutesAgo);
        var byName = java.util.Comparator.comparing((Paged p) -> p.name().toLowerCase(java.util.Locale.ROOT)).thenComparingLong(Paged::id);
        try (Visitor staff = new Visitor()) {
            StaffTable table = table(staff, DemoLogin.STAFF, call, "");
            assertEquals("60 applications", table.total());
            walk(table, all.stream().sorted(newest).toList(), 3, "newest first");
            walk(table.sort("submitted"), all.stream().sorted(newest.reversed()).toList(), 3, "oldest first");
            walk(table.sort("name"), all.stream().sorted(byName).toList(), 3, "A to Z");
            walk(table.sort("name"), all.stream().sorted(byName.reversed()).toList(), 3, "Z to A");
            table.stage("SCREENING");
            assertEquals("30 applications", table.total());
            walk(table, all.stream().filter(p -> p.stage().equals("SCREENING")).sorted(byName.reversed()).toList(), 2, "screening, Z to A");
            table.stage("").kind("INDIVIDUAL");
            walk(table, all.stream().filter(p -> p.kind().equals("INDIVIDUAL")).sorted(byName.reversed()).toList(), 1, "individuals");
            table.kind("").search("ERR");
            assertEquals(all.stream().filter(p -> p.name().toLowerCase(java.util.Locale.ROOT).contains("err")).sorted(byName.reversed())
                    .map(Paged::id).toList(), table.ids(), "cherry: a name's part, in any case");
            assertEquals("6 applications", table.total());
        }
        try (Visitor staff = new Visitor()) {
            // The order and filters an address names: the table opens in them.
            StaffTable table = table(staff, DemoLogin.STAFF, call, "&sort=SUBMITTED&dir=asc&stage=SUBMITTED");
            walk(table, all.stream().filter(p -> p.stage().equals("SUBMITTED")).sorted(newest.reversed()).toList(), 2,
                    "submitted, oldest first, from the address");
        }
    }

    /**
     * Staff sort a call by its review figures (the summary the database keeps, V12), either way:
     * best first with the unscored last, or the other way round, paged by key forwards and back like
     * every other order; and keep only the applications whose reviewers disagree.
     */
    @Test
    void theTableSortsByScoreEitherWayAndFindsDisagreement() throws Exception {
        long call = IntakeData.call("Score order call " + java.util.UUID.randomUUID(), false);
        IntakeData.criterion(call, "impact", "Impact");
        long harsh = IntakeData.person("Harsh reviewer", null, "reviewer");
        long lenient = IntakeData.person("Lenient reviewer", null, "reviewer");
        List<Paged> all = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String name = "Scored " + String.format("%02d", i);
            long application = IntakeData.application(call, IntakeData.person("Score applicant " + i, null, ""), name, "IN_REVIEW", i + 1);
            all.add(new Paged(application, name, i + 1, "IN_REVIEW", "COLLECTIVE"));
            if (i < 22) {
                for (long reviewer : List.of(harsh, lenient)) {
                    long assignment = IntakeData.assignment(application, reviewer, "NONE");
                    int score = reviewer == harsh ? i % 4 : 1 + (i * 7) % 5;
                    IntakeData.execute("insert into review (assignment_id, scores, status, submitted_at) values (?, cast(? as jsonb), 'SUBMITTED', now())",
                            assignment, "{\"impact\": " + score + "}");
                }
            }
        }
        IntakeData.execute("select intake_refresh_scores(?)", call);
        var byId = new java.util.HashMap<Long, Paged>();
        all.forEach(p -> byId.put(p.id(), p));
        try (Visitor staff = new Visitor()) {
            StaffTable table = table(staff, DemoLogin.STAFF, call, "");
            for (String column : List.of("score", "mean")) {
                String key = column.equals("score") ? "normalised" : "mean";
                // The id is read as it is (not cast to text): "order by application_id" would otherwise sort the
                // output column, the text, and put 100 below 99 once the ids cross into three digits.
                List<Long> best = Db.values("select application_id from application_score where call_id = ? "
                        + "order by coalesce(" + key + ", -1) desc, application_id desc", call).stream().map(Long::valueOf).toList();
                assertEquals(30, best.size());
                assertEquals(8, Db.count("select count(*) from application_score where call_id = ? and " + key + " is null", call));
                // The first click on a score sorts it one way; which one PrimeFaces starts with is its choice, so read it from the rows.
                table.sort(column);
                List<Long> first = table.ids();
                boolean bestFirst = first.getFirst().equals(best.getFirst());
                walk(table, (bestFirst ? best : best.reversed()).stream().map(byId::get).toList(), 2, column + " one way");
                walk(table.sort(column), (bestFirst ? best.reversed() : best).stream().map(byId::get).toList(), 2, column + " the other way");
                assertEquals(best.subList(22, 30).stream().sorted(java.util.Comparator.reverseOrder()).toList(), best.subList(22, 30),
                        "The unscored last when best come first, by id");
            }
            long disagreeing = Db.count("select count(*) from application_score where call_id = ? and disagreement", call);
            table.onlyDisagreement();
            assertEquals(disagreeing + " applications", table.total().replace(",", ""));
            assertTrue(table.ids().stream().allMatch(id -> {
                try {
                    return Db.count("select count(*) from application_score where application_id = ? and disagreement", id) == 1;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }), "Only those where reviewers disagree");
        }
    }

    /** From the table's first page, "next" to the end and "previous" back, checking every page's rows. */
    private static void walk(StaffTable table, List<Paged> expected, int pages, String order) throws Exception {
        List<List<Long>> forward = new java.util.ArrayList<>();
        assertFalse(table.hasPrevious(), "No previous on the first page: " + order);
        forward.add(table.ids());
        while (table.hasNext()) {
            forward.add(table.next().ids());
        }
        assertEquals(pages, forward.size(), order);
        assertEquals(expected.stream().map(Paged::id).toList(), forward.stream().flatMap(List::stream).toList(), "Every row once, in order: " + order);
        for (int i = pages - 2; i >= 0; i--) {
            assertEquals(forward.get(i), table.previous().ids(), "Page " + (i + 1) + " again, going back: " + order);
        }
        assertFalse(table.hasPrevious(), "Back at the first page: " + order);
        assertTrue(table.page().asNormalizedText().contains(expected.getFirst().name()), "Names shown, not only ids");
    }
}

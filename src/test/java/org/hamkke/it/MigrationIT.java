package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The test stack starts on an empty PostgreSQL, so the portal's own start is the proof that Flyway
 * migrates an empty database; here we look at what it left, and at the home page fed from it.
 */
class MigrationIT {

    @Test
    void flywayMigratedTheEmptyDatabaseWithoutDemoData() throws Exception {
        assumeTrue(TestStack.owned() != null, "needs the fresh database of the stack this run started");
        try (Connection db = connect()) {
            List<String> applied = new ArrayList<>();
            var rows = db.createStatement().executeQuery(
                    "select version, success from flyway_schema_history where version is not null order by installed_rank");
            while (rows.next()) {
                assertTrue(rows.getBoolean("success"));
                applied.add(rows.getString("version"));
            }
            assertEquals(versionsInTheSource(), applied, "Every migration applied, in order");
            var demo = db.createStatement().executeQuery(
                    "select count(*) from flyway_schema_history where script like 'R__demo%'");
            demo.next();
            assertEquals(0, demo.getInt(1), "Demo data is for the dev run only");
        }
    }

    @Test
    void homePageShowsEmptyStatesThenACallFromTheDatabaseInTheReadersLanguage() throws Exception {
        assumeTrue(TestStack.owned() != null, "needs the empty catalog of the stack this run started");
        try (Visitor visitor = new Visitor("fr"); Connection hold = connect()) {
            // Other tests leave open calls behind; for the empty state they are closed for a moment.
            hold.createStatement().execute("create temporary table hidden_calls as "
                    + "select id, opens_at, closes_at from programme_call where closes_at > now()");
            hold.createStatement().execute("update programme_call set opens_at = now() - interval '2 days', "
                    + "closes_at = now() - interval '1 day' where id in (select id from hidden_calls)");
            HtmlPage empty;
            try {
                empty = visitor.open("/");
            } finally {
                hold.createStatement().execute("update programme_call c set opens_at = h.opens_at, closes_at = h.closes_at "
                        + "from hidden_calls h where h.id = c.id");
            }
            assertTrue(empty.asNormalizedText().contains("Aucun appel n'est ouvert"), "Empty state in French");

            try (Connection db = connect()) {
                db.createStatement().execute("""
                        insert into programme_call (title, summary, opens_at, closes_at, time_zone)
                        values ('{"en": "Test call", "fr": "Appel de test"}', '{"en": "English only summary"}',
                                now() - interval '1 day', now() + interval '1 day', 'Asia/Karachi')""");
                try {
                    HtmlPage page = visitor.open("/");
                    String text = page.getElementById("calls").asNormalizedText();
                    assertTrue(text.contains("Appel de test"), text);
                    assertTrue(text.contains("English only summary"), "Falls back to English: " + text);
                    assertTrue(text.contains("Clôture le"), text);
                } finally {
                    db.createStatement().execute("delete from programme_call where title->>'en' = 'Test call'");
                }
            }
        }
    }

    /**
     * The dev run's promise rests on the demo data: it must apply to a fresh database, after every
     * migration, and applying it again must add nothing. The suite's own database has none, so a
     * scratch database on the same server takes it.
     */
    @Test
    void theDemoDataAppliesToAFreshDatabaseAndAgainWithoutDuplicates() throws Exception {
        String scratch = "hamkke_demo_check";
        try (Connection admin = connect()) {
            admin.createStatement().execute("drop database if exists " + scratch);
            admin.createStatement().execute("create database " + scratch);
        }
        String url = TestStack.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + scratch + "$1");
        try {
            org.flywaydb.core.Flyway.configure(getClass().getClassLoader())
                    .dataSource(url, "postgres", "")
                    .locations("classpath:db/migration", "classpath:db/demo")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            String counts = """
                    select (select count(*) from programme_call) || ' calls, '
                        || (select count(*) from application where stage is not null) || ' applications, '
                        || (select count(*) from application where answers <> '{}') || ' answered, '
                        || (select count(*) from review) || ' reviews, '
                        || (select count(*) from rubric_criterion where bands <> '[]') || ' banded criteria, '
                        || (select count(*) from stage_change) || ' moves'""";
            String first;
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                var r = db.createStatement().executeQuery(counts);
                r.next();
                first = r.getString(1);
                assertEquals("3 calls, 12 applications, 8 answered, 5 reviews, 6 banded criteria, 14 moves", first);
                // As when the file changes and Flyway runs it again on a database that has it all.
                String demo = new String(getClass().getResourceAsStream("/db/demo/R__demo_data.sql").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                db.createStatement().execute(demo);
                r = db.createStatement().executeQuery(counts);
                r.next();
                assertEquals(first, r.getString(1), "Running the demo data again adds nothing");
                // The academy's demo: cohorts open, full with a waitlist and an offer, running with
                // attendance, completed (the sweep certifies its completers after start), one session cancelled.
                String academy = """
                        select (select count(*) from cohort) || ' cohorts, '
                            || (select count(*) from enrolment where status = 'WAITLISTED') || ' waiting, '
                            || (select count(*) from enrolment where status = 'OFFERED') || ' offered, '
                            || (select count(*) from enrolment where status = 'COMPLETED') || ' completed, '
                            || (select count(*) from cohort_session where status = 'CANCELLED') || ' cancelled session, '
                            || (select case when count(*) > 0 then 'attendance taken' else 'no attendance' end from attendance)""";
                r = db.createStatement().executeQuery(academy);
                r.next();
                String seeded = r.getString(1);
                assertEquals("6 cohorts, 5 waiting, 1 offered, 7 completed, 1 cancelled session, attendance taken", seeded);
                db.createStatement().execute(new String(getClass().getResourceAsStream("/db/demo/R__demo_data_academy.sql").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
                r = db.createStatement().executeQuery(academy);
                r.next();
                assertEquals(seeded, r.getString(1), "Running the academy's demo data again adds nothing");
                // The incubation's demo: four ventures, four mentors, one offer waiting, two mentorings, one venture unmatched;
                // the women-led call's five milestone templates applied to the four ventures, two passed, two waiting for a
                // grade, one in revision, nine overdue (Threads of Sindh two, Dapur Ibu one, the two ventures without a mentor three each).
                String incubation = """
                        select (select count(*) from milestone_template) || ' templates, '
                            || (select count(*) from milestone) || ' milestones, '
                            || (select count(*) from milestone where status = 'PASSED') || ' passed, '
                            || (select count(*) from milestone where status = 'SUBMITTED') || ' waiting, '
                            || (select count(*) from milestone where status = 'REVISION_REQUESTED') || ' in revision, '
                            || (select count(*) from milestone where status in ('OPEN', 'REVISION_REQUESTED') and due_on < current_date) || ' overdue, '
                            || (select count(*) from milestone_submission) || ' submissions, '
                            || (select count(*) from milestone_grade) || ' grades; '
                            || (select count(*) from venture) || ' ventures, '
                            || (select count(*) from mentor_profile) || ' mentors, '
                            || (select count(*) from mentor_assignment where status = 'OFFERED') || ' offered, '
                            || (select count(*) from mentor_assignment where status = 'ACTIVE') || ' active, '
                            || (select count(*) from venture v where not exists (select 1 from mentor_assignment a where a.venture_id = v.id))
                            || ' unmatched, places taken ' || (select sum(places_taken) from mentor_profile)""";
                r = db.createStatement().executeQuery(incubation);
                r.next();
                String incubated = r.getString(1);
                assertEquals("5 templates, 20 milestones, 2 passed, 2 waiting, 1 in revision, 9 overdue, 5 submissions, 3 grades; "
                        + "4 ventures, 4 mentors, 1 offered, 2 active, 1 unmatched, places taken 3", incubated);
                db.createStatement().execute(new String(getClass().getResourceAsStream("/db/demo/R__demo_data_incubation.sql").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
                r = db.createStatement().executeQuery(incubation);
                r.next();
                assertEquals(incubated, r.getString(1), "Running the incubation's demo data again adds nothing");
            }
        } finally {
            try (Connection admin = connect()) {
                admin.createStatement().execute("drop database if exists " + scratch + " with (force)");
            }
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(TestStack.jdbcUrl(), "postgres", "");
    }

    /** The versions of src/main/resources/db/migration/V*__*.sql, in order. */
    private static List<String> versionsInTheSource() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }
}

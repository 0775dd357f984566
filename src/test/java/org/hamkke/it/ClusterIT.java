package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamkke.devstack.DemoLogin;
import org.hamkke.devstack.Portal;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Portal instances on one database, clustered as in production (README, several instances):
 * they share Quartz's job store, so every firing runs on exactly one of them and a job whose
 * instance is killed (kill -9) mid-run is recovered by the other; and they share HTTP sessions, so
 * a person signed in through one instance carries on through another when the first one stops.
 * They use a database and a cluster name of their own, so stopping them leaves the rest of the
 * test run alone.
 *
 * <p>First, while both instances are up, the academy's fairness invariant under load
 * ({@link #concurrentEnrolmentsCancellationsAndAcceptancesOnTwoInstancesKeepEveryInvariant}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static String jdbcUrl;
    private static final List<Portal> nodes = new ArrayList<>();
    private static final String CLUSTER = "hamkke-it-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    private static final List<Integer> gridPorts = List.of(free(), free(), free());
    private static Path dir;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        assumeTrue(TestStack.owned() != null, "Starts portals of its own; not against a dev stack");
        var stack = TestStack.owned();
        try (Connection c = DriverManager.getConnection(TestStack.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists hamkke_cluster");
            s.execute("create database hamkke_cluster");
        }
        jdbcUrl = TestStack.jdbcUrl().replaceAll("/[^/?]+(\\?|$)", "/hamkke_cluster$1");
        dir = Path.of(System.getProperty("hamkke.stack.dir")).resolveSibling("it-cluster");
        // One after the other: two cold starts at once on two cores take longer than in turn.
        startNode("node-b", 0);
        startNode("node-c", 1);
    }

    /**
     * An instance of the cluster at its own address, which Keycloak is told to accept (in
     * production they share the load balancer's). Its port is chosen just before its start, so an
     * instance starting earlier cannot take it meanwhile.
     */
    private static Portal startNode(String name, int gridPortIndex) throws Exception {
        int port = free();
        String url = "http://localhost:" + port;
        new KeycloakAdmin().allowPortalAddress(url);
        Portal node = TestStack.owned().portal(dir.resolve(name), port, jdbcUrl)
                .with("hamkke.scheduler.instance-id", name)
                .with("hamkke.portal.base-url", url)
                // Offers end quickly and are swept often, so the concurrency test sees the scheduler pass them on.
                .with("hamkke.academy.offer-hold", "PT20S")
                .with("hamkke.academy.offer-sweep-interval", "PT2S")
                .clustered(CLUSTER, gridPorts.get(gridPortIndex), gridPorts);
        nodes.add(node);
        node.start();
        return node;
    }

    @AfterAll
    static void stopInstances() {
        nodes.forEach(Portal::close);
    }

    /**
     * The academy's fairness invariant, over HTTP, on both instances at once. Dozens of signed-in
     * people enrol into two small cohorts at the same moment, through either instance, then for a few
     * rounds each looks at where they stand (through either instance) and acts as people do: accept
     * or decline an offer, leave a seat or the waitlist, enrol again after leaving; meanwhile the
     * clustered scheduler passes on offers nobody answered (held 20 s here). Afterwards every
     * invariant is checked in SQL: never more seats taken than the capacity (and the count kept
     * matches the rows); one live enrolment per person and cohort; each request numbered once; every
     * freed seat went to whoever had waited longest (read from the events' numbers); and every
     * request the people sent was answered, and recorded exactly once.
     */
    @Test
    @Order(1)
    void concurrentEnrolmentsCancellationsAndAcceptancesOnTwoInstancesKeepEveryInvariant() throws Exception {
        int peopleCount = Integer.getInteger("hamkke.it.cluster-learners", 56);
        int rounds = 6;
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        long course = id("insert into course (title, summary, duration_weeks) values (jsonb_build_object('en', 'Cluster course " + tag
                + "'), '{\"en\": \"x\"}', 2) returning id");
        String cohortSql = "insert into cohort (course_id, time_zone, starts_on, ends_on, delivery, venue, capacity, enrolment_opens_at,"
                + " enrolment_closes_at, created_at) values (" + course + ", 'Asia/Jakarta', current_date + 10, current_date + 20, 'IN_PERSON',"
                + " 'Hall', %d, now() - interval '1 day', now() + interval '5 days', now()) returning id";
        List<Long> cohorts = List.of(id(cohortSql.formatted(5)), id(cohortSql.formatted(8)));

        // People, each signed in through one of the instances (which records them in this database).
        var admin = new KeycloakAdmin();
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < peopleCount; i++) {
            String username = "cl-" + tag + "-" + i;
            admin.createUser(username, TestPeople.PASSWORD);
            usernames.add(username);
        }
        List<Visitor> visitors = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Visitor, String> signedIn = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, AtomicInteger> enrolled = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> actions = new ConcurrentHashMap<>();
        try {
            try (var pool = Executors.newFixedThreadPool(6)) {
                for (int i = 0; i < peopleCount; i++) {
                    int n = i;
                    pool.submit(() -> {
                        Visitor v = new Visitor();
                        visitors.add(v);
                        signedIn.put(v, usernames.get(n));
                        v.openRaw(nodes.get(n % 2).baseUrl() + "/me/learning.xhtml");
                        v.submitKeycloakLogin(usernames.get(n), TestPeople.PASSWORD);
                        return null;
                    });
                }
            }
            assertEquals(peopleCount, count("select count(*) from person where username like 'cl-" + tag + "-%'"), "All signed in");
            System.out.printf("Academy on two instances: %d people created and signed in%n", peopleCount);

            // Everyone enrols in both cohorts at the same moment, then acts for a few rounds.
            CountDownLatch start = new CountDownLatch(1);
            long began = System.nanoTime();
            List<Future<Object>> people = new ArrayList<>();
            try (var pool = Executors.newFixedThreadPool(peopleCount)) {
                for (int i = 0; i < peopleCount; i++) {
                    Visitor v = visitors.get(i);
                    String username = signedIn.get(v);
                    java.util.Random random = new java.util.Random(i);
                    people.add(pool.submit(() -> {
                        List<HtmlPage> pages = new ArrayList<>();
                        for (long cohort : cohorts) {
                            pages.add(enrolPage(v, random, cohort, failures));
                        }
                        start.await();
                        for (int c = 0; c < cohorts.size(); c++) {
                            act(v, username, pages.get(c), "enrol:enrolButton", cohorts.get(c), enrolled, actions, failures);
                        }
                        for (int round = 0; round < rounds; round++) {
                            for (long cohort : cohorts) {
                                HtmlPage page = enrolPage(v, random, cohort, failures);
                                String status = page == null ? null : page.getElementById("standing").getAttribute("data-status");
                                double dice = random.nextDouble();
                                if ("OFFERED".equals(status)) {
                                    act(v, username, page, dice < 0.75 ? "offer:acceptButton" : "offer:declineButton", cohort, enrolled, actions, failures);
                                } else if ("CONFIRMED".equals(status) && dice < 0.3 || "WAITLISTED".equals(status) && dice < 0.15) {
                                    HtmlPage confirm = (HtmlPage) v.openRaw(page.getUrl().toString() + "&leave=1");
                                    act(v, username, confirm, "leave:leaveButton", cohort, enrolled, actions, failures);
                                } else if (("CANCELLED".equals(status) || "NONE".equals(status)) && dice < 0.4) {
                                    act(v, username, page, "enrol:enrolButton", cohort, enrolled, actions, failures);
                                }
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
            }
            for (var person : people) {
                person.get();
            }
            System.out.printf("Academy on two instances: %d people, %s in %d s%n", peopleCount, actions,
                    (System.nanoTime() - began) / 1_000_000_000);
            assertEquals(List.of(), failures, "Every request answered with a page, never an error");

            // Nobody answers any more: the offers still open end within 20 s, and the clustered
            // scheduler passes each on (counted once the last of them has ended, not after a sleep).
            String open = rows("select max(offer_expires_at)::text from enrolment where status = 'OFFERED' and cohort_id in "
                    + cohorts.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "(", ")"))).getFirst();
            if (open != null) {
                assertTrue(eventually(Duration.ofSeconds(90), () -> count("select count(*) from enrolment where status = 'OFFERED' "
                        + "and offer_expires_at <= '" + open + "'::timestamptz") == 0), "Offers that ended were passed on by the scheduler");
                assertTrue(count("select count(*) from enrolment where ended_reason = 'EXPIRED'") > 0, "Some offers expired");
            }
            String in = cohorts.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "(", ")"));
            System.out.println("Enrolments by status: " + rows("select status || coalesce(' ' || ended_reason, '') || '=' || count(*) from enrolment "
                    + "where cohort_id in " + in + " group by status, ended_reason order by 1"));

            // 1. Never more seats taken than the capacity; the count kept is the count of the rows.
            assertEquals(List.of(), rows("""
                    select h.id || ': ' || h.seats_taken || ' kept, ' || count(e.id) || ' held, of ' || h.capacity from cohort h
                    left join enrolment e on e.cohort_id = h.id and e.status in ('CONFIRMED', 'OFFERED', 'COMPLETED')
                    where h.id in %s group by h.id having count(e.id) > h.capacity or count(e.id) <> h.seats_taken""".formatted(in)));
            // 2. One live enrolment per person and cohort.
            assertEquals(List.of(), rows("select cohort_id || '/' || person_id from enrolment where status <> 'CANCELLED' and cohort_id in "
                    + in + " group by cohort_id, person_id having count(*) > 1"));
            // 3. Each request has its own place in its cohort's order.
            assertEquals(0L, count("select count(*) - count(distinct (cohort_id, requested_seq)) from enrolment where cohort_id in " + in));
            // 4. Nobody passed over: whenever a seat was given (confirmed or offered), nobody who asked
            //    earlier was still waiting for one; and nobody got a seat straight away while others waited.
            assertEquals(List.of(), rows("""
                    select 'enrolment ' || b.id || ' seated at ' || b.seated_seq || ' while ' || a.id || ' waited' from enrolment b
                    join enrolment a on a.cohort_id = b.cohort_id and a.id <> b.id
                    where b.cohort_id in %s and b.seated_seq is not null
                      and a.waitlisted_seq is not null and a.waitlisted_seq < b.seated_seq
                      and least(coalesce(a.seated_seq, 9223372036854775807), coalesce(a.ended_seq, 9223372036854775807)) > b.seated_seq
                      and (b.waitlisted_seq is null or a.requested_seq < b.requested_seq)""".formatted(in)));
            // 5. No request lost or counted twice: each enrolment the people were told of is one row, and no row was told of none.
            long told = enrolled.values().stream().mapToInt(AtomicInteger::get).sum();
            assertEquals(told, count("select count(*) from enrolment where cohort_id in " + in));
            for (var person : enrolled.entrySet()) {
                String[] key = person.getKey().split("@");
                assertEquals(person.getValue().get(), count("select count(*) from enrolment e join person p on p.id = e.person_id "
                        + "where e.cohort_id = " + key[1] + " and p.username = '" + key[0] + "'"), person.getKey());
            }
            assertTrue(actions.getOrDefault("enrol:enrolButton", new AtomicInteger()).get() >= 2 * peopleCount);
        } finally {
            visitors.forEach(Visitor::close);
            for (String username : usernames) {
                try {
                    admin.deleteUser(admin.userId(username));
                } catch (Exception e) {
                    System.err.println("Could not remove " + username + ": " + e.getMessage());
                }
            }
        }
    }

    /** The person's enrolment page of the cohort, through either instance; null (and a failure noted) when it is not a page. */
    private static HtmlPage enrolPage(Visitor v, java.util.Random random, long cohort, List<String> failures) throws Exception {
        Portal node = nodes.get(random.nextInt(2));
        var page = v.openRaw(node.baseUrl() + "/me/enrol.xhtml?cohort=" + cohort);
        if (v.status() != 200 || !(page instanceof HtmlPage html) || html.getElementById("standing") == null) {
            failures.add("GET " + page.getUrl() + " -> " + v.status());
            return null;
        }
        return html;
    }

    /**
     * Clicks one of the enrolment page's buttons and checks the answer: a page (after the redirect)
     * saying where the person stands. An enrolment that the page then shows as live is one the
     * person was told of, and counted.
     */
    private static void act(Visitor v, String username, HtmlPage page, String button, long cohort, Map<String, AtomicInteger> enrolled,
            Map<String, AtomicInteger> actions, List<String> failures) {
        if (page == null || page.getElementById(button) == null) {
            return;
        }
        try {
            HtmlPage answer = page.<org.htmlunit.html.HtmlElement>getHtmlElementById(button).click();
            actions.computeIfAbsent(button, b -> new AtomicInteger()).incrementAndGet();
            int status = answer.getWebResponse().getStatusCode();
            if (status != 200 || answer.getElementById("standing") == null) {
                failures.add(button + " -> " + status + " " + answer.getUrl());
                return;
            }
            String now = answer.getElementById("standing").getAttribute("data-status");
            boolean refused = answer.getFirstByXPath("//ul[@id='messages']//*[contains(@class,'error')]") != null;
            if (button.equals("enrol:enrolButton") && !refused && !"NONE".equals(now) && !"CANCELLED".equals(now)) {
                enrolled.computeIfAbsent(username + "@" + cohort, k -> new AtomicInteger()).incrementAndGet();
            }
        } catch (Exception e) {
            failures.add(button + " threw " + e);
        }
    }

    /**
     * A mentor's cap on two instances (issue 13): staff through one instance and an admin through
     * the other press "Offer" for the same mentor, who has one place, for two ventures at the same
     * moment, round after round. The database holds the cap in the same transaction as the
     * assignment (V19): each round ends with exactly one live assignment and one place taken; one
     * of the two reads "The offer is sent", the other that the mentor has no place left.
     */
    @Test
    @Order(1)
    void twoStaffOnTwoInstancesNeverOfferAMentorPastTheirCap() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        long call = id("insert into programme_call (title, summary, opens_at, closes_at, time_zone) values (jsonb_build_object('en', 'Cap "
                + tag + "'), '{\"en\": \"x\"}', now(), now() + interval '9 days', 'UTC') returning id");
        try (Visitor staff = new Visitor(); Visitor admin = new Visitor()) {
            staff.openRaw(nodes.get(0).baseUrl() + "/staff/");
            staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            admin.openRaw(nodes.get(1).baseUrl() + "/staff/");
            admin.submitKeycloakLogin(DemoLogin.ADMIN.username(), DemoLogin.ADMIN.password());
            int rounds = 6;
            int sent = 0;
            int refused = 0;
            for (int round = 0; round < rounds; round++) {
                long mentor = id("insert into person (subject, username, display_name, created_at) values ('it:capm-" + tag + round
                        + "', 'capm-" + tag + round + "', 'Cap mentor " + round + "', now()) returning id");
                id("insert into mentor_profile (person_id, expertise, languages, cap) values (" + mentor + ", '{finance}', '{english}', 1) returning person_id");
                List<Long> ventures = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    // One application per person and call: each venture has its own applicant.
                    long applicant = id("insert into person (subject, username, created_at) values ('it:cap-" + tag + round + i + "', 'cap-"
                            + tag + round + i + "', now()) returning id");
                    long application = id("insert into application (call_id, applicant_id, applicant_kind, name, stage, created_at, updated_at,"
                            + " submitted_at, receipt, decision_message, decided_at) values (" + call + ", " + applicant + ", 'COLLECTIVE', 'Cap venture',"
                            + " 'ACCEPTED', now(), now(), now(), 'CAP-" + tag + round + i + "', 'Welcome', now()) returning id");
                    ventures.add(id("insert into venture (application_id, name, needs, languages, created_at) values (" + application
                            + ", 'Cap venture " + round + i + "', '{finance}', '{english}', now()) returning id"));
                }
                HtmlPage[] pages = {(HtmlPage) staff.openRaw(nodes.get(0).baseUrl() + "/staff/venture.xhtml?id=" + ventures.get(0)),
                        (HtmlPage) admin.openRaw(nodes.get(1).baseUrl() + "/staff/venture.xhtml?id=" + ventures.get(1))};
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> answers = new ArrayList<>();
                try (var pool = Executors.newFixedThreadPool(2)) {
                    for (HtmlPage page : pages) {
                        answers.add(pool.submit(() -> {
                            org.htmlunit.html.HtmlElement button = page.getFirstByXPath(
                                    "//button[@name='mentor' and @value='" + mentor + "']");
                            start.await();
                            HtmlPage answer = button.click();
                            return answer.getWebResponse().getStatusCode() + " " + answer.getElementById("messages").asNormalizedText();
                        }));
                    }
                    start.countDown();
                }
                List<String> said = new ArrayList<>();
                for (Future<String> answer : answers) {
                    said.add(answer.get());
                }
                assertEquals(1L, count("select count(*) from mentor_assignment where mentor_id = " + mentor + " and status in ('OFFERED', 'ACTIVE')"),
                        "Round " + round + ": " + said);
                assertEquals(1L, count("select places_taken from mentor_profile where person_id = " + mentor));
                assertTrue(said.stream().allMatch(text -> text.startsWith("200 ")), said.toString());
                sent += (int) said.stream().filter(text -> text.contains("The offer is sent")).count();
                refused += (int) said.stream().filter(text -> text.contains("This mentor has no place left")).count();
            }
            assertEquals(rounds, sent, "One offer per round went through");
            assertEquals(rounds, refused, "and the other was told the mentor is full");
        }
    }

    @Test
    @Order(2)
    void everyFiringRunsOnExactlyOneInstance() throws Exception {
        int firings = 20;
        try (var jobs = new JobStoreClient(jdbcUrl, "it-cluster-1")) {
            jobs.fireRepeatedly("cluster-check", "every-500ms", firings, 500);
        }
        assertTrue(eventually(Duration.ofSeconds(60), () -> count(
                        "select count(*) from job_run where trigger_name = 'every-500ms' and outcome = 'SUCCEEDED'") >= firings),
                "All firings ran");
        // Counted once nothing more can fire: the trigger is used up (Quartz removed it) and no run is open.
        assertTrue(eventually(Duration.ofSeconds(30), () -> count("select count(*) from qrtz_triggers where trigger_name = 'every-500ms'")
                + count("select count(*) from qrtz_fired_triggers where trigger_name = 'every-500ms'")
                + count("select count(*) from job_run where trigger_name = 'every-500ms' and outcome = 'RUNNING'") == 0));
        assertEquals(firings, count("select count(*) from job_run where trigger_name = 'every-500ms'"),
                "No firing ran twice");
        assertEquals(firings, count("select count(distinct scheduled_at) from job_run where trigger_name = 'every-500ms'"),
                "Each scheduled time ran once");
        System.out.println("Firings per instance: " + rows(
                "select instance_name || '=' || count(*) from job_run where trigger_name = 'every-500ms' group by instance_name"));
    }

    @Test
    @Order(3)
    void aJobOnAKilledInstanceIsRecoveredByTheOther() throws Exception {
        try (var jobs = new JobStoreClient(jdbcUrl, "it-cluster-2")) {
            jobs.fireOnce("cluster-check", "long-run", 500, Map.of("holdSeconds", "20"));
        }
        assertTrue(eventually(Duration.ofSeconds(30), () -> count(
                "select count(*) from job_run where trigger_name = 'long-run' and outcome = 'RUNNING'") == 1));
        String runningOn = rows("select instance_name from job_run where trigger_name = 'long-run'").getFirst();
        Portal victim = nodes.get(runningOn.equals("node-b") ? 0 : 1);
        String survivor = runningOn.equals("node-b") ? "node-c" : "node-b";
        victim.kill();

        assertTrue(eventually(Duration.ofSeconds(90), () -> count(
                        "select count(*) from job_run where recovering and outcome = 'SUCCEEDED'") >= 1),
                () -> "Recovered by " + survivor + ": " + rows("select instance_name || ' ' || outcome || ' ' || recovering from job_run where job_name = 'cluster-check' and trigger_name not like 'every%'"));
        List<String> recovered = rows("select instance_name || ' ' || outcome from job_run where recovering");
        assertEquals(List.of(survivor + " SUCCEEDED"), recovered);
    }

    /**
     * A person signs in through one instance and goes on through the other: the session (who is
     * signed in, and the page's view state) lives in the cluster, not in one JVM. Then the instance
     * they signed in through stops, and the other still knows them and takes their form.
     */
    @Test
    @Order(4)
    void aSignedInSessionCarriesOnThroughAnotherInstanceWhenItsOwnStops() throws Exception {
        nodes.removeIf(node -> !node.isRunning());
        Portal first = nodes.getFirst();
        Portal second = startNode("node-d", 2);
        try (Visitor visitor = new Visitor()) {
            visitor.openRaw(first.baseUrl() + "/me/notice-settings.xhtml");
            visitor.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertTrue(visitor.url().toString().startsWith(first.baseUrl()), () -> "Back on the first instance, at " + visitor.url());
            assertTrue(visitor.isSignedIn());
            String session = Sessions.cookie(visitor);

            HtmlPage onSecond = (HtmlPage) visitor.openRaw(second.baseUrl() + "/me/notice-settings.xhtml");
            assertEquals(200, visitor.status());
            assertTrue(visitor.isSignedIn(), () -> "The second instance knows the person: " + onSecond.asNormalizedText());
            String who = onSecond.getElementById("who").getTextContent().strip();
            assertFalse(who.isBlank(), "The top bar names the person");

            // A form rendered by the first instance, posted after it stopped: its view state moved too.
            HtmlPage form = (HtmlPage) visitor.openRaw(first.baseUrl() + "/me/notice-settings.xhtml");
            assertEquals(who, form.getElementById("who").getTextContent().strip());
            first.close();
            var post = form.<org.htmlunit.html.HtmlForm>getHtmlElementById("settings")
                    .getWebRequest(form.getHtmlElementById("settings:save"));
            post.setUrl(new java.net.URI(second.baseUrl() + post.getUrl().getFile()).toURL());
            // In production both instances sit behind one address; here each has its own.
            post.setAdditionalHeader("Origin", second.baseUrl());
            post.setAdditionalHeader("Referer", second.baseUrl() + "/me/notice-settings.xhtml");
            HtmlPage saved = visitor.browser().getPage(post);
            assertEquals(200, saved.getWebResponse().getStatusCode());
            assertTrue(saved.asNormalizedText().contains("Your e-mail preferences are saved."),
                    () -> "The form posted on the other instance was taken: " + saved.asNormalizedText());
            assertEquals(who, saved.getElementById("who").getTextContent().strip(), "Still signed in after the first instance stopped");

            for (Portal node : List.of(first, second)) {
                String log = node.logOfThisStart();
                assertFalse(log.contains(session), "The session id is in " + node.log());
                assertFalse(log.contains("Cannot serialize session attribute"), "Every session attribute replicates: " + node.log());
            }
        }
    }

    private static long id(String sql) throws Exception {
        return count(sql);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        } catch (Exception e) {
            out.add(e.toString());
        }
        return out;
    }

    private static boolean eventually(Duration timeout, Db.Check check) throws Exception {
        return Db.eventually(timeout, check);
    }

    private static int free() {
        return org.hamkke.devstack.Ports.free();
    }
}

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
                .clustered(CLUSTER, gridPorts.get(gridPortIndex), gridPorts);
        nodes.add(node);
        node.start();
        return node;
    }

    @AfterAll
    static void stopInstances() {
        nodes.forEach(Portal::close);
    }

    @Test
    @Order(1)
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
    @Order(2)
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
    @Order(3)
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

package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.hamkke.devstack.Portal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two portal instances on one database share Quartz's job store: every firing runs on exactly one
 * of them, and a job whose instance is killed (kill -9) mid-run is recovered by the other. They
 * use a database of their own, so killing one leaves the rest of the test run alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerClusterIT {

    private static String jdbcUrl;
    private static final List<Portal> nodes = new ArrayList<>();

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
        Path dir = Path.of(System.getProperty("hamkke.stack.dir")).resolveSibling("it-cluster");
        // One after the other: two cold starts at once on two cores take longer than in turn. Each
        // port is chosen just before its start, so the first instance cannot take it meanwhile.
        for (String name : List.of("node-b", "node-c")) {
            Portal node = stack.portal(dir.resolve(name), free(), jdbcUrl).with("hamkke.scheduler.instance-id", name);
            nodes.add(node);
            node.start();
        }
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
        // Done for certain: Quartz removes a trigger once its last firing is taken, and none is still running.
        assertTrue(eventually(Duration.ofSeconds(30), () -> count("select count(*) from qrtz_triggers where trigger_name = 'every-500ms'") == 0
                        && count("select count(*) from job_run where trigger_name = 'every-500ms' and outcome = 'RUNNING'") == 0),
                "The trigger has fired for the last time");
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

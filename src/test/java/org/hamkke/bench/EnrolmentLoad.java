package org.hamkke.bench;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamkke.devstack.Keycloak;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/**
 * The fairness benchmark (BENCHMARKS.md, issue 12): {@code people} signed-in people (500) press
 * "Enrol" at the same moment for a cohort of {@code seats} (30). Each has loaded the enrolment
 * page first (its form and token), as a person would; then all the posts leave at once. It
 * reports the time from the first post sent to the last answer, the latency of each, and checks in
 * SQL: exactly {@code seats} confirmed and the rest waitlisted, in request order, one row each.
 *
 * <p>People are Keycloak users {@code bench-learner-N} (password as below), created once and kept;
 * each run makes a new cohort. Run against the dev run with docs/bench/enrolment.sh.
 */
public final class EnrolmentLoad {

    static final String PASSWORD = "bench-learner-pass-1";

    public static void main(String[] args) throws Exception {
        String jdbc = System.getProperty("jdbc", "jdbc:postgresql://localhost:15432/hamkke");
        String portal = System.getProperty("portal", "http://localhost:8080");
        String keycloak = System.getProperty("keycloak", "http://localhost:8180");
        int people = Integer.getInteger("people", 500);
        int seats = Integer.getInteger("seats", 30);

        long cohort = cohort(jdbc, seats);
        ensureUsers(keycloak, people);
        long signingIn = System.nanoTime();
        List<String> cookies = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> signedIn = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                int n = i;
                signedIn.add(pool.submit(() -> signIn(portal, "bench-learner-" + n)));
            }
            for (Future<String> cookie : signedIn) {
                cookies.add(cookie.get());
            }
        }
        System.out.printf("%d people signed in through Keycloak in %d s%n", people, (System.nanoTime() - signingIn) / 1_000_000_000);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        List<HttpRequest> posts = new ArrayList<>();
        for (String cookie : cookies) {
            posts.add(enrolPost(http, portal, cookie, cohort));
        }
        int pause = Integer.getInteger("pauseBeforeBurst", 0);
        if (pause > 0) {
            // Time to start a profiler on the portal for the burst alone.
            System.out.println("Burst in " + pause + " s");
            Thread.sleep(pause * 1000L);
        }
        resetStatements(jdbc);
        String pid = System.getProperty("pid", "");
        long cpuBefore = cpuMillis(pid);
        long[] machineBefore = machine();
        long[] latencies = new long[people];
        int[] statuses = new int[people];
        CountDownLatch start = new CountDownLatch(1);
        long began;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    start.await();
                    long t = System.nanoTime();
                    try {
                        statuses[n] = http.send(posts.get(n), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (java.io.IOException e) {
                        // An answer lost on the way counts as not answered (-1); the database check below shows what happened.
                        statuses[n] = -1;
                    }
                    latencies[n] = System.nanoTime() - t;
                    return null;
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (Future<?> f : sent) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long cpu = cpuMillis(pid) - cpuBefore;
        long[] machineAfter = machine();
        double busy = (machineAfter[0] - machineBefore[0]) / (double) (machineAfter[1] - machineBefore[1]);
        List<Long> sorted = java.util.Arrays.stream(latencies).map(l -> l / 1_000_000).sorted().boxed().toList();
        long answered = java.util.Arrays.stream(statuses).filter(s -> s == 302 || s == 303).count();
        System.out.printf("%d enrolment posts at once: all answered in %.2f s; %d answered with the redirect to the page, others %s%n", people,
                seconds, answered, java.util.Arrays.stream(statuses).filter(s -> s != 302 && s != 303).boxed().toList());
        System.out.printf("latency ms: p50 %d, p95 %d, p99 %d, max %d%n", pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.getLast());
        if (cpuBefore >= 0) {
            System.out.printf("portal CPU meanwhile: %.1f s, %.1f ms per enrolment; the machine's cores were %.0f %% busy (everything on it)%n",
                    cpu / 1000.0, cpu / (double) people, busy * 100);
        }
        check(jdbc, cohort, people, seats);
        printStatements(jdbc, people);
    }

    /** The process's CPU time (user and system) from /proc, in ms; -1 without a pid. */
    static long cpuMillis(String pid) throws Exception {
        if (pid.isBlank()) {
            return -1;
        }
        String[] stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat")).replaceAll(".*\\) ", "").split(" ");
        return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * 10;
    }

    /** The machine's busy and total jiffies, from /proc/stat. */
    static long[] machine() throws Exception {
        String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new long[] {total - idle, total};
    }

    private static void resetStatements(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** What the burst cost the database, statement by statement: calls per enrolment and mean time (lock waits included). */
    private static void printStatements(String jdbc, int people) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            ResultSet r = s.executeQuery("""
                    select calls, round(mean_exec_time::numeric, 2) as mean, round(total_exec_time::numeric) as total,
                           regexp_replace(left(query, 90), '\\s+', ' ', 'g') as query
                    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                      and query !~* 'qrtz_|pg_stat|pg_database'
                    order by total_exec_time desc limit 20""");
            System.out.println("  calls/enrolment   mean ms   total ms   statement");
            while (r.next()) {
                System.out.printf("  %6.2f          %8s   %8s   %s%n", r.getLong("calls") / (double) people, r.getString("mean"), r.getString("total"),
                        r.getString("query"));
            }
        }
    }

    /** A new cohort of a bench course, open for enrolment now. */
    static long cohort(String jdbc, int seats) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            ResultSet r = s.executeQuery("""
                    with c as (insert into course (title, summary, duration_weeks) values ('{"en": "Bench: fair seats"}', '{"en": "x"}', 1) returning id)
                    insert into cohort (course_id, label, time_zone, starts_on, ends_on, delivery, venue, capacity, enrolment_opens_at,
                                        enrolment_closes_at, created_at, visibility)
                    select c.id, 'Bench ' || now(), 'UTC', current_date + 30, current_date + 40, 'IN_PERSON', 'Bench hall', %d,
                           now() - interval '1 hour', now() + interval '1 day', now(), 'INVITED' from c returning id""".formatted(seats));
            r.next();
            long cohort = r.getLong(1);
            // Invited-only, so the catalog benchmark's figures are not changed by it; everyone is invited.
            s.execute("insert into cohort_invitation (cohort_id, email) select " + cohort
                    + ", 'bench-learner-' || i || '@bench.hamkke.org' from generate_series(0, 9999) i");
            return cohort;
        }
    }

    static void check(String jdbc, long cohort, int people, int seats) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            ResultSet r = s.executeQuery("""
                    select count(*) filter (where status = 'CONFIRMED') as confirmed, count(*) filter (where status = 'WAITLISTED') as waitlisted,
                           count(*) as rows, count(distinct person_id) as people,
                           max(requested_seq) filter (where status = 'CONFIRMED') < min(requested_seq) filter (where status = 'WAITLISTED') as ordered,
                           (select seats_taken from cohort where id = %d) as taken
                    from enrolment where cohort_id = %d""".formatted(cohort, cohort));
            r.next();
            System.out.printf("in the database: %d confirmed, %d waitlisted, %d rows for %d people, seats taken %d; "
                            + "every confirmed request came before every waitlisted one: %s%n",
                    r.getLong("confirmed"), r.getLong("waitlisted"), r.getLong("rows"), r.getLong("people"), r.getLong("taken"),
                    r.getBoolean("ordered"));
            boolean ok = r.getLong("confirmed") == seats && r.getLong("waitlisted") == people - seats && r.getLong("rows") == people
                    && r.getLong("people") == people && r.getBoolean("ordered");
            System.out.println(ok ? "FAIR: exactly as many confirmed as seats, the rest waitlisted in request order"
                    : "NOT FAIR: see the figures above");
        }
    }

    /** Loads the person's enrolment page and builds the post its "Enrol" button sends. */
    static HttpRequest enrolPost(HttpClient http, String portal, String cookie, long cohort) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(portal + "/me/enrol.xhtml?cohort=" + cohort)).header("Cookie", cookie).build();
        String page;
        try {
            page = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException closedMeanwhile) {
            // A kept-alive connection the server closed (it closes one after so many requests): once more, on a new one.
            page = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
        }
        String token = find(page, "<form id=\"enrol\"[\\s\\S]*?name=\"token\" value=\"([^\"]+)\"");
        String action = find(page, "<form id=\"enrol\"[^>]*action=\"([^\"]+)\"").replace("&amp;", "&");
        String body = form("cohort", String.valueOf(cohort), "token", token, "action", "enrol");
        return HttpRequest.newBuilder(URI.create(portal).resolve(action)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", portal)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String find(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("Not on the enrolment page: " + regex + "\n" + page.substring(0, Math.min(2000, page.length())));
        }
        return m.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** Keycloak users bench-learner-0..people-1, made once through the admin API. */
    static void ensureUsers(String keycloak, int people) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = Json.createReader(new StringReader(http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=" + Keycloak.ADMIN_USER
                                + "&password=" + Keycloak.ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString()).body()))
                .readObject().getString("access_token");
        String users = keycloak + "/admin/realms/" + Keycloak.REALM + "/users";
        int count = Integer.parseInt(http.send(HttpRequest.newBuilder(URI.create(users + "/count?username=bench-learner-"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body().strip());
        if (count >= people) {
            return;
        }
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < people; i++) {
                String body = Json.createObjectBuilder().add("username", "bench-learner-" + i).add("enabled", true)
                        .add("email", "bench-learner-" + i + "@bench.hamkke.org").add("emailVerified", true).add("firstName", "Bench")
                        .add("lastName", "Learner " + i)
                        .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                                .add("value", PASSWORD).add("temporary", false)))
                        .build().toString();
                pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
        }
        System.out.printf("Created %d Keycloak users in %d s%n", people, (System.nanoTime() - started) / 1_000_000_000);
    }

    /**
     * Signs in through Keycloak's form; the portal's cookies. Under load a sign-in can fail (a
     * timed-out round trip ends on the sign-in page again), so it is checked by where it lands,
     * and tried again: a bench person without a session would measure the sign-in redirect.
     */
    static String signIn(String portal, String username) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
                browser.getOptions().setJavaScriptEnabled(false);
                browser.getOptions().setCssEnabled(false);
                HtmlPage login = browser.getPage(portal + "/me/learning.xhtml");
                login.<HtmlInput>getHtmlElementById("username").setValue(username);
                login.<HtmlInput>getHtmlElementById("password").setValue(PASSWORD);
                HtmlPage landed = login.<HtmlElement>getHtmlElementById("kc-login").click();
                if ("/me/learning.xhtml".equals(landed.getUrl().getPath())) {
                    return browser.getCookieManager().getCookies().stream()
                            .filter(c -> "/".equals(c.getPath()) && !c.getName().startsWith("KEYCLOAK") && !c.getName().startsWith("KC_"))
                            .map(c -> c.getName() + "=" + c.getValue())
                            .collect(java.util.stream.Collectors.joining("; "));
                }
                if (attempt == 3) {
                    throw new IllegalStateException(username + " not signed in after 3 attempts; landed on " + landed.getUrl());
                }
            }
        }
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

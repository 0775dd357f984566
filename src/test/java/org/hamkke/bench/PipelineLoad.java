package org.hamkke.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/**
 * The staff pipeline under load (BENCHMARKS.md, issues 4 and 11): 10,000 applications across 20
 * calls, 20 staff at once. Run against the dev run with docs/bench/pipeline.sh.
 *
 * <p>Each simulated staff member signs in through Keycloak once (HtmlUnit), then visits the table
 * of a random call, in a random order (submitted, name, mean or normalised score, either way),
 * half the time filtered by a stage: a visit is the page itself (a GET, its first 25 rows) and
 * then "next" twice, as the table's paginator asks (PrimeFaces Ajax posts; the page's model
 * pages by key from the last row it served). Every request is one page load.
 * Reported: page loads per second, p50, p95, p99 and the slowest, for all and for first pages
 * and further pages apart; then, one request at a time, the statements each first page and each
 * further page sends, per order, read from pg_stat_statements.
 */
public final class PipelineLoad {

    /** The orders the table offers, as its address names them; each either way. */
    private static final String[] SORTS = {"SUBMITTED", "NAME", "MEAN", "SCORE"};
    private static final String[] STAGES = {"", "SUBMITTED", "SCREENING", "IN_REVIEW", "REJECTED"};
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("name=\"primefaces.nonce\" value=\"([^\"]+)\"");

    /** One page load: whether it was a first page (the GET) or a further one (Ajax), and how long it took. */
    private record Load(boolean first, long millis, int status) {}

    public static void main(String[] args) throws Exception {
        String jdbc = System.getProperty("jdbc", "jdbc:postgresql://localhost:15432/hamkke");
        String portal = System.getProperty("portal", "http://localhost:8080");
        int staff = Integer.getInteger("staff", 20);
        int perStaff = Integer.getInteger("requests", 50);
        // Pause between one person's page loads, in ms: 0 is a flood, people read for a second or more.
        int think = Integer.getInteger("think", 0);
        List<Long> calls = seed(jdbc);

        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < staff; i++) {
            cookies.add(signIn(portal));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        // warm-up
        for (int i = 0; i < 15; i++) {
            visit(http, cookies.getFirst(), portal, calls, random(SORTS), random(STAGES), 2, 0, new ArrayList<>());
        }
        List<Load> loads = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(staff)) {
            for (String cookie : cookies) {
                pool.submit(() -> {
                    List<Load> mine = new ArrayList<>();
                    while (mine.size() < perStaff) {
                        visit(http, cookie, portal, calls, random(SORTS), random(STAGES), Math.min(2, perStaff - mine.size() - 1), think, mine);
                    }
                    loads.addAll(mine);
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d staff x %d page loads (think %d ms) = %d in %.1f s (%.0f/s); non-200: %d%n", staff, perStaff, think, loads.size(),
                seconds, loads.size() / seconds, loads.stream().filter(l -> l.status() != 200).count());
        report("all page loads", loads);
        report("first pages (GET)", loads.stream().filter(Load::first).toList());
        report("further pages (Ajax)", loads.stream().filter(l -> !l.first()).toList());
        statementsPerPage(jdbc, http, cookies.getFirst(), portal, calls);
    }

    private static void report(String what, List<Load> loads) {
        List<Long> sorted = loads.stream().map(Load::millis).sorted().toList();
        if (!sorted.isEmpty()) {
            System.out.printf("  %-22s %5d  latency ms: p50 %d, p95 %d, p99 %d, max %d%n", what, sorted.size(), pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), sorted.getLast());
        }
    }

    private static String random(String[] among) {
        return among[ThreadLocalRandom.current().nextInt(among.length)];
    }

    /** 10,000 applications over 20 calls (500 each), once; a rerun reuses them. */
    static List<Long> seed(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            ResultSet existing = s.executeQuery("select count(*) from application where receipt like 'LOAD-%'");
            existing.next();
            if (existing.getLong(1) < 10_000) {
                s.execute("insert into person (subject, username, display_name, created_at) select 'load:' || i, 'load' || i, "
                        + "'Load Applicant ' || i, now() from generate_series(1, 500) i on conflict (subject) do nothing");
                s.execute("insert into programme_call (title, summary, opens_at, closes_at, time_zone) select "
                        + "jsonb_build_object('en', 'Load call ' || i), '{\"en\": \"load\"}', now() - interval '30 days', "
                        + "now() + interval '30 days', 'UTC' from generate_series(1, 20) i");
                s.execute("""
                        insert into application (call_id, applicant_id, name, stage, created_at, updated_at, submitted_at, receipt,
                                                 decision_message, decided_at)
                        select c.id, p.id, 'Load venture ' || p.id || '-' || c.id, s.stage,
                               now(), now(), now() - ((p.id % 300) || ' minutes')::interval, 'LOAD-' || c.id || '-' || p.id,
                               case when s.stage in ('ACCEPTED', 'WAITLISTED', 'REJECTED') then 'Load decision' end,
                               case when s.stage in ('ACCEPTED', 'WAITLISTED', 'REJECTED') then now() end
                        from (select id from programme_call where title ->> 'en' like 'Load call %' order by id desc limit 20) c
                        cross join (select id from person where subject like 'load:%') p
                        cross join lateral (select (array['SUBMITTED','SCREENING','IN_REVIEW','INTERVIEW','ACCEPTED','WAITLISTED',
                                                          'REJECTED','WITHDRAWN'])[1 + (p.id + c.id) % 8] as stage) s
                        on conflict do nothing""");
                s.execute("analyze application");
            }
            // Every application has its review summary (the portal makes it on submission); half of
            // them scored, with figures set directly as if reviewed, so the score orders have
            // something to order. Half are collectives.
            if (s.executeUpdate("""
                    insert into application_score (application_id, call_id) select id, call_id from application
                    where receipt like 'LOAD-%' on conflict do nothing""") > 0) {
                s.execute("""
                        update application_score set reviews_assigned = 2, reviews_done = 2, reviews_scored = 2,
                               mean = (application_id * 7919 % 1000) / 10.0, spread = (application_id % 23),
                               lowest = (application_id * 7919 % 1000) / 10.0 - (application_id % 23),
                               highest = (application_id * 7919 % 1000) / 10.0 + (application_id % 23),
                               normalised = (application_id * 104729 % 1000) / 10.0, disagreement = application_id % 23 > 15
                        where application_id in (select id from application where receipt like 'LOAD-%' and id % 2 = 0)""");
                s.execute("update application set applicant_kind = 'COLLECTIVE' where receipt like 'LOAD-%' and id % 2 = 1");
                s.execute("analyze application_score");
            }
            ResultSet r = s.executeQuery("select distinct call_id from application where receipt like 'LOAD-%' order by call_id");
            List<Long> calls = new ArrayList<>();
            while (r.next()) {
                calls.add(r.getLong(1));
            }
            System.out.printf("%d calls with load applications%n", calls.size());
            return calls;
        }
    }

    static String signIn(String portal) throws Exception {
        return signIn(portal, "staff", "staff-demo-pass");
    }

    /** Signs a demo person in through Keycloak's form; the portal's cookies, as a Cookie header. */
    static String signIn(String portal, String username, String password) throws Exception {
        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            HtmlPage login = browser.getPage(portal + "/me/");
            login.<HtmlInput>getHtmlElementById("username").setValue(username);
            login.<HtmlInput>getHtmlElementById("password").setValue(password);
            login.<HtmlElement>getHtmlElementById("kc-login").click();
            // The portal's own cookies (its session cookie is HAMKKE_SESSION), not Keycloak's.
            return browser.getCookieManager().getCookies().stream()
                    .filter(c -> "/".equals(c.getPath()) && !c.getName().startsWith("KEYCLOAK") && !c.getName().startsWith("KC_"))
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
        }
    }

    /**
     * One visit to a call's table: the page in the order and stage given (direction at random),
     * then up to {@code further} "next" pages over Ajax while there are more. Each load is added
     * to {@code loads}, with a pause of about {@code think} ms after each.
     */
    static void visit(HttpClient http, String cookie, String portal, List<Long> calls, String sort, String stage, int further, int think,
            List<Load> loads) throws Exception {
        var random = ThreadLocalRandom.current();
        long call = calls.get(random.nextInt(calls.size()));
        String url = portal + "/staff/applications.xhtml?call=" + call + "&sort=" + sort + "&dir=" + (random.nextBoolean() ? "asc" : "desc")
                + (stage.isEmpty() ? "" : "&stage=" + stage);
        long t = System.nanoTime();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        loads.add(new Load(true, (System.nanoTime() - t) / 1_000_000, page.statusCode()));
        pause(think);
        Matcher state = VIEW_STATE.matcher(page.body());
        Matcher nonce = NONCE.matcher(page.body());
        if (!state.find() || !nonce.find()) {
            return;
        }
        int rowCount = rowCount(page.body());
        for (int p = 1; p <= further && p * 25 < rowCount; p++) {
            String form = String.join("&", "jakarta.faces.partial.ajax=true", "jakarta.faces.source=pipeline:table",
                    "jakarta.faces.partial.execute=pipeline:table", "jakarta.faces.partial.render=pipeline:table", "pipeline:table=pipeline:table",
                    "pipeline:table_pagination=true", "pipeline:table_first=" + (p * 25), "pipeline:table_rows=25", "pipeline:table_skipChildren=true",
                    "pipeline:table_encodeFeature=true", "pipeline=pipeline", "primefaces.nonce=" + encode(nonce.group(1)),
                    "pipeline:stage=" + stage, "pipeline:kind=", "pipeline:name=", "pipeline:table_selection=",
                    "jakarta.faces.ViewState=" + encode(state.group(1)));
            t = System.nanoTime();
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(portal + "/staff/applications.xhtml"))
                    .header("Cookie", cookie).header("Faces-Request", "partial/ajax").header("Origin", portal)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            boolean rows = next.statusCode() == 200 && next.body().contains("data-rk=");
            loads.add(new Load(false, (System.nanoTime() - t) / 1_000_000, rows ? 200 : 599));
            pause(think);
        }
    }

    private static int rowCount(String html) {
        Matcher m = Pattern.compile("rowCount:(\\d+)").matcher(html);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void pause(int think) throws InterruptedException {
        if (think > 0) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(think / 2, think * 3 / 2));
        }
    }

    /**
     * Statements and transactions per page load, one request at a time: for each order, 20 first
     * pages alone, then 20 visits of a first page and four further ones; the further pages' share
     * is the difference, per page. Statements from pg_stat_statements (the dev run's PostgreSQL
     * preloads it), every statement the portal sent but BEGIN/COMMIT and the scheduler's own
     * (qrtz_); transactions from pg_stat_database. The scheduler and the mail outbox run
     * meanwhile, so a few of their statements may count too.
     */
    static void statementsPerPage(String jdbc, HttpClient http, String cookie, String portal, List<Long> calls) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            System.out.println("statements per page load, one request at a time (20 of each):");
            for (String sort : SORTS) {
                Measured first = measure(s, () -> {
                    for (int i = 0; i < 20; i++) {
                        visit(http, cookie, portal, calls, sort, random(STAGES), 0, 0, new ArrayList<>());
                    }
                });
                Measured visits = measure(s, () -> {
                    for (int i = 0; i < 20; i++) {
                        // No stage: every call has 500 rows, so four more pages always exist.
                        visit(http, cookie, portal, calls, sort, "", 4, 0, new ArrayList<>());
                    }
                });
                System.out.printf("  by %-9s first page: %.1f statements, %.1f transactions; each further page: %.1f statements, %.1f transactions%n",
                        sort, first.statements() / 20.0, first.transactions() / 20.0, (visits.statements() - first.statements()) / 80.0,
                        (visits.transactions() - first.transactions()) / 80.0);
                if (sort.equals("SCORE")) {
                    System.out.print("  first pages by score, each statement per page:\n" + first.each());
                    System.out.print("  a first page and four further ones by score, each statement per visit:\n" + visits.each());
                }
            }
        }
    }

    private interface Burst {
        void run() throws Exception;
    }

    /** What a burst of 20 sent: statements, transactions, and each statement's count per 20. */
    private record Measured(long statements, long transactions, String each) {}

    private static Measured measure(Statement s, Burst burst) throws Exception {
        s.execute("select pg_stat_statements_reset()");
        long before = stats(s)[0];
        burst.run();
        Thread.sleep(600);
        long transactions = stats(s)[0] - before;
        ResultSet r = s.executeQuery("""
                select calls, regexp_replace(left(query, 110), '\\s+', ' ', 'g') from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query !~* '^\\s*(begin|commit|rollback|set|show)\\y' and query !~* 'qrtz_|pg_stat|pg_database'
                order by calls desc""");
        long statements = 0;
        StringBuilder each = new StringBuilder();
        while (r.next()) {
            statements += r.getLong(1);
            each.append(String.format("    %5.2f  %s%n", r.getLong(1) / 20.0, r.getString(2)));
        }
        return new Measured(statements, transactions, each.toString());
    }

    private static long[] stats(Statement s) throws Exception {
        s.execute("select pg_stat_clear_snapshot()");
        ResultSet r = s.executeQuery("select (select xact_commit + xact_rollback from pg_stat_database where datname = current_database()), "
                + "seq_scan, idx_scan from pg_stat_user_tables where relname = 'application'");
        r.next();
        return new long[] {r.getLong(1), r.getLong(2), r.getLong(3)};
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

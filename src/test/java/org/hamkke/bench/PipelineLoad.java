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
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/**
 * The staff pipeline under load (BENCHMARKS.md, issue 4): 10,000 applications across 20 calls,
 * 20 staff at once paging and filtering. Run against the dev run with docs/bench/pipeline.sh.
 *
 * <p>Each simulated staff member signs in through Keycloak once (HtmlUnit), then loads random
 * pages of random calls (the page after a random application, as the table pages by key), some
 * filtered by a stage, with no pause between requests.
 * Reported: requests, p50, p95, p99 and the slowest, and the database statements per page,
 * read from pg_stat_database around a burst of single-threaded page loads.
 */
public final class PipelineLoad {

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
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String[] stages = {"", "SUBMITTED", "SCREENING", "IN_REVIEW", "REJECTED"};
        // warm-up
        for (int i = 0; i < 40; i++) {
            get(http, cookies.getFirst(), portal, calls, stages);
        }
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(staff)) {
            for (String cookie : cookies) {
                pool.submit(() -> {
                    for (int r = 0; r < perStaff; r++) {
                        long t = System.nanoTime();
                        int status = get(http, cookie, portal, calls, stages);
                        times.add((System.nanoTime() - t) / 1_000_000);
                        statuses.add(status);
                        if (think > 0) {
                            Thread.sleep(ThreadLocalRandom.current().nextInt(think / 2, think * 3 / 2));
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = times.stream().sorted().toList();
        System.out.printf("%d staff x %d page loads (think %d ms) = %d in %.1f s (%.0f/s); non-200: %d%n", staff, perStaff, think, sorted.size(),
                seconds, sorted.size() / seconds, statuses.stream().filter(s -> s != 200).count());
        System.out.printf("latency ms: p50 %d, p95 %d, p99 %d, max %d%n", pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.getLast());
        statementsPerPage(jdbc, http, cookies.getFirst(), portal, calls, stages);
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
            ResultSet r = s.executeQuery("select call_id, id from application where receipt like 'LOAD-%' order by call_id, id");
            List<Long> calls = new ArrayList<>();
            while (r.next()) {
                if (!APPLICATIONS.containsKey(r.getLong(1))) {
                    calls.add(r.getLong(1));
                }
                APPLICATIONS.computeIfAbsent(r.getLong(1), c -> new ArrayList<>()).add(r.getLong(2));
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

    /** Every order the table offers, each sorted in the database. */
    private static final String[] SORTS = {"NEWEST", "OLDEST", "NAME"};

    /** Each load call's application ids: a random one is where a random page starts (the table pages by key). */
    private static final java.util.Map<Long, List<Long>> APPLICATIONS = new java.util.concurrent.ConcurrentHashMap<>();

    static int get(HttpClient http, String cookie, String portal, List<Long> calls, String[] stages) throws Exception {
        var random = ThreadLocalRandom.current();
        String stage = stages[random.nextInt(stages.length)];
        long call = calls.get(random.nextInt(calls.size()));
        List<Long> ids = APPLICATIONS.getOrDefault(call, List.of());
        // A page somewhere in the call: the one after a random application, as "next" links lead there.
        String from = ids.isEmpty() || random.nextInt(20) == 0 ? "" : "&after=" + ids.get(random.nextInt(ids.size()));
        String url = portal + "/staff/applications.xhtml?call=" + call
                + (stage.isEmpty() ? "" : "&stage=" + stage) + from
                + "&sort=" + SORTS[random.nextInt(SORTS.length)];
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Statements and transactions per page load, around {@code loads} single page loads: statements
     * from pg_stat_statements (the dev run's PostgreSQL preloads it), every statement the portal
     * sent but BEGIN/COMMIT and the scheduler's own (qrtz_) and this benchmark's; transactions and
     * the scans on {@code application} from pg_stat_database and pg_stat_user_tables. The
     * scheduler and the mail outbox run meanwhile, so a few of their statements may count too.
     */
    static void statementsPerPage(String jdbc, HttpClient http, String cookie, String portal, List<Long> calls, String[] stages)
            throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            long[] before = stats(s);
            s.execute("select pg_stat_statements_reset()");
            int loads = 50;
            for (int i = 0; i < loads; i++) {
                get(http, cookie, portal, calls, stages);
            }
            Thread.sleep(600);
            long[] after = stats(s);
            System.out.printf("per page load: %.1f transactions (portal), %.1f sequential scans on application, %.1f index scans on application%n",
                    (after[0] - before[0]) / (double) loads, (after[1] - before[1]) / (double) loads, (after[2] - before[2]) / (double) loads);
            ResultSet r = s.executeQuery("""
                    select calls, regexp_replace(left(query, 110), '\\s+', ' ', 'g') from pg_stat_statements
                    where dbid = (select oid from pg_database where datname = current_database())
                      and query !~* '^\\s*(begin|commit|rollback|set|show)\\y' and query !~* 'qrtz_|pg_stat|pg_database'
                    order by calls desc""");
            long statements = 0;
            StringBuilder each = new StringBuilder();
            while (r.next()) {
                statements += r.getLong(1);
                each.append(String.format("  %5.2f  %s%n", r.getLong(1) / (double) loads, r.getString(2)));
            }
            System.out.printf("per page load: %.1f statements%n%s", statements / (double) loads, each);
        }
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

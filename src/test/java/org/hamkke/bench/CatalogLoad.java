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

/**
 * The public catalog with 1,000 cohorts (BENCHMARKS.md, issue 12): how many SQL statements a page
 * costs (pg_stat_statements, as PipelineLoad counts them) at the first page, a far page and under
 * filters, and the latency of {@code readers} (32) anonymous readers loading random pages and
 * filters, with {@code think} ms between one reader's loads (0: a flood). With {@code roster=<cohort id>} it also counts the statements of that
 * cohort's staff roster (the 500-person cohort EnrolmentLoad leaves). Seeds the cohorts once
 * (labelled "Catalog bench"). Run against the dev run with docs/bench/catalog.sh.
 */
public final class CatalogLoad {

    private static final String[] FILTERS = {"", "taught=en", "taught=fr", "level=BEGINNER", "level=ADVANCED", "delivery=ONLINE",
        "delivery=IN_PERSON", "seats=1", "from=" + java.time.LocalDate.now().plusDays(60), "seats=1&level=INTERMEDIATE"};

    public static void main(String[] args) throws Exception {
        String jdbc = System.getProperty("jdbc", "jdbc:postgresql://localhost:15432/hamkke");
        String portal = System.getProperty("portal", "http://localhost:8080");
        int readers = Integer.getInteger("readers", 32);
        int perReader = Integer.getInteger("requests", 50);
        // Pause between one reader's page loads, in ms: 0 is a flood; people read a page for a second or more.
        int think = Integer.getInteger("think", 0);
        long total = seed(jdbc);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 40; i++) {
            get(http, portal, randomPage(total));
        }
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            for (String page : List.of("/academy/catalog.xhtml", "/academy/catalog.xhtml?page=" + (total / 12),
                    "/academy/catalog.xhtml?taught=fr&seats=1", "/academy/catalog.xhtml?level=ADVANCED&delivery=ONLINE&page=3")) {
                statements(s, http, portal, page, null);
            }
            String cohort = System.getProperty("roster");
            if (cohort != null) {
                String cookie = PipelineLoad.signIn(portal);
                statements(s, http, portal, "/staff/roster.xhtml?cohort=" + cohort, cookie);
                statements(s, http, portal, "/academy/cohort.xhtml?id=" + cohort, null);
            }
        }

        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        List<Integer> failed = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(readers)) {
            for (int r = 0; r < readers; r++) {
                pool.submit(() -> {
                    for (int i = 0; i < perReader; i++) {
                        long t = System.nanoTime();
                        int status = get(http, portal, randomPage(total));
                        times.add((System.nanoTime() - t) / 1_000_000);
                        if (status != 200) {
                            failed.add(status);
                        }
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
        System.out.printf("%d readers x %d catalog pages (think %d ms) = %d in %.1f s (%.0f/s), not 200: %s%n", readers, perReader, think,
                sorted.size(), seconds,
                sorted.size() / seconds, failed);
        System.out.printf("latency ms: p50 %d, p95 %d, p99 %d, max %d%n", EnrolmentLoad.pct(sorted, 50), EnrolmentLoad.pct(sorted, 95),
                EnrolmentLoad.pct(sorted, 99), sorted.getLast());
    }

    private static String randomPage(long total) {
        var random = ThreadLocalRandom.current();
        String filter = FILTERS[random.nextInt(FILTERS.length)];
        int page = filter.isEmpty() ? 1 + random.nextInt((int) Math.max(1, total / 12)) : 1 + random.nextInt(3);
        return "/academy/catalog.xhtml?" + (filter.isEmpty() ? "" : filter + "&") + "page=" + page;
    }

    /** Statements per load of one page, over ten single loads (BEGIN/COMMIT, the scheduler's and this program's own left out). */
    private static void statements(Statement s, HttpClient http, String portal, String page, String cookie) throws Exception {
        int status = cookie == null ? get(http, portal, page) : get(http, portal, page, cookie);
        s.execute("select pg_stat_statements_reset()");
        int loads = 10;
        for (int i = 0; i < loads; i++) {
            if (cookie == null) {
                get(http, portal, page);
            } else {
                get(http, portal, page, cookie);
            }
        }
        Thread.sleep(300);
        ResultSet r = s.executeQuery("""
                select calls, regexp_replace(left(query, 100), '\\s+', ' ', 'g') from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query !~* '^\\s*(begin|commit|rollback|set|show)\\y' and query !~* 'qrtz_|pg_stat|pg_database'
                order by calls desc""");
        long statements = 0;
        StringBuilder each = new StringBuilder();
        while (r.next()) {
            statements += r.getLong(1);
            each.append(String.format("    %5.2f  %s%n", r.getLong(1) / (double) loads, r.getString(2)));
        }
        System.out.printf("%-70s %d  %4.1f statements per load%n%s", page, status, statements / (double) loads, each);
    }

    /** 1,000 public cohorts of 20 courses in three languages, levels and deliveries, once. */
    static long seed(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            ResultSet existing = s.executeQuery("select count(*) from cohort where label like 'Catalog bench %'");
            existing.next();
            if (existing.getLong(1) < 1000) {
                s.execute("""
                        insert into course (title, summary, duration_weeks, language, level)
                        select jsonb_build_object('en', 'Catalog bench course ' || i, 'fr', 'Cours de banc ' || i), '{"en": "A course to measure the catalog."}',
                               4, (array['en', 'fr', 'id'])[1 + i % 3], (array['BEGINNER', 'INTERMEDIATE', 'ADVANCED'])[1 + i % 3]
                        from generate_series(1, 20) i""");
                s.execute("""
                        insert into cohort (course_id, label, time_zone, starts_on, ends_on, delivery, venue, meeting_link, capacity,
                                            enrolment_opens_at, enrolment_closes_at, created_at)
                        select c.id, 'Catalog bench ' || n, 'Asia/Jakarta', current_date + (n % 300), current_date + (n % 300) + 30,
                               (array['IN_PERSON', 'ONLINE', 'BLENDED'])[1 + n % 3], 'Hall ' || n, 'https://meet.example/' || n, 20,
                               now() - interval '1 day', now() + ((n % 300) || ' days')::interval + interval '1 hour', now()
                        from generate_series(1, 1000) n
                        join lateral (select id from course where title ->> 'en' = 'Catalog bench course ' || (1 + n % 20) order by id limit 1) c on true""");
                s.execute("""
                        insert into cohort_session (cohort_id, starts_at, ends_at)
                        select h.id, (h.starts_on + w * 7 + time '10:00') at time zone h.time_zone, (h.starts_on + w * 7 + time '12:00') at time zone h.time_zone
                        from cohort h, generate_series(0, 3) w where h.label like 'Catalog bench %'""");
                s.execute("analyze cohort; analyze course; analyze cohort_session; analyze enrolment");
            }
            ResultSet visible = s.executeQuery("""
                    select count(*) from cohort h join course c on c.id = h.course_id
                    where h.visibility = 'PUBLIC' and c.status = 'ACTIVE' and h.ends_on >= (now() at time zone h.time_zone)::date""");
            visible.next();
            System.out.printf("%d cohorts in the catalog%n", visible.getLong(1));
            return visible.getLong(1);
        }
    }

    private static int get(HttpClient http, String portal, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(portal + path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int get(HttpClient http, String portal, String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(portal + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

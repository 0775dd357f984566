package org.hamkke.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.hamkke.it.JobStoreClient;

/**
 * Notices delivered per second, through the real service, to the mail catcher (BENCHMARKS.md).
 * Run against the dev run ({@code mvn -Pdev package}) with docs/bench/notices.sh.
 *
 * <p>It gives N people one notice each waiting for the daily digest, then fires the digest job in
 * the portal: the job calls NotificationService.notify once per person (a transaction each), and
 * the outbox mails them over SMTP. Reported: the job's notify rate, and the delivery rate from the
 * first digest stored to the last mail accepted by the SMTP server.
 */
public final class NoticeThroughput {

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(System.getProperty("people", "2000"));
        String jdbcUrl = System.getProperty("jdbc", "jdbc:postgresql://localhost:15432/hamkke");
        String run = "bench" + System.currentTimeMillis();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = db.createStatement()) {
            s.execute("delete from notice where dedupe_key like 'bench-%' or recipient_id in (select id from person where subject like 'bench-%')");
            s.execute("delete from notice_delivery where person_id in (select id from person where subject like 'bench-%')");
            s.execute("delete from person where subject like 'bench-%'");
            s.execute("insert into person (subject, username, display_name, email, locale, created_at, version) "
                    + "select 'bench-' || i, 'bench' || i, 'Bench Person ' || i, 'bench' || i || '@bench.hamkke.org', "
                    + "(array['en','ar','fr','id','ur'])[1 + i % 5], now(), 0 from generate_series(1, " + people + ") i");
            s.execute("insert into notice (recipient_id, kind, dedupe_key, data, link, created_at, email_state) "
                    + "select id, 'role-granted', 'bench-" + run + "', '{\"roleKey\":\"role.mentor\"}', '/mentor/', now(), 'DIGEST' "
                    + "from person where subject like 'bench-%'");
            System.out.printf("%d people, each with one notice waiting for the digest%n", people);

            // Meanwhile a visitor keeps loading the home page: request threads must stay responsive.
            var latencies = java.util.Collections.synchronizedList(new java.util.ArrayList<Long>());
            var http = java.net.http.HttpClient.newHttpClient();
            var home = java.net.http.HttpRequest.newBuilder(java.net.URI.create(System.getProperty("portal", "http://localhost:8080") + "/")).build();
            var visitor = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long t = System.nanoTime();
                    try {
                        http.send(home, java.net.http.HttpResponse.BodyHandlers.discarding());
                        latencies.add((System.nanoTime() - t) / 1_000_000);
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        latencies.add(-1L);
                    }
                }
            });
            long fired = System.currentTimeMillis();
            try (var jobs = new JobStoreClient(jdbcUrl, "bench")) {
                jobs.fireOnce("daily-digest", run, 0, Map.of());
            }
            String digests = "from notice n join person p on p.id = n.recipient_id where p.subject like 'bench-%' and n.kind = 'daily-digest'";
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
            while (count(s, "select count(*) " + digests + " and n.email_state = 'SENT'") < people) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Not all delivered in 10 minutes: "
                            + count(s, "select count(*) " + digests + " and n.email_state = 'SENT'"));
                }
                Thread.sleep(200);
            }
            try (ResultSet r = s.executeQuery("select extract(epoch from max(n.created_at) - min(n.created_at)), "
                    + "extract(epoch from max(n.email_sent_at) - min(n.created_at)), "
                    + "extract(epoch from min(n.created_at)) * 1000 " + digests)) {
                r.next();
                double notifySeconds = r.getDouble(1);
                double deliverSeconds = r.getDouble(2);
                long firstCreated = (long) r.getDouble(3);
                System.out.printf("Job start delay (trigger stored -> first notice): %d ms%n", firstCreated - fired);
                System.out.printf("notify(): %d notices in %.2f s = %.0f/s%n", people, notifySeconds, people / notifySeconds);
                System.out.printf("Delivered over SMTP: %d mails in %.2f s = %.0f/s (first stored -> last accepted)%n",
                        people, deliverSeconds, people / deliverSeconds);
            }
            visitor.interrupt();
            var sorted = latencies.stream().filter(l -> l >= 0).sorted().toList();
            System.out.printf("Home page meanwhile: %d loads, median %d ms, p95 %d ms, failed %d%n", sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)),
                    latencies.stream().filter(l -> l < 0).count());
            System.out.println("Duplicates: " + count(s, "select count(*) - count(distinct recipient_id) " + digests));
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}

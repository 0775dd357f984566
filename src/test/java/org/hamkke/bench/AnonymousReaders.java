package org.hamkke.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Anonymous readers on the public pages (BENCHMARKS.md, issue 10): N page views by C concurrent
 * readers who keep no cookies, as a crawler does. Counts the sessions the portal started (a
 * {@code Set-Cookie} of the session cookie) and reads the portal's heap after a full GC before and
 * after, with jcmd. Run against the dev run with docs/bench/anonymous.sh.
 */
public final class AnonymousReaders {

    public static void main(String[] args) throws Exception {
        String portal = System.getProperty("portal", "http://localhost:8080");
        int views = Integer.getInteger("views", 10_000);
        int readers = Integer.getInteger("readers", 16);
        long pid = Long.parseLong(System.getProperty("pid"));
        List<String> pages = List.of("/", "/?signin=failed", "/index.xhtml", "/no-such-page.xhtml");

        System.out.printf("Heap in use after a full GC, before: %s%n", heapAfterGc(pid));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger sessions = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(readers)) {
            for (int r = 0; r < readers; r++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < views) {
                        String page = pages.get(i % pages.size());
                        long t = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(portal + page)).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            latencies.add((System.nanoTime() - t) / 1_000);
                            bytes.addAndGet(response.body().length);
                            if (response.statusCode() >= 500) {
                                failures.incrementAndGet();
                            }
                            if (response.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("HAMKKE_SESSION="))) {
                                sessions.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("%d views by %d readers in %.1f s (%.0f/s), p50 %.1f ms, p95 %.1f ms, %d failed, %.1f MB%n",
                views, readers, seconds, views / seconds, sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(sorted.size() * 95 / 100) / 1000.0, failures.get(), bytes.get() / 1e6);
        System.out.printf("Sessions started: %d%n", sessions.get());
        System.out.printf("Heap in use after a full GC, after: %s%n", heapAfterGc(pid));
    }

    /** The used heap after a full collection: the young and old generations' "used" of jcmd's GC.heap_info. */
    private static String heapAfterGc(long pid) throws Exception {
        run("jcmd", String.valueOf(pid), "GC.run");
        long usedKb = 0;
        var used = java.util.regex.Pattern.compile("^\\s*(DefNew|Tenured|def new generation|tenured generation)\\s+total \\d+K, used (\\d+)K");
        for (String line : run("jcmd", String.valueOf(pid), "GC.heap_info")) {
            var match = used.matcher(line);
            if (match.find()) {
                usedKb += Long.parseLong(match.group(2));
            }
        }
        return String.format("%.1f MB", usedKb / 1024.0);
    }

    private static List<String> run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        }
        process.waitFor();
        return lines;
    }
}

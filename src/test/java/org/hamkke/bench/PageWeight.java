package org.hamkke.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Page weight (BENCHMARKS.md): what a browser fetches for a page, compressed, on a first visit
 * (the page, its stylesheets, scripts and images, and the icon font when the page shows
 * PrimeFaces icons) and on a repeat visit (the page, and whatever of the rest may not be taken
 * from the cache: every versioned resource is cached for a year). Run against the dev run with
 * docs/bench/page-weight.sh.
 *
 * <p>Pages ({@code -Dset=intake}, the default): the public home page, the applicant's form, the
 * staff table of the call with the most applications, its board, one application of it, and the
 * reviewer's home. With {@code -Dset=academy}: the academy's public catalog and cohort page,
 * enrolling, My learning, and staff's courses, cohorts, cohort editor and roster. Each is read as
 * the demo person who uses it (signed in through Keycloak).
 */
public final class PageWeight {

    private static final Pattern RESOURCE = Pattern.compile("<(?:link|script|img)\\b[^>]*?\\b(?:href|src)=\"(/[^\"]+)\"");
    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*}");
    private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

    public static void main(String[] args) throws Exception {
        String portal = System.getProperty("portal", "http://localhost:8080");
        String jdbc = System.getProperty("jdbc", "jdbc:postgresql://localhost:15432/hamkke");
        boolean verbose = Boolean.getBoolean("verbose");
        Map<String, String[]> pages = "academy".equals(System.getProperty("set")) ? academyPages(jdbc) : intakePages(jdbc);
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        System.out.printf("%-14s %12s %12s  %s%n", "page", "first visit", "repeat visit", "what");
        for (var page : pages.entrySet()) {
            String who = page.getValue()[0];
            String cookie = who == null ? null : cookies.computeIfAbsent(who, u -> {
                try {
                    return PipelineLoad.signIn(portal, u, u + "-demo-pass");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Fetched html = fetch(http, portal + page.getValue()[1], cookie);
            if (html.status() != 200) {
                throw new IllegalStateException(page.getValue()[1] + " answered " + html.status());
            }
            Set<String> resources = new LinkedHashSet<>();
            Matcher m = RESOURCE.matcher(html.text());
            while (m.find()) {
                resources.add(m.group(1).replace("&amp;", "&"));
            }
            long first = html.compressed();
            long repeat = html.compressed();
            StringBuilder detail = new StringBuilder();
            boolean icons = html.text().contains("ui-icon") || html.text().contains("\"pi ") || html.text().contains(" pi-");
            Set<String> fonts = new LinkedHashSet<>();
            for (String resource : resources) {
                Fetched r = fetch(http, portal + resource, cookie);
                first += r.compressed();
                if (!r.cachedForLong()) {
                    repeat += r.compressed();
                }
                detail.append(String.format("    %7d  %s%s%n", r.compressed(), resource, r.cachedForLong() ? "" : "  (not cached)"));
                if (icons && resource.contains(".css")) {
                    Matcher face = FONT_FACE.matcher(r.text());
                    while (face.find()) {
                        // A browser takes the first source it can use: woff2 where offered.
                        Matcher url = URL.matcher(face.group());
                        String chosen = null;
                        while (url.find()) {
                            if (chosen == null || url.group(1).contains(".woff2")) {
                                chosen = url.group(1);
                            }
                        }
                        if (chosen != null && !chosen.startsWith("data:")) {
                            fonts.add(chosen.startsWith("/") ? chosen : URI.create(portal + resource).resolve(chosen).getPath()
                                    + (chosen.contains("?") ? chosen.substring(chosen.indexOf('?')) : ""));
                        }
                    }
                }
            }
            for (String font : fonts) {
                Fetched f = fetch(http, portal + font, cookie);
                first += f.compressed();
                detail.append(String.format("    %7d  %s (icon font)%n", f.compressed(), font));
            }
            System.out.printf("%-14s %9.1f KB %9.1f KB  %s (%d resources, HTML %.1f KB)%n", page.getKey(), first / 1024.0, repeat / 1024.0,
                    page.getValue()[1], resources.size() + fonts.size(), html.compressed() / 1024.0);
            if (verbose) {
                System.out.print(detail);
            }
        }
    }

    /** The home page, the applicant's form, the staff table, board and application page, the reviewer's home. */
    private static Map<String, String[]> intakePages(String jdbc) throws Exception {
        long call;
        long application;
        long openCall;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            ResultSet r = s.executeQuery("select call_id, count(*) from application where stage is not null group by call_id order by 2 desc, 1 limit 1");
            r.next();
            call = r.getLong(1);
            r = s.executeQuery("select a.id from application a left join application_score sc on sc.application_id = a.id "
                    + "where a.call_id = " + call + " and a.stage is not null order by coalesce(sc.reviews_done, 0) desc, a.id limit 1");
            r.next();
            application = r.getLong(1);
            r = s.executeQuery("select id from programme_call where opens_at < now() and closes_at > now() order by id limit 1");
            r.next();
            openCall = r.getLong(1);
        }
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("home", new String[] {null, "/"});
        pages.put("apply", new String[] {"applicant", "/me/apply.xhtml?call=" + openCall});
        pages.put("staff table", new String[] {"staff", "/staff/applications.xhtml?call=" + call});
        pages.put("staff board", new String[] {"staff", "/staff/board.xhtml?call=" + call});
        pages.put("application", new String[] {"staff", "/staff/application.xhtml?id=" + application});
        pages.put("reviewer home", new String[] {"reviewer", "/reviewer/"});
        return pages;
    }

    /**
     * The academy (issue 12): the public catalog and a cohort's page (anonymous), enrolling and My
     * learning (the demo entrepreneur, in the cohort she is enrolled in), and staff's courses,
     * cohorts, a cohort's editor and the roster of the cohort with the most enrolments.
     */
    private static Map<String, String[]> academyPages(String jdbc) throws Exception {
        long cohort;
        long mine;
        long roster;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            ResultSet r = s.executeQuery("select h.id from cohort h join cohort_session x on x.cohort_id = h.id where h.visibility = 'PUBLIC' "
                    + "and h.ends_on >= current_date group by h.id order by count(*) desc, h.id limit 1");
            r.next();
            cohort = r.getLong(1);
            r = s.executeQuery("select e.cohort_id from enrolment e join person p on p.id = e.person_id where p.username = 'entrepreneur' "
                    + "and e.status <> 'CANCELLED' order by e.id limit 1");
            r.next();
            mine = r.getLong(1);
            r = s.executeQuery("select cohort_id from enrolment group by cohort_id order by count(*) desc, cohort_id limit 1");
            r.next();
            roster = r.getLong(1);
        }
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("catalog", new String[] {null, "/academy/catalog.xhtml"});
        pages.put("cohort page", new String[] {null, "/academy/cohort.xhtml?id=" + cohort});
        pages.put("enrol", new String[] {"entrepreneur", "/me/enrol.xhtml?cohort=" + mine});
        pages.put("my learning", new String[] {"entrepreneur", "/me/learning.xhtml"});
        pages.put("staff courses", new String[] {"staff", "/staff/courses.xhtml"});
        pages.put("staff cohorts", new String[] {"staff", "/staff/cohorts.xhtml"});
        pages.put("staff cohort", new String[] {"staff", "/staff/cohort.xhtml?id=" + roster});
        pages.put("staff roster", new String[] {"staff", "/staff/roster.xhtml?cohort=" + roster});
        pages.put("staff calendar", new String[] {"staff", "/staff/calendar.xhtml"});
        return pages;
    }

    /** A response: its body as sent (compressed when the server compressed it), its text, and whether it may be cached long. */
    private record Fetched(int status, long compressed, String text, boolean cachedForLong) {}

    private static Fetched fetch(HttpClient http, String url, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        byte[] plain = gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body;
        String cache = response.headers().allValues("Cache-Control").toString();
        Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(cache);
        boolean longCache = (maxAge.find() && Long.parseLong(maxAge.group(1)) >= 86_400)
                || (!cache.contains("no-") && response.headers().firstValue("Expires").map(PageWeight::farOff).orElse(false));
        return new Fetched(response.statusCode(), body.length, new String(plain, java.nio.charset.StandardCharsets.UTF_8), longCache);
    }

    private static boolean farOff(String expires) {
        try {
            return java.time.ZonedDateTime.parse(expires, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .isAfter(java.time.ZonedDateTime.now().plusDays(1));
        } catch (RuntimeException e) {
            return false;
        }
    }
}

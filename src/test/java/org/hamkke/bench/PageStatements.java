package org.hamkke.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/**
 * How many statements each page costs the database (pg_stat_statements, which the dev run's
 * PostgreSQL preloads): signs in as a demo login and loads each page given a few times, one at a
 * time. Run against the dev run:
 *
 * <pre>
 * mvn -o -q exec:java -Dexec.mainClass=org.hamkke.bench.PageStatements -Dexec.classpathScope=test \
 *     -Dlogin=staff -Dpages="/staff/application.xhtml?id=4,/staff/application.xhtml?id=1"
 * </pre>
 */
public final class PageStatements {

    public static void main(String[] args) throws Exception {
        String jdbc = System.getProperty("jdbc", "jdbc:postgresql://localhost:15432/hamkke");
        String portal = System.getProperty("portal", "http://localhost:8080");
        String login = System.getProperty("login", "staff");
        String[] pages = System.getProperty("pages", "/staff/applications.xhtml").split(",");
        int loads = Integer.getInteger("loads", 10);
        String cookie = signIn(portal, login, login + "-demo-pass", pages[0]);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            for (String page : pages) {
                int status = get(http, cookie, portal + page);
                s.execute("select pg_stat_statements_reset()");
                for (int i = 0; i < loads; i++) {
                    get(http, cookie, portal + page);
                }
                Thread.sleep(300);
                ResultSet r = s.executeQuery("""
                        select coalesce(sum(calls), 0) from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = current_database())
                          and query !~* '^\\s*(begin|commit|rollback|set|show)\\y' and query !~* 'qrtz_|pg_stat|pg_database'""");
                r.next();
                System.out.printf("%-60s %d  %5.1f statements%n", page, status, r.getLong(1) / (double) loads);
            }
        }
    }

    private static int get(HttpClient http, String cookie, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String signIn(String portal, String username, String password, String page) throws Exception {
        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            HtmlPage login = browser.getPage(portal + page);
            login.<HtmlInput>getHtmlElementById("username").setValue(username);
            login.<HtmlInput>getHtmlElementById("password").setValue(password);
            login.<HtmlElement>getHtmlElementById("kc-login").click();
            return browser.getCookieManager().getCookies().stream()
                    .filter(c -> "/".equals(c.getPath()) && !c.getName().startsWith("KEYCLOAK") && !c.getName().startsWith("KC_"))
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
        }
    }
}

package org.hamkke.academy.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamkke.academy.Feeds;
import org.hamkke.shared.web.RequestParams;

/**
 * The calendar feeds ({@link Feeds}): {@code /feeds/me/<token>.ics}, a person's own, and
 * {@code /feeds/cohort/<id>.ics}, a public cohort's. Anything else under {@code /feeds/}, an odd
 * token or id, a revoked address and an invited-only cohort all answer the same 404.
 *
 * <p>Calendar apps ask again every few hours, so the answer is cheap to repeat: a weak ETag (a
 * digest of the document; weak because the listener may gzip it) and {@code Last-Modified} (the
 * latest change of what the feed shows), and a 304 without a body when the app already has it.
 * Stateless: nothing here touches the HTTP session, so no cookie is set. The person's address is a
 * secret: it is never written to a log (the portal keeps no access log; the filters that log a
 * path use {@code SitePath.loggable}), never cached by a shared cache, and kept out of search
 * engines.
 */
@WebServlet("/feeds/*")
public class FeedServlet extends HttpServlet {

    private static final Pattern PERSONAL = Pattern.compile("/me/([A-Za-z0-9_-]{43})\\.ics");
    private static final Pattern COHORT = Pattern.compile("/cohort/([1-9][0-9]{0,18})\\.ics");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    @Inject
    Feeds feeds;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Optional<Feeds.Feed> feed = Optional.empty();
        String cacheControl;
        String fileName;
        Matcher personal = PERSONAL.matcher(path);
        Matcher cohort = COHORT.matcher(path);
        if (personal.matches()) {
            feed = feeds.personal(personal.group(1));
            // Only the person's own calendar app may keep a copy; no proxy, no search engine.
            cacheControl = "private, no-cache";
            fileName = "hamkke-learning.ics";
            response.setHeader("X-Robots-Tag", "noindex, nofollow");
            response.setHeader("Referrer-Policy", "no-referrer");
        } else if (cohort.matches() && RequestParams.id(cohort.group(1)) != null) {
            feed = feeds.cohort(RequestParams.id(cohort.group(1)));
            cacheControl = "public, max-age=900";
            fileName = "hamkke-cohort-" + cohort.group(1) + ".ics";
        } else {
            cacheControl = null;
            fileName = null;
        }
        if (feed.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = feed.get().calendar().getBytes(StandardCharsets.UTF_8);
        String etag = "W/\"" + digest(body) + "\"";
        Instant lastModified = feed.get().lastModified().truncatedTo(ChronoUnit.SECONDS);
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", HTTP_DATE.format(lastModified.atOffset(ZoneOffset.UTC)));
        response.setHeader("Cache-Control", cacheControl);
        if (notModified(request, etag, lastModified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/calendar; charset=utf-8");
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        response.getOutputStream().write(body);
    }

    /**
     * RFC 9110: If-None-Match decides when present (weak comparison, so W/"x" matches "x" and the
     * other way round); If-Modified-Since only without it.
     */
    static boolean notModified(HttpServletRequest request, String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            String ours = opaque(etag);
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || opaque(tag).equals(ours)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeader("If-Modified-Since");
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = HTTP_DATE.parse(ifModifiedSince.strip(), Instant::from);
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String digest(byte[] body) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

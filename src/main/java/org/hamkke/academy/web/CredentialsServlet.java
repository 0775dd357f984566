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
import java.util.Base64;
import java.util.Optional;
import org.hamkke.academy.Credentials;

/**
 * What a verifier or a wallet elsewhere fetches to check an academy credential, public and
 * stateless (no HTTP session is ever asked for here), cacheable, and readable from any site
 * (CORS), since verifiers run in other people's pages:
 *
 * <ul>
 *   <li>{@code /credentials/issuer}: the issuer's Open Badges profile (the credentials' issuer id);
 *   <li>{@code /credentials/jwks.json}: the public keys (each credential's {@code kid} points here);
 *   <li>{@code /credentials/status/N}: revocation list N, a signed {@code BitstringStatusListCredential}.
 * </ul>
 *
 * Anything else below {@code /credentials/} is 404. The profile and keys are cached for an hour,
 * the status list for five minutes (a revocation reaches a verifier that caches within that); each
 * answer carries an ETag, and a request naming it gets 304 without a body.
 */
@WebServlet("/credentials/*")
public class CredentialsServlet extends HttpServlet {

    private static final String HOUR = "public, max-age=3600";
    private static final String FIVE_MINUTES = "public, max-age=300";

    @Inject
    Credentials credentials;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/issuer" -> send(request, response, "application/json", HOUR, credentials.issuerProfile());
            case "/jwks.json" -> send(request, response, "application/jwk-set+json", HOUR, credentials.jwks());
            default -> {
                Optional<String> list = statusListNumber(path).flatMap(credentials::statusList);
                if (list.isPresent()) {
                    send(request, response, "application/vc+jwt", FIVE_MINUTES, list.get());
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            }
        }
    }

    /** "/status/12" names list 12; anything else (a sign, leading zeros, letters, Arabic digits) none. */
    static Optional<Integer> statusListNumber(String path) {
        if (!path.startsWith("/status/")) {
            return Optional.empty();
        }
        String number = path.substring("/status/".length());
        if (number.isEmpty() || number.length() > 6 || number.startsWith("0") || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(number));
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, String type, String caching, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + digest(bytes) + "\"";
        response.setHeader("Cache-Control", caching);
        response.setHeader("ETag", etag);
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

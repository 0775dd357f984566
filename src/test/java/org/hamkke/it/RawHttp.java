package org.hamkke.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte on a socket, so the path reaches the portal exactly as spelt
 * ({@code //staff/}, {@code /%73taff/}, {@code /./staff/}): HTTP clients and browsers tidy such
 * paths before sending, which would hide what an attacker's hand-made request does.
 */
final class RawHttp {

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean redirectsToSignIn() {
            String location = header("location");
            return (status == 302 || status == 303) && location != null && location.contains("/signin?return=");
        }

        /** A redirect to an address of the portal itself, which the gate then decides on. */
        boolean redirectsWithinThePortal() {
            String location = header("location");
            return status >= 301 && status <= 308 && location != null
                    && (location.startsWith(TestStack.portalUrl() + "/") || location.startsWith("/") && !location.startsWith("//"));
        }

        @Override
        public String toString() {
            return status + " " + headers.getOrDefault("location", "") + " " + body.substring(0, Math.min(200, body.length()));
        }
    }

    private RawHttp() {}

    static Response get(String rawPath, String sessionCookie) throws IOException {
        return send("GET", rawPath, sessionCookie, null, null);
    }

    /**
     * @param cookie the session cookie's value, or null for an anonymous request
     * @param origin the Origin header, or null for none
     * @param form a url-encoded body for POST, or null
     */
    static Response send(String method, String rawPath, String cookie, String origin, String form) throws IOException {
        URI portal = URI.create(TestStack.portalUrl());
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(portal.getHost()).append(':').append(portal.getPort()).append("\r\n")
                    .append("Accept-Language: en\r\n")
                    .append("Connection: close\r\n");
            if (cookie != null) {
                request.append("Cookie: HAMKKE_SESSION=").append(cookie).append("\r\n");
            }
            if (origin != null) {
                request.append("Origin: ").append(origin).append("\r\n");
            }
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            if (form != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                        .append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
        }
        return new Response(status, headers, body);
    }
}

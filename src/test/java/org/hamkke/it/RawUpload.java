package org.hamkke.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multipart post over a bare socket, as a browser without JavaScript sends a form with a file:
 * the body is made while it is sent (never held in memory), and the answer is read while sending
 * goes on, so a server that answers early and stops reading can be told from one that reads to
 * the end. Counts what the server let through before it closed.
 */
final class RawUpload {

    record Answer(int status, Map<String, String> headers, String body, long sent, long total, long millis) {
        boolean sentEverything() {
            return sent == total;
        }
    }

    private static final String BOUNDARY = "----hamkke-raw-upload";

    private RawUpload() {}

    /**
     * @param fileBytes the size of the one file in the form
     * @param declareLength send Content-Length, or else the body chunked without one
     * @param headers extra request headers (Cookie, Referer, Accept-Language)
     */
    static Answer post(String path, long fileBytes, boolean declareLength, Map<String, String> headers) throws Exception {
        URI base = URI.create(TestStack.portalUrl());
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"apply\"\r\n\r\napply\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"apply:file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long total = head.length + fileBytes + tail.length;

        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n");
        request.append(declareLength ? "Content-Length: " + total + "\r\n" : "Transfer-Encoding: chunked\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");

        long started = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread sender = Thread.ofPlatform().daemon().start(() -> {
                try {
                    byte[] zeros = new byte[64 * 1024];
                    send(out, head, declareLength, sent);
                    for (long left = fileBytes; left > 0; left -= zeros.length) {
                        send(out, left >= zeros.length ? zeros : Arrays.copyOf(zeros, (int) left), declareLength, sent);
                    }
                    send(out, tail, declareLength, sent);
                    if (!declareLength) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException closedByServer) {
                    // The server answered and closed: the rest is not wanted.
                }
            });
            byte[] raw = readAnswer(socket.getInputStream());
            long millis = (System.nanoTime() - started) / 1_000_000;
            sender.join(20_000);
            return parse(raw, sent.get(), total, millis);
        }
    }

    private static void send(OutputStream out, byte[] bytes, boolean declaredLength, AtomicLong sent) throws IOException {
        if (!declaredLength) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes);
        if (!declaredLength) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        sent.addAndGet(bytes.length);
    }

    /** The head and the body of one answer, by its length (or its chunks), without waiting for the connection to close. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return out.toByteArray();
            }
            out.write(b);
        }
        String head = out.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        var length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
        if (length.find()) {
            out.write(in.readNBytes(Integer.parseInt(length.group(1))));
        } else if (head.contains("\r\ntransfer-encoding: chunked")) {
            while (true) {
                String size = line(in);
                out.write((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                out.write(in.readNBytes(n + 2));
                if (n == 0) {
                    break;
                }
            }
        } else {
            out.write(in.readAllBytes());
        }
        return out.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                break;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Answer parse(byte[] raw, long sent, long total, long millis) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("No answer (" + raw.length + " bytes): " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), sent, total, millis);
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    return out.toByteArray();
                }
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.skipNBytes(2);
        }
    }
}

package org.hamkke.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real browser for what HtmlUnit does not emulate: keys acting as a person's keyboard does
 * (Enter and Space on a button or a checkbox, Escape, Tab), and where focus goes. A headless
 * Chromium, driven over the DevTools protocol (a WebSocket, the JDK's own client). Tests that need
 * it skip where no Chromium is installed ({@link #find}); the rest of the suite needs nothing but
 * the JDK.
 */
final class Chromium implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> answers = new ConcurrentHashMap<>();

    /** The Chromium (or Chrome) on this machine's path, if there is one. */
    static Optional<String> find() {
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    Chromium(String executable, int width, int height) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        profile = Files.createTempDirectory("chromium-it");
        process = new ProcessBuilder(executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--remote-debugging-port=" + port, "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HttpClient http = HttpClient.newHttpClient();
        String page = null;
        for (long until = System.nanoTime() + WAIT.toNanos(); page == null && System.nanoTime() < until; ) {
            try {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = Pattern.compile("\"type\":\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\":\\s*\"([^\"]+)\"").matcher(list);
                page = m.find() ? m.group(1) : null;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        if (page == null) {
            close();
            throw new IllegalStateException("Chromium did not open its debugging port");
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    // An answer starts with its id ({"id":7,"result":…}); events ({"method":…}) are not awaited.
                    Matcher m = ID.matcher(message);
                    if (message.startsWith("{\"id\":") && m.find()) {
                        Optional.ofNullable(answers.remove(Integer.parseInt(m.group(1)))).ifPresent(f -> f.complete(message));
                    }
                }
                ws.request(1);
                return null;
            }
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        send("Page.enable", "{}");
        send("Emulation.setDeviceMetricsOverride", "{\"width\":" + width + ",\"height\":" + height + ",\"deviceScaleFactor\":1,\"mobile\":false}");
    }

    /** One DevTools command; its answer as JSON text. */
    String send(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        var answer = new CompletableFuture<String>();
        answers.put(id, answer);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get();
        String result = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (result.contains("\"error\":")) {
            throw new IllegalStateException(method + ": " + result);
        }
        return result;
    }

    /** A cookie for the portal's host (the session of someone signed in through HtmlUnit). */
    void cookie(String name, String value, String url) throws Exception {
        send("Network.setCookie", "{\"name\":" + json(name) + ",\"value\":" + json(value) + ",\"url\":" + json(url) + ",\"httpOnly\":true}");
    }

    /** Opens a page and waits until it and its scripts have loaded. */
    void open(String url) throws Exception {
        send("Page.navigate", "{\"url\":" + json(url) + "}");
        waitFor("document.readyState === 'complete' && !!window.PrimeFaces");
        Thread.sleep(300);
    }

    /** A script's value, as text ("true", "42", a string without quotes). */
    String eval(String expression) throws Exception {
        String answer = send("Runtime.evaluate", "{\"expression\":" + json(expression) + ",\"returnByValue\":true}");
        Matcher m = Pattern.compile("\"value\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)").matcher(answer);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(1);
    }

    /** Waits until a script is true (an Ajax request answered, a dialog shown). */
    void waitFor(String condition) throws Exception {
        for (long until = System.nanoTime() + WAIT.toNanos(); System.nanoTime() < until; ) {
            if ("true".equals(eval("!!(" + condition + ")"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Waited in vain for " + condition);
    }

    /** Presses and lets go of a key, as a keyboard would: "Enter", "Escape", "Tab", " ". */
    void press(String key, boolean shift) throws Exception {
        String code = switch (key) {
            case "Enter" -> "\"code\":\"Enter\",\"windowsVirtualKeyCode\":13,\"text\":\"\\r\"";
            case "Escape" -> "\"code\":\"Escape\",\"windowsVirtualKeyCode\":27";
            case "Tab" -> "\"code\":\"Tab\",\"windowsVirtualKeyCode\":9";
            case " " -> "\"code\":\"Space\",\"windowsVirtualKeyCode\":32,\"text\":\" \"";
            default -> throw new IllegalArgumentException(key);
        };
        String modifiers = ",\"modifiers\":" + (shift ? 8 : 0);
        send("Input.dispatchKeyEvent", "{\"type\":\"keyDown\",\"key\":" + json(key) + "," + code + modifiers + "}");
        send("Input.dispatchKeyEvent", "{\"type\":\"keyUp\",\"key\":" + json(key) + "," + code.replaceAll(",\"text\":\"[^\"]*\"", "") + modifiers + "}");
        Thread.sleep(150);
    }

    void press(String key) throws Exception {
        press(key, false);
    }

    /**
     * Drags with the mouse from one point of the page to another, in small steps as a hand would, so
     * scripts that follow the pointer (a calendar's drag and drop) see a real drag.
     */
    void drag(double fromX, double fromY, double toX, double toY) throws Exception {
        mouse("mouseMoved", fromX, fromY, "none", 0);
        mouse("mousePressed", fromX, fromY, "left", 1);
        int steps = 12;
        for (int i = 1; i <= steps; i++) {
            mouse("mouseMoved", fromX + (toX - fromX) * i / steps, fromY + (toY - fromY) * i / steps, "left", 1);
            Thread.sleep(30);
        }
        mouse("mouseReleased", toX, toY, "left", 1);
        Thread.sleep(150);
    }

    private void mouse(String type, double x, double y, String button, int clicks) throws Exception {
        send("Input.dispatchMouseEvent", "{\"type\":\"" + type + "\",\"x\":" + x + ",\"y\":" + y + ",\"button\":\"" + button
                + "\",\"buttons\":" + ("none".equals(button) || "mouseReleased".equals(type) ? 0 : 1) + ",\"clickCount\":" + clicks + "}");
    }

    /** Where the keyboard is: the focused element's id, or its tag and class when it has none. */
    String focused() throws Exception {
        return eval("(function () { var e = document.activeElement; return e ? (e.id || e.tagName + '.' + e.className) : ''; })()");
    }

    /** A screenshot of the viewport, as PNG. */
    byte[] screenshot() throws Exception {
        String answer = send("Page.captureScreenshot", "{\"format\":\"png\"}");
        Matcher m = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(answer);
        return m.find() ? java.util.Base64.getDecoder().decode(m.group(1)) : new byte[0];
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws Exception {
        if (socket != null) {
            socket.abort();
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        // Chromium's helper processes may still be removing their own files: a file gone meanwhile is
        // no failure; the walk is tried again until the profile is gone (a temporary folder at worst).
        for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException goneMeanwhile) {
                Thread.sleep(200);
            }
        }
    }
}

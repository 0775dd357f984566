package org.hamkke.devstack;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports for the stack: configured ones, or free ones picked by the system for tests. */
public final class Ports {

    private static final java.util.Random RANDOM = new java.util.Random();

    private Ports() {}

    /**
     * A free port below Linux's ephemeral range (32768 and up). A port the system hands out for
     * {@code ServerSocket(0)} comes from that range, and the many outgoing connections of a test
     * run take ports from it too: in the half minute a server needs to start, one of them took
     * the chosen port and the server could not listen.
     */
    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20000 + RANDOM.nextInt(12000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000");
    }

    /** The port named by a system property or environment variable, else the default. */
    static int configured(String name, int defaultPort) {
        String value = System.getProperty(name, System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_')));
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }
}

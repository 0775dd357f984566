package org.hamkke.devstack;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports for the stack: configured ones, or free ones picked by the system for tests. */
final class Ports {

    private Ports() {}

    static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /** The port named by a system property or environment variable, else the default. */
    static int configured(String name, int defaultPort) {
        String value = System.getProperty(name, System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_')));
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }
}

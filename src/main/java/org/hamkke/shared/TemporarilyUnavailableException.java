package org.hamkke.shared;

/**
 * Something the page needs (the database, Keycloak) is not answering. Shown as the friendly
 * "temporarily unavailable" page with status 503, never as a stack trace.
 */
public class TemporarilyUnavailableException extends RuntimeException {

    public TemporarilyUnavailableException() {
        super("A service the portal depends on is not answering");
    }
}

package org.hamkke.identity;

/**
 * A service was called by someone its {@link Allowed} does not name. Shown as the "not available"
 * page (403), logged as the programming error it is.
 */
public class NotAllowedException extends SecurityException {

    public NotAllowedException(String message) {
        super(message);
    }
}

package org.hamkke.intake;

import java.io.Serializable;

/**
 * Something that stops a form from being stored or submitted, shown next to its field in the
 * reader's language.
 *
 * @param field where it is ("name", "members", "q12", "r0.weight"), null for the whole form
 * @param key the message key
 * @param arg the value for the message's {0} (a limit, a language), or null
 */
public record Problem(String field, String key, String arg) implements Serializable {

    public Problem(String field, String key) {
        this(field, key, null);
    }
}

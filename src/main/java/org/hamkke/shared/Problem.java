package org.hamkke.shared;

import java.io.Serializable;

/**
 * Something that stops an action or a form (academy, incubation), shown in the reader's language:
 * next to its field when it has one, at the top of the page otherwise.
 *
 * @param field the form field ("capacity", "endsOn"), or null for the whole action
 * @param key the message key ("academy.enrol.full")
 * @param arg the value for the message's {0} (a date, a number, a course's title), or null
 */
public record Problem(String field, String key, String arg) implements Serializable {

    public Problem(String field, String key) {
        this(field, key, null);
    }
}

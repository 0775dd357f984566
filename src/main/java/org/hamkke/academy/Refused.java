package org.hamkke.academy;

import java.util.List;

/**
 * An academy rule said no: every problem with its message key, so the page tells the person in
 * their language what to change. Thrown by the entities that hold the rules (and, with the
 * session it collides with, by the timetable: {@link SessionClash}); the service's
 * transaction rolls back, so nothing is half-saved.
 */
public class Refused extends RuntimeException {

    private final List<Problem> problems;

    public Refused(List<Problem> problems) {
        super(problems.stream().map(Problem::key).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public Refused(String key) {
        this(List.of(new Problem(null, key)));
    }

    public Refused(String key, String arg) {
        this(List.of(new Problem(null, key, arg)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's key, for a page that shows one message. */
    public String key() {
        return problems.getFirst().key();
    }
}

package org.hamkke.shared;

import java.util.List;

/**
 * A rule of the academy or the incubation said no: every problem with its message key, so the page
 * tells the person in their language what to change. Thrown by the entities that hold the rules
 * (and by services for what only the database can see: a clash, a cap); the service's transaction
 * rolls back, so nothing is half-saved.
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

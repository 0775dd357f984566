package org.hamkke.academy;

import java.util.Collection;
import java.util.stream.Collectors;

/** Ids bound as one PostgreSQL array parameter ({@code = any(cast(?1 as bigint[]))}). */
final class Ids {

    private Ids() {}

    static String array(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}

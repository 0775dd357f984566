package org.hamkke.incubation.matching;

import java.util.List;

/**
 * One part of a score, as a message key of the portal's bundle and its values, so pages say it in
 * the reader's language ({@code h:outputFormat} with the values as {0}, {1}, ...). A part that
 * gave nothing is still a reason, with 0 points, so staff see why a pair scored low.
 */
public record Reason(String key, int points, List<String> values) {

    public Reason {
        values = List.copyOf(values);
    }
}

package org.hamkke.academy;

import java.util.List;
import java.util.Optional;
import org.hamkke.shared.Problem;

/** Whole numbers as typed in a form: digits only, within bounds, else a problem for the field. */
final class Numbers {

    private Numbers() {}

    /** The number, or a problem "academy.number" naming the bounds ({0}) added to the list. */
    static Optional<Integer> whole(List<Problem> problems, String field, String typed, int min, int max) {
        String text = typed == null ? "" : typed.strip();
        if (!text.isEmpty() && text.length() <= 6 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        }
        problems.add(new Problem(field, "academy.number", min + "–" + max));
        return Optional.empty();
    }
}

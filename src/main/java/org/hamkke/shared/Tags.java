package org.hamkke.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Short labels a person types or picks (expertise, needs, languages): trimmed, lower-cased, one
 * space between words, at most {@value #MAX_LENGTH} characters, {@value #MAX_COUNT} at most, sorted
 * and without repeats, so "Finance", " finance " and "FINANCE" are one tag and matching compares
 * like with like. Anything else than letters, digits, spaces and hyphens is dropped.
 */
public final class Tags {

    public static final int MAX_LENGTH = 40;
    public static final int MAX_COUNT = 20;
    private static final Pattern ODD = Pattern.compile("[^\\p{L}\\p{N} -]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Tags() {}

    /** The tags of a comma-separated text ("finance, Legal registration"); empty for null. */
    public static Set<String> parse(String text) {
        return text == null ? Set.of() : of(Arrays.asList(text.split(",")));
    }

    public static Set<String> of(Collection<String> raw) {
        return raw.stream()
                .map(Tags::normalise)
                .filter(t -> !t.isEmpty())
                .limit(MAX_COUNT)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The tags as a person reads and edits them: "finance, legal registration". */
    public static String join(Collection<String> tags) {
        return String.join(", ", new TreeSet<>(tags));
    }

    static String normalise(String tag) {
        String cleaned = SPACES.matcher(ODD.matcher(tag).replaceAll(" ")).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH).strip() : cleaned;
    }
}

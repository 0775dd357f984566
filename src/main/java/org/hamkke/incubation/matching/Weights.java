package org.hamkke.incubation.matching;

/**
 * A programme's own weights, edited by staff; language first by default, since a mentor and a
 * venture without a language in common cannot work together whatever else fits.
 *
 * <p>Each weight is the most points its part can give, 0 to 100, so a score is at most 400 and
 * reads as points rather than as an opaque mix. A weight of 0 switches its part off.
 */
public record Weights(int language, int needs, int region, int capacity) {

    public static final Weights DEFAULT = new Weights(40, 30, 20, 10);

    /** The largest weight staff may give one part; it keeps every score a small integer. */
    public static final int MAX_WEIGHT = 100;

    public Weights {
        check("language", language);
        check("needs", needs);
        check("region", region);
        check("capacity", capacity);
    }

    /** The best score a pair can reach with these weights. */
    public int max() {
        return language + needs + region + capacity;
    }

    private static void check(String part, int weight) {
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("The " + part + " weight must be from 0 to " + MAX_WEIGHT + ", got " + weight);
        }
    }
}

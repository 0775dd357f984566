package org.hamkke.shared.web;

/** Page numbers from the address bar, where anything can be typed. */
public final class Paging {

    private Paging() {}

    /** A page number from the address; anything odd is page 1, never an error. */
    public static int pageNumber(String asked) {
        try {
            return asked == null ? 1 : Math.max(1, Math.min(Integer.parseInt(asked), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

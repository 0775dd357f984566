package org.hamkke.shared.web;

/** Page numbers and ids from the address bar, where anything can be typed. */
public final class RequestParams {

    private RequestParams() {}

    /** A page number from the address; anything odd is page 1, never an error. */
    public static int page(String asked) {
        try {
            return asked == null ? 1 : Math.max(1, Math.min(Integer.parseInt(asked), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * An id from the address, or null for anything that is not one (never an error): ids are
     * positive whole numbers, so "abc", "-1", "0", "1e3", "" and a number past a long are none.
     */
    public static Long id(String value) {
        try {
            Long id = value == null ? null : Long.valueOf(value);
            return id == null || id <= 0 ? null : id;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

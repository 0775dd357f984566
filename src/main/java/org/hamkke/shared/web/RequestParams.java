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
     * positive whole numbers written in plain digits, so "abc", "-1", "+1", " 7", "0", "1e3", ""
     * and a number past a long are none.
     */
    public static Long id(String value) {
        if (value == null || value.isEmpty() || value.length() > 19) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        try {
            long id = Long.parseLong(value);
            return id > 0 ? id : null;
        } catch (NumberFormatException pastALong) {
            return null;
        }
    }

    /**
     * The version of an object as a form showed it (posted back for optimistic locking), or -1 for
     * anything that is not one, which matches no version: the action is then refused as changed
     * meanwhile, never an error. Versions start at 0, unlike ids.
     */
    public static long version(String value) {
        if ("0".equals(value)) {
            return 0;
        }
        Long version = id(value);
        return version == null ? -1 : version;
    }
}

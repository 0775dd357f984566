package org.hamkke.identity;

/**
 * Where to send a person back after sign-in. Only paths inside the portal are accepted, so a
 * crafted link cannot turn the sign-in into an open redirect.
 */
public final class ReturnPath {

    public static final String SESSION_ATTRIBUTE = "hamkke.returnTo";

    private ReturnPath() {}

    /** The path if it is a safe local one ("/me/", "/staff/?x=1"), else "/". */
    public static String sanitise(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 2000) {
            return "/";
        }
        boolean local = candidate.startsWith("/")
                && !candidate.startsWith("//")
                && !candidate.startsWith("/\\")
                && candidate.chars().noneMatch(c -> c < 0x20 || c == '\\');
        if (!local || candidate.startsWith("/signin") || candidate.startsWith("/WEB-INF") || candidate.startsWith("/callback")) {
            return "/";
        }
        return candidate;
    }
}

package org.hamkke.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which roles may open which area of the portal, by path prefix. The first matching prefix wins;
 * a path no prefix matches is public. Object-level checks (this venture, this application) live
 * in the services; this is the coarse gate in front of them.
 */
public final class AccessPolicy {

    /** Marks an area any signed-in person may open. */
    public static final Set<Role> ANY_SIGNED_IN = Set.of(Role.values());

    private static final Map<String, Set<Role>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("/admin/", Set.of(Role.ADMIN));
        AREAS.put("/staff/", Set.of(Role.STAFF, Role.ADMIN));
        AREAS.put("/mentor/", Set.of(Role.MENTOR));
        AREAS.put("/reviewer/", Set.of(Role.REVIEWER));
        AREAS.put("/venture/", Set.of(Role.ENTREPRENEUR));
        AREAS.put("/me/", ANY_SIGNED_IN);
        // Attachments: whose file it is is checked per object, in the intake service.
        AREAS.put("/files/", ANY_SIGNED_IN);
    }

    public enum Decision {
        ALLOW,
        SIGN_IN,
        DENY
    }

    private AccessPolicy() {}

    /**
     * @param path the request path inside the portal, e.g. "/staff/index.xhtml"
     * @param signedIn whether anyone is signed in
     * @param hasRole the signed-in person's role test
     */
    public static Decision decide(String path, boolean signedIn, Predicate<Role> hasRole) {
        String normalised = path.endsWith("/") || path.contains(".") ? path : path + "/";
        for (Map.Entry<String, Set<Role>> area : AREAS.entrySet()) {
            if (normalised.startsWith(area.getKey())) {
                if (!signedIn) {
                    return Decision.SIGN_IN;
                }
                return area.getValue().stream().anyMatch(hasRole) ? Decision.ALLOW : Decision.DENY;
            }
        }
        return Decision.ALLOW;
    }
}

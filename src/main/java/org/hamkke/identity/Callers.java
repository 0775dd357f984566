package org.hamkke.identity;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who the current thread works for: the signed-in person of the web request it serves (set by
 * {@code identity.web.CallerFilter} for the whole request, error pages included), or the portal
 * itself ({@link #asPortal}: a scheduled job, mail delivery, a sign-in being recorded). Read by
 * the {@link Allowed} check.
 *
 * <p>Thread-bound and always restored in {@code finally}: pooled request and job threads never
 * carry one caller into the next piece of work.
 */
public final class Callers {

    private static final ThreadLocal<SignedIn> PERSON = new ThreadLocal<>();
    private static final ThreadLocal<String> PORTAL_WORK = new ThreadLocal<>();

    private Callers() {}

    /** The signed-in person this thread serves, if any. */
    public static Optional<SignedIn> person() {
        return Optional.ofNullable(PERSON.get());
    }

    /** Whether the thread does the portal's own work ({@link #asPortal}). */
    public static boolean isPortalWork() {
        return PORTAL_WORK.get() != null;
    }

    /** Serves a request for this person (or nobody); returns what to hand back to {@link #restore}. */
    public static SignedIn serve(SignedIn person) {
        SignedIn before = PERSON.get();
        PERSON.set(person);
        return before;
    }

    public static void restore(SignedIn before) {
        if (before == null) {
            PERSON.remove();
        } else {
            PERSON.set(before);
        }
    }

    /** Runs the portal's own work (no person behind it), e.g. "job intake-reminders". */
    public static <T> T asPortal(String what, Supplier<T> work) {
        String before = PORTAL_WORK.get();
        PORTAL_WORK.set(what);
        try {
            return work.get();
        } finally {
            if (before == null) {
                PORTAL_WORK.remove();
            } else {
                PORTAL_WORK.set(before);
            }
        }
    }

    public static void asPortal(String what, Runnable work) {
        asPortal(what, () -> {
            work.run();
            return null;
        });
    }
}

package org.hamkke.identity;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;


import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Who may call a service method: the second check behind the pages' gate, so a page that forgot
 * to ask, a forged post or a new caller cannot reach staff's data (ASVS V8, deny by default). On a
 * class it covers every method without one of its own; a method's own replaces it.
 *
 * <p>Says nothing about which objects: "this application", "this file" stay in the queries,
 * keyed by the caller's person id. A refusal is {@link NotAllowedException}: a programming
 * error, never a user's mistake, because pages offer actions only to those who may take them.
 * {@code AllowedTest} fails the build when a service method declares nothing.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface Allowed {

    /** Roles any of which may call. */
    @Nonbinding
    Role[] value() default {};

    /** Anyone signed in, whatever their roles: the method's queries keep them to their own objects. */
    @Nonbinding
    boolean signedIn() default false;

    /** Anonymous visitors too: only public data (open calls, published courses). */
    @Nonbinding
    boolean anyone() default false;

    /** The portal's own work with no person behind it: scheduled jobs, mail delivery, sign-in itself ({@link Callers#asPortal}). */
    @Nonbinding
    boolean portal() default false;
}

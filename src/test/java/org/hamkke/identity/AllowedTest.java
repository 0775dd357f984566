package org.hamkke.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hamkke.scheduling.ScheduledJob;
import org.junit.jupiter.api.Test;

/**
 * Deny by default for services: every public method of every bean outside the pages ({@code web}
 * packages, behind the gate) and the plumbing says who may call it with {@link Allowed}, on the
 * method or its class. A new service that forgets fails here, naming the method.
 */
class AllowedTest {

    /** Plumbing that holds nobody's data: connections, migrations, health, clocks, the web layer. */
    private static final List<String> NOT_SERVICES = List.of(
            "org.hamkke.shared.db.", "org.hamkke.shared.health.", "org.hamkke.shared.time.", "org.hamkke.shared.web.",
            "org.hamkke.devstack.");

    @Test
    void everyServiceMethodDeclaresItsCallers() throws Exception {
        List<String> undeclared = new ArrayList<>();
        List<Class<?>> services = services();
        for (Class<?> service : services) {
            for (Method method : service.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic() && !method.isBridge() && AllowedInterceptor.ruleOf(method) == null) {
                    undeclared.add(service.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(services.size() > 20, () -> "Found only " + services);
        assertEquals(List.of(), undeclared, "Service methods that do not say who may call them");
    }

    @Test
    void nobodyPassesWithoutARule() {
        Callers.asPortal("test", () -> assertFalse(AllowedInterceptor.permits(null)));
        SignedIn admin = person(Role.ADMIN);
        SignedIn before = Callers.serve(admin);
        try {
            assertFalse(AllowedInterceptor.permits(null));
        } finally {
            Callers.restore(before);
        }
    }

    @Test
    void rolesSignedInAnyoneAndPortalWork() throws Exception {
        Allowed staffOnly = rule("staffOnly");
        Allowed anySignedIn = rule("anySignedIn");
        Allowed everyone = rule("everyone");
        Allowed portalWork = rule("portalWork");

        assertFalse(AllowedInterceptor.permits(staffOnly), "anonymous");
        assertFalse(AllowedInterceptor.permits(anySignedIn), "anonymous");
        assertTrue(AllowedInterceptor.permits(everyone), "anonymous, public data");
        assertFalse(AllowedInterceptor.permits(portalWork), "a request is not the portal's own work");

        SignedIn before = Callers.serve(person(Role.APPLICANT));
        try {
            assertFalse(AllowedInterceptor.permits(staffOnly));
            assertTrue(AllowedInterceptor.permits(anySignedIn));
            Callers.serve(person(Role.REVIEWER, Role.ADMIN));
            assertTrue(AllowedInterceptor.permits(staffOnly), "admin is named");
        } finally {
            Callers.restore(before);
        }
        assertFalse(AllowedInterceptor.permits(anySignedIn), "restored to nobody after the request");
        assertTrue(Callers.asPortal("job", () -> AllowedInterceptor.permits(portalWork)));
        assertFalse(Callers.asPortal("job", () -> AllowedInterceptor.permits(staffOnly)), "a job is not staff");
        assertFalse(AllowedInterceptor.permits(portalWork), "portal work ends with its block");
    }

    @Test
    void aMethodsOwnRuleReplacesItsClasss() throws Exception {
        Method own = Sample.class.getDeclaredMethod("everyone");
        Method inherited = Sample.class.getDeclaredMethod("undeclared");
        assertTrue(AllowedInterceptor.ruleOf(own).anyone());
        assertEquals(Set.of(Role.STAFF), Set.of(AllowedInterceptor.ruleOf(inherited).value()));
    }

    @Allowed(Role.STAFF)
    static class Sample {
        @Allowed({Role.STAFF, Role.ADMIN})
        public void staffOnly() {}

        @Allowed(signedIn = true)
        public void anySignedIn() {}

        @Allowed(anyone = true)
        public void everyone() {}

        @Allowed(portal = true)
        public void portalWork() {}

        public void undeclared() {}
    }

    private static Allowed rule(String method) throws NoSuchMethodException {
        return Sample.class.getDeclaredMethod(method).getAnnotation(Allowed.class);
    }

    private static SignedIn person(Role... roles) {
        return new SignedIn(1, "s", "u", "U", Set.of(roles), null, Instant.now(), null, null, null);
    }

    /** CDI beans of the portal's own classes, outside the pages and the plumbing. */
    private static List<Class<?>> services() throws IOException, ClassNotFoundException {
        Path root = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/hamkke"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains(".web.") || NOT_SERVICES.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, AllowedTest.class.getClassLoader());
                boolean bean = type.isAnnotationPresent(ApplicationScoped.class) || type.isAnnotationPresent(RequestScoped.class)
                        || type.isAnnotationPresent(Dependent.class) || type.isAnnotationPresent(SessionScoped.class);
                if (bean && !ScheduledJob.class.isAssignableFrom(type) && !type.isAnnotationPresent(jakarta.interceptor.Interceptor.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}

package org.hamkke.identity;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Enforces {@link Allowed} before the method (and before its transaction: a refused call opens
 * none). The caller is {@link Callers}' person or portal work; roles are those of the sign-in.
 */
@Allowed
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AllowedInterceptor {

    private static final Logger LOG = Logger.getLogger(AllowedInterceptor.class.getName());
    private static final Map<Method, Allowed> RULES = new ConcurrentHashMap<>();

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        if (!java.lang.reflect.Modifier.isPublic(method.getModifiers())) {
            // Observers and other container callbacks (package-private by convention): not a service call.
            return invocation.proceed();
        }
        Allowed rule = RULES.computeIfAbsent(method, AllowedInterceptor::ruleOf);
        if (!permits(rule)) {
            String who = Callers.person().map(p -> "person " + p.personId() + " " + p.roles()).orElse("an anonymous caller");
            String what = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            LOG.warning(() -> "Refused " + who + " calling " + what);
            throw new NotAllowedException(who + " may not call " + what);
        }
        return invocation.proceed();
    }

    /** The method's own rule, else its class's (or a superclass's: CDI proxies subclass). */
    static Allowed ruleOf(Method method) {
        Allowed own = method.getAnnotation(Allowed.class);
        if (own != null) {
            return own;
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            Allowed onClass = type.getAnnotation(Allowed.class);
            if (onClass != null) {
                return onClass;
            }
        }
        return null;
    }

    /** Deny by default: no rule, or a rule naming nobody, lets nobody in. */
    static boolean permits(Allowed rule) {
        if (rule == null) {
            return false;
        }
        if (rule.anyone() || rule.portal() && Callers.isPortalWork()) {
            return true;
        }
        return Callers.person()
                .map(person -> rule.signedIn() || Arrays.stream(rule.value()).anyMatch(person::has))
                .orElse(false);
    }
}

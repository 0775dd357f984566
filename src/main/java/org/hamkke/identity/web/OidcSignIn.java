package org.hamkke.identity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.hamkke.identity.Callers;
import org.hamkke.identity.Languages;
import org.hamkke.identity.OidcProvider;
import org.hamkke.identity.PendingSignIn;
import org.hamkke.identity.Person;
import org.hamkke.identity.PersonService;
import org.hamkke.identity.Role;
import org.hamkke.identity.SignedIn;

/**
 * How a person signs in: OpenID Connect's authorization code flow with Keycloak, as a Jakarta
 * Security authentication mechanism (so {@code getUserPrincipal}, {@code isUserInRole} and
 * {@code SecurityContext} work as usual).
 *
 * <p>Not the built-in {@code @OpenIdAuthenticationMechanismDefinition}: its sign-in state is a
 * session-scoped bean that cannot be serialised (every signed-in session logged a warning with its
 * session id, and no session could move to another instance), it has no PKCE, and it cannot send
 * the reader's language to Keycloak per request. Here all a sign-in leaves behind is one
 * serialisable {@link SignedIn} in the session; the tokens are validated with the realm's keys
 * ({@link OidcProvider}).
 *
 * <p>On every request: a session with a {@code SignedIn} is that person. {@code /callback} with a
 * {@code state} completes a sign-in. {@code SecurityContext.authenticate} ({@link SignInServlet})
 * starts one. Anything else is anonymous; the area gate ({@link AccessFilter}) decides the rest.
 * No session is created here except by starting a sign-in.
 */
@ApplicationScoped
public class OidcSignIn implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());

    /** The sign-ins this session has under way, by state (a person may start one in two tabs). */
    static final String PENDING = "hamkke.pendingSignIns";

    /** Where the callback sends the person on, set when a sign-in completes on this request. */
    public static final String RETURN_TO = "hamkke.signIn.returnTo";

    /** Set when a sign-in could not complete because Keycloak or the database did not answer. */
    public static final String UNAVAILABLE = "hamkke.signIn.unavailable";

    private static final int MAX_PENDING = 5;

    @Inject
    OidcProvider provider;

    @Inject
    PersonService people;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SignedIn signedIn = SignedIn.of(request);
        if (signedIn != null) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(signedIn.username()), groups(signedIn.roles()));
        }
        if ("/callback".equals(request.getServletPath()) && request.getSession(false) != null) {
            return complete(request, context);
        }
        if (context.isAuthenticationRequest() || context.isProtected()) {
            return start(request, context);
        }
        return context.doNothing();
    }

    /** Sends the browser to Keycloak, remembering (in a session begun here) what must come back. */
    private AuthenticationStatus start(HttpServletRequest request, HttpMessageContext context) {
        Object returnTo = request.getAttribute(RETURN_TO);
        PendingSignIn pending = PendingSignIn.start(returnTo == null ? "/" : returnTo.toString(), Instant.now());
        HttpSession session = request.getSession();
        LinkedHashMap<String, PendingSignIn> pendings = pendings(session);
        pendings.values().removeIf(p -> p.isExpired(Instant.now()));
        while (pendings.size() >= MAX_PENDING) {
            pendings.remove(pendings.keySet().iterator().next());
        }
        pendings.put(pending.state(), pending);
        session.setAttribute(PENDING, pendings);
        String language = LanguageFilter.languageOf(request);
        return context.redirect(provider.authorizationUri(pending, language).toString());
    }

    /**
     * Keycloak sent the browser back: the state must be one this session started (no sign-in can
     * be pushed into someone else's browser), the code is exchanged with the PKCE verifier, and the
     * ID token must carry the nonce sent. Then the Person is recorded and the session id changed.
     */
    private AuthenticationStatus complete(HttpServletRequest request, HttpMessageContext context) {
        String state = request.getParameter("state");
        HttpSession session = request.getSession(false);
        LinkedHashMap<String, PendingSignIn> pendings = pendings(session);
        PendingSignIn pending = state == null ? null : pendings.remove(state);
        if (pending == null) {
            return context.doNothing();
        }
        session.setAttribute(PENDING, pendings);
        String error = request.getParameter("error");
        String code = request.getParameter("code");
        if (error != null || code == null || pending.isExpired(Instant.now())) {
            LOG.info(() -> "Sign-in did not complete: " + (error == null ? "no code or too late" : error.replaceAll("[^a-z_]", "")));
            return context.doNothing();
        }
        try {
            OidcProvider.Tokens tokens = provider.exchange(code, pending);
            OidcProvider.IdToken id = provider.validate(tokens.idToken(), pending.nonce());
            Person person = Callers.asPortal("sign-in", () -> people.recordSignIn(id.claims()));
            // A new session id at the privilege change: a fixated id is worth nothing.
            request.changeSessionId();
            SignedIn signedIn = new SignedIn(person.getId(), person.getSubject(), person.getUsername(), person.getDisplayName(),
                    id.roles(), id.sid(), Instant.now(), tokens.idToken(), tokens.refreshToken(), tokens.accessExpiresAt());
            session.removeAttribute(PENDING);
            session.setAttribute(SignedIn.SESSION_ATTRIBUTE, signedIn);
            request.setAttribute(RETURN_TO, pending.returnTo());
            return context.notifyContainerAboutLogin(new CallerPrincipal(signedIn.username()), groups(signedIn.roles()));
        } catch (OidcProvider.Refused refused) {
            LOG.warning(() -> "Sign-in refused: " + refused.getMessage());
            return context.doNothing();
        } catch (IOException | RuntimeException unavailable) {
            LOG.warning(() -> "Sign-in could not complete: " + unavailable);
            request.setAttribute(UNAVAILABLE, Boolean.TRUE);
            return context.doNothing();
        }
    }

    /** Signing out ({@code request.logout()}) forgets the person in this session too. */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedIn.SESSION_ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, PendingSignIn> pendings(HttpSession session) {
        Object known = session.getAttribute(PENDING);
        return known instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, PendingSignIn>) map : new LinkedHashMap<>();
    }

    private static Set<String> groups(Set<Role> roles) {
        return roles.stream().map(Role::roleName).collect(Collectors.toUnmodifiableSet());
    }
}

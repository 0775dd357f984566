package org.hamkke.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The anti-forgery token of a plain form (one posted to a servlet, not through Faces, whose view
 * state plays this part): a random value kept in the signed-in person's session, written into the
 * form ({@code <input type="hidden" name="token" value="#{formToken.value}"/>}) and compared when
 * the form comes back (OWASP's synchronizer token). Another site can make a browser post, but not
 * read the page that holds the value. Behind it stand the same-origin check on every post
 * ({@link SameOriginFilter}) and the {@code SameSite=Lax} session cookie.
 *
 * <p>One token per session, not per form: the session itself is renewed at sign-in, so a token
 * never outlives the sign-in it was made for, and a person may keep several tabs open.
 */
@Named
@RequestScoped
public class FormToken {

    /** The form field that carries it. */
    public static final String FIELD = "token";

    static final String SESSION_ATTRIBUTE = "hamkke.formToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServletRequest request;

    /** This session's token, made on first use; empty without a session (a public page starts none). */
    public String getValue() {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "";
        }
        Object token = session.getAttribute(SESSION_ATTRIBUTE);
        if (token instanceof String value) {
            return value;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_ATTRIBUTE, value);
        return value;
    }

    /** Whether the posted form carries this session's token (compared in constant time). */
    public static boolean matches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        String posted = request.getParameter(FIELD);
        return expected instanceof String value && posted != null
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.UTF_8));
    }
}

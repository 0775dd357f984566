package org.hamkke.shared.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message at the top of the next page, in the reader's language, surviving the redirect after a
 * post (post-redirect-get, so a reload never repeats the action); and the one way a text of the
 * Messages bundle gets its placeholders filled.
 *
 * <p>The bundle's grammar: a text with placeholders ({@code {0}}, {@code {1}}…) is a
 * {@link MessageFormat} pattern, read the way pages read it with {@code h:outputFormat}, so an
 * apostrophe in it is written twice ({@code l''évaluation}); a text without placeholders is shown
 * as written, apostrophes single. {@code MessageBundlesTest} holds all five languages to this.
 */
public final class PageMessages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    private PageMessages() {}

    /** @param key a key of the Messages bundle; {0}, {1}... in its text are filled with {@code values} in order */
    public static void info(String key, String... values) {
        add(FacesMessage.SEVERITY_INFO, key, values);
    }

    public static void error(String key, String... values) {
        add(FacesMessage.SEVERITY_ERROR, key, values);
    }

    /** A text of the Messages bundle in the reader's language. */
    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    /**
     * A text of the bundle with its placeholders filled, in the reader's language: for a page
     * attribute ({@code aria-label="#{hk:format(msg['bell.label'], n)}"}), where h:outputFormat
     * cannot go, and for a message whose key is only known at run time. Numbers and dates are
     * passed already formatted (Language), so a value is never formatted twice.
     */
    public static String format(String pattern, Object value) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces == null || faces.getViewRoot() == null ? Locale.ROOT : faces.getViewRoot().getLocale();
        return format(locale, pattern, value);
    }

    /**
     * The bundle's grammar in one place: a pattern with placeholders goes through MessageFormat
     * (a missing or null value is left empty), one without them is returned as it is.
     */
    public static String format(Locale locale, String pattern, Object... values) {
        if (pattern == null || !PLACEHOLDER.matcher(pattern).find()) {
            return pattern;
        }
        Object[] filled = values == null ? new Object[] {""} : values.clone();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] == null) {
                filled[i] = "";
            }
        }
        return new MessageFormat(pattern, locale).format(filled);
    }

    /**
     * A message for the next page, from a servlet that answers a plain form with a redirect (no
     * Faces flash there): kept in the session until a page takes it ({@link #takeCarried}).
     *
     * @param values already written in the reader's language
     */
    public static void carry(HttpServletRequest request, boolean error, String key, String... values) {
        request.getSession().setAttribute(CARRIED, new Carried(error, key, values.clone()));
    }

    /** Shows the message a servlet left for this page, if any, once (the layout asks, through {@link CarriedMessages}). */
    public static void takeCarried() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
        if (session != null && session.getAttribute(CARRIED) instanceof Carried carried) {
            session.removeAttribute(CARRIED);
            Locale locale = faces.getViewRoot() == null ? Locale.ROOT : faces.getViewRoot().getLocale();
            faces.addMessage(null, new FacesMessage(carried.error() ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_INFO,
                    format(locale, text(carried.key()), (Object[]) carried.values()), null));
        }
    }

    private static final String CARRIED = "hamkke.carriedMessage";

    /** A message on its way to the next page: plain values, so a replicated session carries it. */
    private record Carried(boolean error, String key, String[] values) implements Serializable {}

    private static void add(FacesMessage.Severity severity, String key, String... values) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = format(faces.getViewRoot() == null ? Locale.ROOT : faces.getViewRoot().getLocale(), text(key), (Object[]) values);
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}

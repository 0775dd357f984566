package org.hamkke.shared.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * A message at the top of the next page, in the reader's language, surviving the redirect after a
 * post (post-redirect-get, so a reload never repeats the action).
 */
public final class PageMessages {

    private PageMessages() {}

    /** @param key a key of the Messages bundle; {0} in its text is replaced by {@code value} */
    public static void info(String key, String value) {
        add(FacesMessage.SEVERITY_INFO, key, value);
    }

    public static void error(String key, String value) {
        add(FacesMessage.SEVERITY_ERROR, key, value);
    }

    /** A text of the Messages bundle in the reader's language. */
    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    private static void add(FacesMessage.Severity severity, String key, String value) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = text(key).replace("{0}", value == null ? "" : value);
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}

package org.hamkke.shared.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * A message at the top of the next page, in the reader's language, surviving the redirect after a
 * post (post-redirect-get, so a reload never repeats the action).
 */
public final class PageMessages {

    private PageMessages() {}

    /** @param key a key of the Messages bundle; {0}, {1}... in its text are replaced by {@code values} in order */
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

    private static void add(FacesMessage.Severity severity, String key, String... values) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = text(key);
        if (values == null) {
            values = new String[] {""};
        }
        for (int i = 0; i < values.length; i++) {
            text = text.replace("{" + i + "}", values[i] == null ? "" : values[i]);
        }
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}

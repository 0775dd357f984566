package org.hamkke.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Shows, on whatever page comes next, the message a servlet left after a plain form's post
 * ({@link PageMessages#carry}). The layout reads {@code #{carriedMessages.shown}} just before it
 * draws the messages, so no page has to remember to, and a page whose bean is made later in the
 * drawing loses nothing.
 */
@Named
@RequestScoped
public class CarriedMessages {

    /** Moves the carried message, if any, among this page's messages; writes nothing itself. */
    public String getShown() {
        PageMessages.takeCarried();
        return "";
    }
}

package org.hamkke.incubation.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.hamkke.incubation.matching.Reason;
import org.hamkke.shared.web.PageMessages;

/**
 * A match score's reasons in the reader's language, for staff's pages: "Speaks French (+40)".
 * Each reason is a key of the bundle and its values; numbers come as plain digits and are shown
 * as written.
 */
@Named
@ApplicationScoped
public class Reasons {

    public String text(Reason reason) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = PageMessages.format(faces.getViewRoot().getLocale(), PageMessages.text(reason.key()), reason.values().toArray());
        return reason.points() == 0 ? text : text + " (+" + reason.points() + ")";
    }
}

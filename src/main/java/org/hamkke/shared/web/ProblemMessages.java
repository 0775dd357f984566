package org.hamkke.shared.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;

/**
 * A refused action's problems as messages at the top of the page, in the reader's language (the
 * page is rendered again, not redirected, so everything typed stays).
 */
public final class ProblemMessages {

    private ProblemMessages() {}

    /** Every problem of the refusal at the top of the page. */
    public static void showAll(Refused refused) {
        refused.problems().forEach(problem -> error(text(problem)));
    }

    /** The problem's message, its value filled in. */
    public static String text(Problem problem) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return PageMessages.format(faces.getViewRoot().getLocale(), PageMessages.text(problem.key()), problem.arg());
    }

    /** A message already in the reader's language, as an error at the top of the page. */
    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}

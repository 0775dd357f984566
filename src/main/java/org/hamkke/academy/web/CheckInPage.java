package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.hamkke.academy.Attendances;
import org.hamkke.academy.CheckInCode;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.shared.web.PageMessages;

/**
 * A learner checks in ({@code /me/check-in.xhtml}): types the session's short code, or arrives from
 * its QR code at {@code ?code=ABC234}. Signed out, the gate sends them through Keycloak and back to
 * this same address with the code kept (and straight back, without a form, when Keycloak still
 * knows them).
 *
 * <p>A GET changes nothing (the portal's rule, which its parameter fuzz test holds): the address
 * with a code fills the form in, and a small script ({@code checkin.js}) sends it at once, so a scan
 * is all it takes; without scripts the learner presses the one button. The post checks in
 * ({@link Attendances#checkIn}) and comes back here without the code, with the outcome in the
 * learner's language, so a reload never posts again and the script never sends twice.
 */
@Named
@RequestScoped
public class CheckInPage {

    @Inject
    Attendances attendances;

    @Inject
    CurrentUser currentUser;

    @Inject
    AcademyDates dates;

    @Inject
    Language language;

    private String code;
    private boolean auto;

    @PostConstruct
    void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!faces.isPostback()) {
            String given = faces.getExternalContext().getRequestParameterMap().get("code");
            // Shown back in the field only when it can be a code: nothing else from the address reaches the page.
            code = CheckInCode.normalise(given).orElse(null);
            auto = code != null;
        }
    }

    public String checkIn() {
        Attendances.CheckIn result = attendances.checkIn(currentUser.getPersonId(), code);
        String session = result.sessionId() == null ? ""
                : language.text(result.courseTitleJson()) + (result.title() == null ? "" : " · " + result.title()) + ", "
                        + dates.session(result.startsAt(), result.endsAt(), result.timeZone());
        String key = "checkin." + result.outcome().name();
        switch (result.outcome()) {
            case PRESENT, LATE -> PageMessages.info(key, session);
            case ALREADY -> PageMessages.info(key, session, PageMessages.text(result.mark() == null ? "teach.mark.none" : "teach.mark." + result.mark().name()));
            case NOT_YET -> PageMessages.error(key, session, dates.moment(result.at(), result.timeZone()));
            case ENDED -> PageMessages.error(key, session);
            case TOO_MANY -> PageMessages.error(key, language.at(result.at()));
            default -> PageMessages.error(key);
        }
        return "/me/check-in?faces-redirect=true";
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** Whether the page came from a QR code's address: its script sends the form at once. */
    public boolean isAuto() {
        return auto;
    }
}

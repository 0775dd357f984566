package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.intake.Applications;
import org.hamkke.intake.Stage;
import org.hamkke.shared.LocalizedTextConverter;
import org.hamkke.shared.web.PageMessages;

/** "My applications": each with its stage, receipt and, once decided, the decision message; withdraw. */
@Named
@RequestScoped
public class MyApplicationsPage {

    @Inject
    Applications applications;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private List<Applications.Mine> mine;

    @PostConstruct
    void load() {
        mine = applications.mine(currentUser.getPersonId());
    }

    public List<Applications.Mine> getMine() {
        return mine;
    }

    public String title(String json) {
        return new LocalizedTextConverter().convertToEntityAttribute(json).in(language.getCode());
    }

    public List<String[]> feedback(Applications.Mine application) {
        return application.decisionMessage() == null ? List.of() : applications.feedback(currentUser.getPersonId(), application.id());
    }

    public boolean withdrawable(Applications.Mine application) {
        return application.stage() != null && application.stage().isWithdrawable();
    }

    public String withdraw(long applicationId) {
        try {
            applications.withdraw(currentUser.getPersonId(), applicationId);
            PageMessages.info("myApplications.withdrawn", null);
        } catch (Stage.IllegalMoveException | IllegalArgumentException e) {
            PageMessages.error("myApplications.cannotWithdraw", null);
        }
        return "/me/applications?faces-redirect=true";
    }
}

package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.intake.Applications;
import org.hamkke.intake.Stage;
import org.hamkke.shared.web.PageMessages;

/** "My applications": each with its stage, receipt and, once decided, the decision message; withdraw. */
@Named
@RequestScoped
public class MyApplicationsPage {

    @Inject
    Applications applications;

    @Inject
    CurrentUser currentUser;

    private List<Applications.Mine> mine;
    private java.util.Map<Long, List<Applications.Step>> history = java.util.Map.of();

    @PostConstruct
    void load() {
        mine = applications.mine(currentUser.getPersonId());
        history = applications.history(currentUser.getPersonId());
    }

    public List<Applications.Step> history(Applications.Mine application) {
        return history.getOrDefault(application.id(), List.of());
    }

    public List<Applications.Mine> getMine() {
        return mine;
    }

    private final java.util.Map<Long, List<Applications.Feedback>> feedback = new java.util.HashMap<>();

    /** Looked up once per application per request: the page asks twice (whether to show, and what). */
    public List<Applications.Feedback> feedback(Applications.Mine application) {
        if (application.decisionMessage() == null) {
            return List.of();
        }
        return feedback.computeIfAbsent(application.id(), id -> applications.feedback(currentUser.getPersonId(), id));
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

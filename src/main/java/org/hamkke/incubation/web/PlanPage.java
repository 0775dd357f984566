package org.hamkke.incubation.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.incubation.MilestoneStatus;
import org.hamkke.incubation.Milestones;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.ProblemMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * A venture's milestone plan for staff ({@code /staff/plan.xhtml?venture=ID}), with its health:
 * apply the programme's templates, add a milestone, and move or drop one with a reason, which is
 * asked for first ({@code &move=ID}, {@code &drop=ID}) so it works without JavaScript.
 */
@Named
@RequestScoped
public class PlanPage {

    @Inject
    Milestones milestones;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Milestones.Plan plan;
    private Map<String, String> params;
    private Long moving;
    private Long dropping;

    private String title;
    private String description;
    private LocalDate dueOn;
    private String reason;
    /** The new due date as typed (a date input inside the list, whose conversion message would have nowhere to show). */
    private String newDue;

    @PostConstruct
    void load() {
        params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Long id = RequestParams.id(params.get("venture"));
        plan = id == null ? null : milestones.planForStaff(id).orElse(null);
        if (plan == null) {
            NotFound.respond();
            return;
        }
        moving = RequestParams.id(params.get("move"));
        dropping = RequestParams.id(params.get("drop"));
    }

    public String applyTemplates() {
        return act(() -> {
            int added = milestones.applyTemplates(currentUser.actor(), plan.venture().id());
            PageMessages.info(added == 0 ? "plan.nothingToApply" : "plan.applied", language.formatNumber(added));
        });
    }

    public String add() {
        return act(() -> {
            milestones.add(currentUser.actor(), plan.venture().id(), language.getCode(), title, description, dueOn);
            PageMessages.info("plan.added");
        });
    }

    public String move(long milestoneId) {
        LocalDate to;
        try {
            to = newDue == null || newDue.isBlank() ? null : LocalDate.parse(newDue.strip());
        } catch (DateTimeParseException notADay) {
            PageMessages.error("ventureMentors.dateFormat");
            return null;
        }
        return act(() -> {
            milestones.move(currentUser.actor(), milestoneId, shown(), to, reason);
            PageMessages.info("plan.moved");
        });
    }

    public String drop(long milestoneId) {
        return act(() -> {
            milestones.drop(currentUser.actor(), milestoneId, shown(), reason);
            PageMessages.info("plan.dropped");
        });
    }

    /** The version of the milestone as the page showed it. */
    private long shown() {
        return RequestParams.version(params.get("shown"));
    }

    private String act(Runnable action) {
        try {
            action.run();
        } catch (Refused refused) {
            ProblemMessages.showAll(refused);
            return null;
        } catch (MilestoneStatus.IllegalMoveException | OptimisticLockException meanwhile) {
            PageMessages.error("milestone.changedMeanwhile");
        }
        return "/staff/plan?faces-redirect=true&venture=" + plan.venture().id();
    }

    public Milestones.Plan getPlan() {
        return plan;
    }

    public Long getMoving() {
        return moving;
    }

    public Long getDropping() {
        return dropping;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public String getNewDue() {
        return newDue;
    }

    public void setNewDue(String newDue) {
        this.newDue = newDue;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

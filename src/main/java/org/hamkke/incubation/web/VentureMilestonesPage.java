package org.hamkke.incubation.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.incubation.Milestone;
import org.hamkke.incubation.MilestoneStatus;
import org.hamkke.incubation.Milestones;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.ProblemMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * A venture's milestones for its members ({@code /venture/milestones.xhtml?venture=ID}, the first
 * of their ventures without it): the plan with due dates and status, what to act on, a form to
 * submit evidence for each open milestone, and every submission with every grade version. Another
 * venture's id answers 404 ({@link Milestones#planForMember} finds nothing).
 */
@Named
@RequestScoped
public class VentureMilestonesPage {

    @Inject
    Milestones milestones;

    @Inject
    CurrentUser currentUser;

    private List<Milestones.VentureRef> ventures;
    private Milestones.Plan plan;
    private Map<String, String> params;
    private String text;
    private String links;

    @PostConstruct
    void load() {
        params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        long me = currentUser.getPersonId();
        ventures = milestones.venturesOfMember(me);
        String asked = params.get("venture");
        Long id = asked == null ? ventures.stream().findFirst().map(Milestones.VentureRef::id).orElse(null) : RequestParams.id(asked);
        plan = id == null ? null : milestones.planForMember(me, id).orElse(null);
        if (plan == null && asked != null) {
            NotFound.respond();
        }
    }

    /** Sends the evidence typed for one milestone, as its state was shown ({@code shown}, its version). */
    public String submit(long milestoneId) {
        try {
            milestones.submit(currentUser.getPersonId(), milestoneId, RequestParams.version(params.get("shown")), text, links);
            PageMessages.info("milestones.submitted");
        } catch (Refused refused) {
            ProblemMessages.showAll(refused);
            return null;
        } catch (MilestoneStatus.IllegalMoveException | OptimisticLockException meanwhile) {
            PageMessages.error("milestone.changedMeanwhile");
        }
        return "/venture/milestones?faces-redirect=true&venture=" + plan.venture().id();
    }

    /**
     * The evidence form is shown for a milestone that takes evidence, and for the one whose form
     * this request posts whatever happened meanwhile (passed, dropped), so its action runs and
     * tells the member, their text still in the form.
     */
    public boolean takesEvidence(Milestone milestone) {
        return milestone.getStatus().takesEvidence() || String.valueOf(milestone.getId()).equals(params.get("for"));
    }

    public List<Milestones.VentureRef> getVentures() {
        return ventures;
    }

    public Milestones.Plan getPlan() {
        return plan;
    }

    /** Feedback to act on: a milestone whose latest grade asks for a revision, and what to change. */
    public record Revision(long milestoneId, LocalizedText title, String whatToChange) {}

    public List<Revision> getToRevise() {
        return plan == null ? List.of() : plan.entries().stream()
                .filter(e -> e.milestone().getStatus() == MilestoneStatus.REVISION_REQUESTED)
                .flatMap(e -> e.latest().flatMap(Milestones.Attempt::latestGrade)
                        .map(g -> new Revision(e.milestone().getId(), e.milestone().getTitle(), g.getWhatToChange())).stream())
                .toList();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getLinks() {
        return links;
    }

    public void setLinks(String links) {
        this.links = links;
    }
}

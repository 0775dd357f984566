package org.hamkke.incubation.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.incubation.AssignmentStatus;
import org.hamkke.incubation.Assignments;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.ProblemMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * The venture area's home ({@code /venture/}) for its members: their mentors now, and a way to say
 * a pairing is not working ({@code ?fit=ID} asks for the reason first). Only the member's own
 * ventures' assignments are read ({@link Assignments#ofMember}).
 */
@Named
@RequestScoped
public class VentureHomePage {

    @Inject
    Assignments assignments;

    @Inject
    CurrentUser currentUser;

    private List<Assignments.Row> rows;
    private Long asking;
    private String reason;

    @PostConstruct
    void load() {
        rows = assignments.ofMember(currentUser.getPersonId());
        asking = RequestParams.id(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("fit"));
    }

    /** On the assignment the form names (its hidden field), whatever has changed in the list since. */
    public String notAFit() {
        Long assignment = RequestParams.id(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("assignment"));
        try {
            if (assignment == null) {
                throw new AssignmentStatus.IllegalMoveException(AssignmentStatus.ACTIVE, AssignmentStatus.NOT_A_FIT, AssignmentStatus.Mover.MEMBER);
            }
            assignments.notAFitByMember(currentUser.getPersonId(), assignment, reason);
            PageMessages.info("ventureHome.notAFitDone");
        } catch (Refused refused) {
            ProblemMessages.showAll(refused);
            return null;
        } catch (AssignmentStatus.IllegalMoveException | OptimisticLockException meanwhile) {
            PageMessages.error("mentorHome.changedMeanwhile");
        }
        return "/venture/index?faces-redirect=true";
    }

    /** The mentors of the member's ventures now: those mentoring, and those offered who have not answered yet. */
    public List<Assignments.Row> getMentors() {
        return rows.stream().filter(r -> r.status().isLive()).toList();
    }

    public Long getAsking() {
        return asking;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

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

    public String notAFit(long assignmentId) {
        try {
            assignments.notAFitByMember(currentUser.getPersonId(), assignmentId, reason);
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

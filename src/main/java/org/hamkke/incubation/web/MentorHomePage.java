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
import org.hamkke.incubation.MentorProfile;
import org.hamkke.incubation.Mentors;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.ProblemMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * A mentor's home ({@code /mentor/}): offers to answer, the ventures they mentor (and those they
 * did, read-only), and their profile's state. Declining and "not a good fit" ask first
 * ({@code ?decline=ID}, {@code ?fit=ID}), which works without JavaScript; every action redirects
 * back here with its message.
 */
@Named
@RequestScoped
public class MentorHomePage {

    @Inject
    Assignments assignments;

    @Inject
    Mentors mentors;

    @Inject
    CurrentUser currentUser;

    private List<Assignments.Row> rows;
    private MentorProfile profile;
    private Long asking;
    private String note;

    @PostConstruct
    void load() {
        long me = currentUser.getPersonId();
        rows = assignments.ofMentor(me);
        profile = mentors.profile(me).orElse(null);
        var params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        asking = RequestParams.id(params.getOrDefault("decline", params.get("fit")));
    }

    public String accept() {
        return act(assignment -> PageMessages.info(assignments.accept(currentUser.getPersonId(), assignment)
                ? "mentorHome.accepted" : "mentorHome.tooLate"));
    }

    public String decline() {
        return act(assignment -> {
            assignments.decline(currentUser.getPersonId(), assignment, note);
            PageMessages.info("mentorHome.declined");
        });
    }

    public String notAFit() {
        return act(assignment -> {
            assignments.notAFitByMentor(currentUser.getPersonId(), assignment, note);
            PageMessages.info("mentorHome.notAFitDone");
        });
    }

    /**
     * Runs the action on the assignment the pressed form names (its hidden field, not the row's
     * place in the list, which may have changed since the page was drawn); a refusal or a change
     * meanwhile becomes a message.
     */
    private String act(java.util.function.LongConsumer action) {
        Long assignment = RequestParams.id(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("assignment"));
        try {
            if (assignment == null) {
                throw new AssignmentStatus.IllegalMoveException(AssignmentStatus.OFFERED, AssignmentStatus.ACTIVE, AssignmentStatus.Mover.MENTOR);
            }
            action.accept(assignment);
        } catch (Refused refused) {
            ProblemMessages.showAll(refused);
            return null;
        } catch (AssignmentStatus.IllegalMoveException | OptimisticLockException meanwhile) {
            PageMessages.error("mentorHome.changedMeanwhile");
        }
        return "/mentor/index?faces-redirect=true";
    }

    public List<Assignments.Row> getOffers() {
        return rows.stream().filter(r -> r.status() == AssignmentStatus.OFFERED).toList();
    }

    public List<Assignments.Row> getActive() {
        return rows.stream().filter(r -> r.status() == AssignmentStatus.ACTIVE).toList();
    }

    public List<Assignments.Row> getPast() {
        return rows.stream().filter(r -> !r.status().isLive()).toList();
    }

    public MentorProfile getProfile() {
        return profile;
    }

    /** The assignment whose decline or "not a good fit" is being confirmed, if any. */
    public Long getAsking() {
        return asking;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}

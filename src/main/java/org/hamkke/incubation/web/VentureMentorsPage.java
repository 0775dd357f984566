package org.hamkke.incubation.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.incubation.Assignments;
import org.hamkke.incubation.Matching;
import org.hamkke.incubation.Venture;
import org.hamkke.incubation.matching.Ranked;
import org.hamkke.shared.Refused;
import org.hamkke.shared.Tags;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.ProblemMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * A venture's mentoring, for staff ({@code /staff/venture.xhtml?id=ID}): what it needs (for
 * matching), its assignments, the mentors ranked by the programme's weights with every score's
 * reasons, and those not offered and why. Offering is a plain form posted to
 * {@link VentureOfferServlet}, where the database holds the mentor's cap whatever this page showed. Withdrawing an offer or ending a
 * mentoring asks first ({@code ?close=ID}).
 */
@Named
@RequestScoped
public class VentureMentorsPage {

    @Inject
    Matching matching;

    @Inject
    Assignments assignments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hamkke.time-zone", defaultValue = "UTC")
    String zone;

    private Matching.VentureCard venture;
    private List<Ranked> ranked;
    private List<Assignments.Row> rows;
    private Long closing;

    private String needs;
    private String languages;
    private String region;
    private boolean wantsInPerson;
    private long version;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String note;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Long id = RequestParams.id(params.get("id"));
        venture = id == null ? null : matching.venture(id).orElse(null);
        if (venture == null) {
            NotFound.respond();
            return;
        }
        rows = assignments.ofVenture(venture.id());
        closing = RequestParams.id(params.get("close"));
        Venture.Needs current = venture.needs();
        needs = Tags.join(current.needs());
        languages = Tags.join(current.languages());
        region = current.region();
        wantsInPerson = current.wantsInPerson();
        version = venture.version();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(zone)));
        startsOn = VentureOfferServlet.day(params.get("startsOn")).orElse(today);
        endsOn = VentureOfferServlet.day(params.get("endsOn")).orElse(today.plusMonths(6));
    }

    public String describe() {
        try {
            matching.describe(currentUser.actor(), venture.id(), version,
                    new Venture.Needs(Tags.parse(needs), Tags.parse(languages), region, wantsInPerson));
        } catch (Refused refused) {
            ProblemMessages.showAll(refused);
            return null;
        } catch (OptimisticLockException meanwhile) {
            PageMessages.error("incubation.venture.changedMeanwhile");
            return null;
        }
        PageMessages.info("ventureMentors.described");
        return back();
    }

    /** Withdraws or ends the assignment the form names, at the version the page showed. */
    public String close() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Long assignment = RequestParams.id(params.get("close"));
        Long shown = RequestParams.id(params.get("assignmentVersion"));
        try {
            if (assignment == null) {
                throw new org.hamkke.incubation.AssignmentStatus.IllegalMoveException(org.hamkke.incubation.AssignmentStatus.ACTIVE,
                        org.hamkke.incubation.AssignmentStatus.ENDED, org.hamkke.incubation.AssignmentStatus.Mover.STAFF);
            }
            assignments.close(currentUser.actor(), assignment, shown == null ? -1 : shown, note);
        } catch (Refused refused) {
            ProblemMessages.showAll(refused);
            return null;
        } catch (OptimisticLockException | org.hamkke.incubation.AssignmentStatus.IllegalMoveException meanwhile) {
            PageMessages.error("incubation.assignment.changedMeanwhile");
        }
        return back();
    }

    private String back() {
        return "/staff/venture?faces-redirect=true&id=" + venture.id();
    }

    /** The mentors offered, best first: read when the page shows them, not on every post. */
    public List<Ranked> getRanked() {
        if (ranked == null) {
            ranked = matching.ranked(venture);
        }
        return ranked;
    }

    public List<Matching.NotOffered> getNotOffered() {
        return matching.notOffered(venture);
    }

    public Matching.VentureCard getVenture() {
        return venture;
    }

    public List<Assignments.Row> getAssignments() {
        return rows;
    }

    public Long getClosing() {
        return closing;
    }

    public String getNeeds() {
        return needs;
    }

    public void setNeeds(String needs) {
        this.needs = needs;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public boolean isWantsInPerson() {
        return wantsInPerson;
    }

    public void setWantsInPerson(boolean wantsInPerson) {
        this.wantsInPerson = wantsInPerson;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}

package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamkke.academy.Attendances;
import java.util.Optional;
import org.hamkke.academy.EnrolmentStatus;
import org.hamkke.academy.Enrolments;
import org.hamkke.academy.Feeds;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.shared.web.PageMessages;

/**
 * "My learning" ({@code /me/learning.xhtml}): offers waiting for an answer first, with until when;
 * then the person's cohorts with their status and place in line; the next sessions where they
 * have a seat; what ended; and the person's calendar address. Read in four statements; each
 * cohort links to its enrolment page, where the answers are given. Each cohort where they hold (or
 * held) a seat shows their own record: sessions attended of those held so far, and each session's
 * mark (only their own marks are read).
 *
 * <p>The calendar address ({@link Feeds}) is shown once, on the page the person lands on after
 * making it (it travels there in the flash: only its hash is stored, so it cannot be shown again).
 * Afterwards the page says when it was made and offers a new one, which replaces it after a
 * confirmation ({@code ?feed=new}, which works without JavaScript; a GET shows the question, only
 * the post acts).
 */
@Named
@RequestScoped
public class MyLearningPage {

    static final int UPCOMING = 8;
    /** The flash key the new address's token travels under, from the post to the page after it. */
    private static final String NEW_TOKEN = "hamkke.feedToken";

    @Inject
    Enrolments enrolments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Attendances attendances;

    @Inject
    Clock clock;

    @Inject
    Feeds feeds;

    @Inject
    Language language;

    private List<Enrolments.Learning> all;
    private List<Enrolments.Upcoming> upcoming;
    private Map<Long, List<Attendances.SessionMark>> record;
    private Optional<Instant> feedMadeAt;
    private String newToken;
    private boolean confirmingRenewal;

    @PostConstruct
    void load() {
        all = enrolments.learning(currentUser.getPersonId());
        upcoming = enrolments.upcoming(currentUser.getPersonId(), UPCOMING);
        record = attendances.record(currentUser.getPersonId()).stream()
                .collect(Collectors.groupingBy(Attendances.SessionMark::cohortId));
        feedMadeAt = feeds.madeAt(currentUser.getPersonId());
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getExternalContext().getFlash().get(NEW_TOKEN) instanceof String token) {
            newToken = token;
        }
        confirmingRenewal = feedMadeAt.isPresent() && newToken == null
                && "new".equals(faces.getExternalContext().getRequestParameterMap().get("feed"));
    }

    /** The person's marks for the cohort's sessions held so far, in time order. */
    public List<Attendances.SessionMark> record(long cohortId) {
        return record.getOrDefault(cohortId, List.of());
    }

    /** Makes the person's calendar address (replacing the old one) and shows it on the next page, once. */
    public String makeFeed() {
        boolean renewing = feeds.madeAt(currentUser.getPersonId()).isPresent();
        String token = feeds.renew(currentUser.getPersonId(), language.getCode());
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(NEW_TOKEN, token);
        PageMessages.info(renewing ? "learning.calendar.renewed" : "learning.calendar.made");
        return "/me/learning?faces-redirect=true";
    }

    /** The address just made (https), or null when none was made on the last post. */
    public String getFeedAddress() {
        return newToken == null ? null : feeds.personalAddress(newToken);
    }

    /** The same as a webcal:// address, which phones and desktop calendars open as a subscription. */
    public String getFeedWebcal() {
        return webcal(getFeedAddress());
    }

    static String webcal(String address) {
        return address == null ? null : address.replaceFirst("^https?://", "webcal://");
    }

    public Instant getFeedMadeAt() {
        return feedMadeAt.orElse(null);
    }

    public boolean isConfirmingRenewal() {
        return confirmingRenewal;
    }

    public List<Enrolments.Learning> getOffers() {
        return all.stream().filter(l -> l.status() == EnrolmentStatus.OFFERED).toList();
    }

    public List<Enrolments.Learning> getCurrent() {
        return all.stream().filter(l -> l.status() != EnrolmentStatus.OFFERED && l.status() != EnrolmentStatus.CANCELLED).toList();
    }

    public List<Enrolments.Learning> getEnded() {
        return all.stream().filter(l -> l.status() == EnrolmentStatus.CANCELLED).toList();
    }

    public List<Enrolments.Upcoming> getUpcoming() {
        return upcoming;
    }

    public boolean isNothingYet() {
        return all.isEmpty();
    }

    public Instant getNow() {
        return clock.instant();
    }
}

package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hamkke.academy.EnrolmentStatus;
import org.hamkke.academy.Enrolments;
import org.hamkke.identity.web.CurrentUser;

/**
 * "My learning" ({@code /me/learning.xhtml}): offers waiting for an answer first, with until when;
 * then the person's cohorts with their status and place in line; the next sessions where they
 * have a seat; and what ended. Read in two statements; each cohort links to its enrolment page,
 * where the answers are given.
 */
@Named
@RequestScoped
public class MyLearningPage {

    static final int UPCOMING = 8;

    @Inject
    Enrolments enrolments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    private List<Enrolments.Learning> all;
    private List<Enrolments.Upcoming> upcoming;

    @PostConstruct
    void load() {
        all = enrolments.learning(currentUser.getPersonId());
        upcoming = enrolments.upcoming(currentUser.getPersonId(), UPCOMING);
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

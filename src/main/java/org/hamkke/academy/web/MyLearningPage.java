package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamkke.academy.Attendances;
import org.hamkke.academy.EnrolmentStatus;
import org.hamkke.academy.Enrolments;
import org.hamkke.identity.web.CurrentUser;

/**
 * "My learning" ({@code /me/learning.xhtml}): offers waiting for an answer first, with until when;
 * then the person's cohorts with their status and place in line; the next sessions where they
 * have a seat; and what ended. Read in two statements; each cohort links to its enrolment page,
 * where the answers are given. Each cohort where they hold (or held) a seat shows their own record:
 * sessions attended of those held so far, and each session's mark (a third statement; only their own
 * marks are read).
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
    Attendances attendances;

    @Inject
    Clock clock;

    private List<Enrolments.Learning> all;
    private List<Enrolments.Upcoming> upcoming;
    private Map<Long, List<Attendances.SessionMark>> record;

    @PostConstruct
    void load() {
        all = enrolments.learning(currentUser.getPersonId());
        upcoming = enrolments.upcoming(currentUser.getPersonId(), UPCOMING);
        record = attendances.record(currentUser.getPersonId()).stream()
                .collect(Collectors.groupingBy(Attendances.SessionMark::cohortId));
    }

    /** The person's marks for the cohort's sessions held so far, in time order. */
    public List<Attendances.SessionMark> record(long cohortId) {
        return record.getOrDefault(cohortId, List.of());
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

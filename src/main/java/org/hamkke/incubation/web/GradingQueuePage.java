package org.hamkke.incubation.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.incubation.Milestones;

/** The mentor's grading queue ({@code /mentor/queue.xhtml}): evidence waiting for their grade, the longest waiting first. */
@Named
@RequestScoped
public class GradingQueuePage {

    @Inject
    Milestones milestones;

    @Inject
    CurrentUser currentUser;

    private List<Milestones.Waiting> waiting;

    @PostConstruct
    void load() {
        waiting = milestones.gradingQueue(currentUser.getPersonId());
    }

    public List<Milestones.Waiting> getWaiting() {
        return waiting;
    }
}

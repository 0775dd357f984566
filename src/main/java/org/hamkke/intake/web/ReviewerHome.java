package org.hamkke.intake.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.intake.Reviews;

/**
 * The reviewer's list ({@code /reviewer/}): only the applications assigned to them and not declared
 * conflicted, the soonest due first, each with its due date (the call's review deadline, in the
 * portal's time zone), "overdue" once past it, and how far the review is: declared, draft,
 * submitted.
 */
@Named
@RequestScoped
public class ReviewerHome {

    /** The steps of a review, in order, as the list shows its progress. */
    public enum Step {
        DECLARED,
        DRAFT,
        SUBMITTED
    }

    @Inject
    Reviews reviews;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    private List<Reviews.Assignment> assignments;

    public List<Reviews.Assignment> getAssignments() {
        if (assignments == null) {
            assignments = reviews.assignmentsOf(currentUser.getPersonId());
        }
        return assignments;
    }

    public List<Step> getSteps() {
        return List.of(Step.values());
    }

    /** Whether the review has got as far as this step. */
    public boolean reached(Reviews.Assignment assignment, Step step) {
        return switch (step) {
            case DECLARED -> assignment.isDeclared();
            case DRAFT -> assignment.isDeclared() && !"NONE".equals(assignment.reviewStatus());
            case SUBMITTED -> assignment.isSubmitted();
        };
    }

    public boolean overdue(Reviews.Assignment assignment) {
        return assignment.overdue(clock.instant());
    }
}

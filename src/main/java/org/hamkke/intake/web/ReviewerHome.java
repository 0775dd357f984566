package org.hamkke.intake.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.intake.Reviews;

/** The reviewer's list: only the applications assigned to them and not declared conflicted. */
@Named
@RequestScoped
public class ReviewerHome {

    @Inject
    Reviews reviews;

    @Inject
    CurrentUser currentUser;

    private List<Reviews.Assignment> assignments;

    public List<Reviews.Assignment> getAssignments() {
        if (assignments == null) {
            assignments = reviews.assignmentsOf(currentUser.getPersonId());
        }
        return assignments;
    }
}

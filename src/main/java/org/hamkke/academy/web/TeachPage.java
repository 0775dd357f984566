package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.academy.Teaching;
import org.hamkke.identity.web.CurrentUser;

/**
 * An instructor's home ({@code /teach/}): the cohorts they teach, those with a session still to
 * come first, each with its next session (a link straight to its roll and check-in code). One
 * statement.
 */
@Named
@RequestScoped
public class TeachPage {

    @Inject
    Teaching teaching;

    @Inject
    CurrentUser currentUser;

    private List<Teaching.TeachingCohort> cohorts;

    @PostConstruct
    void load() {
        cohorts = teaching.cohorts(currentUser.getPersonId());
    }

    public List<Teaching.TeachingCohort> getCohorts() {
        return cohorts;
    }
}

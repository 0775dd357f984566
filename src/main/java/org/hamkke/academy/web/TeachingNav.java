package org.hamkke.academy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.hamkke.academy.Teaching;
import org.hamkke.identity.web.CurrentUser;

/** Whether the signed-in person teaches a cohort, asked only by the page that shows the way there ("Me"). */
@Named
@RequestScoped
public class TeachingNav {

    @Inject
    Teaching teaching;

    @Inject
    CurrentUser currentUser;

    private Boolean teaches;

    public boolean isTeaches() {
        if (teaches == null) {
            Long person = currentUser.getPersonId();
            teaches = person != null && teaching.teachesAny(person);
        }
        return teaches;
    }
}

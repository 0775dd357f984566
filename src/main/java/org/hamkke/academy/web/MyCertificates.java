package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.academy.Certificates;
import org.hamkke.identity.web.CurrentUser;

/**
 * The certificates on "My learning" ({@code WEB-INF/includes/my-certificates.xhtml}): the person's
 * own, newest first, each with its PDF, its Open Badge credential and its verification page, or
 * when revoked, when and why (and no downloads). One statement.
 */
@Named
@RequestScoped
public class MyCertificates {

    @Inject
    Certificates certificates;

    @Inject
    CurrentUser currentUser;

    private List<Certificates.Mine> all;

    @PostConstruct
    void load() {
        all = certificates.mine(currentUser.getPersonId());
    }

    public List<Certificates.Mine> getAll() {
        return all;
    }
}

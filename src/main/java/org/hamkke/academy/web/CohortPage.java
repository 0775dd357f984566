package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import org.hamkke.academy.Catalog;
import org.hamkke.academy.Feeds;
import org.hamkke.shared.TemporarilyUnavailableException;
import org.hamkke.shared.db.SchemaMigration;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.RequestParams;

/**
 * A public cohort's page ({@code /academy/cohort.xhtml?id=ID}): the course, when and where, the
 * seats and every session, before anyone enrols; the way to enrol leads to {@code /me/enrol.xhtml}
 * (signing in first). An invited-only cohort, an odd id and a missing one all answer 404. Its
 * sessions can be followed in a calendar app, by the cohort's public feed ({@link Feeds}).
 */
@Named
@RequestScoped
public class CohortPage {

    @Inject
    Catalog catalog;

    @Inject
    SchemaMigration schema;

    @Inject
    Clock clock;

    @Inject
    Feeds feeds;

    private Catalog.CohortDetail cohort;

    @PostConstruct
    void load() {
        if (!schema.isMigrated()) {
            throw new TemporarilyUnavailableException();
        }
        Long id = RequestParams.id(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        cohort = id == null ? null : catalog.cohort(id).orElse(null);
        if (cohort == null) {
            NotFound.respond();
        }
    }

    public Catalog.CohortDetail getCohort() {
        return cohort;
    }

    /** The cohort's calendar feed (https), for those who copy an address into their calendar. */
    public String getFeedAddress() {
        return cohort == null ? null : feeds.cohortAddress(cohort.id());
    }

    /** The same as webcal://, which a phone or desktop calendar opens as a subscription. */
    public String getFeedWebcal() {
        return MyLearningPage.webcal(getFeedAddress());
    }

    public Instant getNow() {
        return clock.instant();
    }
}

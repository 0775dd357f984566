package org.hamkke.portal.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.academy.Catalog;
import org.hamkke.intake.ProgrammeCall;
import org.hamkke.intake.ProgrammeCallService;
import org.hamkke.shared.TemporarilyUnavailableException;
import org.hamkke.shared.db.SchemaMigration;

/** The public home page: what the incubator and the academy offer right now. */
@Named
@RequestScoped
public class HomeBacking {

    private static final int SHOWN = 6;

    @Inject
    ProgrammeCallService calls;

    @Inject
    Catalog catalog;

    @Inject
    SchemaMigration schema;

    private List<ProgrammeCall> openCalls;
    private List<Catalog.CourseCard> activeCourses;

    @PostConstruct
    void load() {
        if (!schema.isMigrated()) {
            throw new TemporarilyUnavailableException();
        }
        openCalls = calls.openCalls(SHOWN);
        activeCourses = catalog.activeCourses(SHOWN);
    }

    public List<ProgrammeCall> getOpenCalls() {
        return openCalls;
    }

    /** The academy's active courses, each leading to its cohorts in the catalog. */
    public List<Catalog.CourseCard> getCourses() {
        return activeCourses;
    }
}

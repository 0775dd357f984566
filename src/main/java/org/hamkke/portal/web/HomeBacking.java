package org.hamkke.portal.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hamkke.academy.Catalog;
import org.hamkke.academy.Completions;
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
    Completions completions;

    @Inject
    SchemaMigration schema;

    private List<ProgrammeCall> openCalls;
    private List<Catalog.CourseCard> activeCourses;
    private Map<Long, Completions.CourseRef> requiredCourses;

    @PostConstruct
    void load() {
        if (!schema.isMigrated()) {
            throw new TemporarilyUnavailableException();
        }
        openCalls = calls.openCalls(SHOWN);
        activeCourses = catalog.activeCourses(SHOWN);
        // The courses the open calls require, named on their cards: one statement for all of them.
        requiredCourses = completions.courses(openCalls.stream().map(ProgrammeCall::getRequiredCourseId).filter(Objects::nonNull)
                .distinct().toList());
    }

    /** The academy's course a call requires applicants to have completed, or null. */
    public Completions.CourseRef requiredCourse(ProgrammeCall call) {
        return call.getRequiredCourseId() == null ? null : requiredCourses.get(call.getRequiredCourseId());
    }

    public List<ProgrammeCall> getOpenCalls() {
        return openCalls;
    }

    /** The academy's active courses, each leading to its cohorts in the catalog. */
    public List<Catalog.CourseCard> getCourses() {
        return activeCourses;
    }
}

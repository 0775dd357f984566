package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.Cohorts;
import org.hamkke.academy.Courses;
import org.hamkke.shared.web.RequestParams;

/** Staff's cohorts ({@code /staff/cohorts.xhtml}, {@code ?course=ID} for one course's), latest first, 25 a page. */
@Named
@RequestScoped
public class CohortsPage {

    static final int PAGE_SIZE = 25;

    @Inject
    Cohorts cohorts;

    @Inject
    Courses courses;

    private Long courseId;
    private int page;
    private long total;
    private List<Cohorts.Listing> rows;
    private List<Courses.Option> options;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        courseId = RequestParams.id(params.get("course"));
        page = RequestParams.page(params.get("page"));
        total = cohorts.count(courseId);
        rows = cohorts.page(courseId, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        options = courses.options().stream().filter(Courses.Option::active).toList();
    }

    public List<Cohorts.Listing> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    public Long getCourseId() {
        return courseId;
    }

    public List<Courses.Option> getCourses() {
        return options;
    }

    public int getPage() {
        return page;
    }

    public int getPages() {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** Another page of the same list. */
    public String pageLink(int to) {
        if (to < 1 || to > getPages() || to == page) {
            return null;
        }
        return "?page=" + to + (courseId == null ? "" : "&course=" + courseId);
    }
}

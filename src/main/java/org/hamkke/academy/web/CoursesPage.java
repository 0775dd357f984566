package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.academy.Courses;
import org.hamkke.shared.web.RequestParams;

/** Staff's courses ({@code /staff/courses.xhtml}), 25 a page, active first. */
@Named
@RequestScoped
public class CoursesPage {

    static final int PAGE_SIZE = 25;

    @Inject
    Courses courses;

    private int page;
    private long total;
    private List<Courses.Listing> rows;

    @PostConstruct
    void load() {
        page = RequestParams.page(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("page"));
        total = courses.count();
        rows = courses.page((page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    public List<Courses.Listing> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    public int getPage() {
        return page;
    }

    public int getPages() {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}

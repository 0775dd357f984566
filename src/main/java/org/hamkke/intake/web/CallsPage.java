package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.intake.Calls;
import org.hamkke.shared.web.RequestParams;

/** Staff's list of all programme calls ({@code /staff/calls.xhtml}), 25 a page, paged in the database. */
@Named
@RequestScoped
public class CallsPage {

    static final int PAGE_SIZE = 25;

    @Inject
    Calls calls;

    private int page;
    private long total;
    private List<Calls.Listing> rows;

    @PostConstruct
    void load() {
        page = RequestParams.page(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("page"));
        total = calls.count();
        rows = calls.page((page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    public List<Calls.Listing> getRows() {
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

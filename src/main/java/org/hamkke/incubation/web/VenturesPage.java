package org.hamkke.incubation.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hamkke.incubation.Matching;
import org.hamkke.incubation.Mentors;
import org.hamkke.incubation.matching.MentorCandidate;
import org.hamkke.shared.StorableText;
import org.hamkke.shared.web.RequestParams;

/**
 * Staff's list of ventures ({@code /staff/ventures.xhtml}): each with its programme, region,
 * mentors now and its plan's health (on time, due soon, overdue, waiting for a grade), narrowed by
 * programme, region and mentor. The filter is a plain GET form and the
 * pages plain links, so a filtered page is an address staff can keep or share.
 */
@Named
@RequestScoped
public class VenturesPage {

    static final int PAGE_SIZE = 25;

    @Inject
    Matching matching;

    @Inject
    Mentors mentors;

    @Inject
    org.hamkke.incubation.Milestones milestones;

    private Matching.Filter filter;
    private Matching.Page<Matching.Listed> result;
    private int page;
    private Map<Long, org.hamkke.incubation.Health> health;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String region = params.get("region");
        filter = new Matching.Filter(RequestParams.id(params.get("call")),
                region == null || region.isBlank() || region.length() > 100 || !StorableText.storable(region) ? null : region.strip(),
                RequestParams.id(params.get("mentor")));
        page = RequestParams.page(params.get("page"));
        result = matching.list(filter, page, PAGE_SIZE);
        health = milestones.health(result.rows().stream().map(Matching.Listed::id).toList());
    }

    /** How the venture's plan stands today (one statement for the whole page). */
    public org.hamkke.incubation.Health health(long ventureId) {
        return health.getOrDefault(ventureId, org.hamkke.incubation.Health.NO_PLAN);
    }

    public List<Matching.Listed> getRows() {
        return result.rows();
    }

    public long getTotal() {
        return result.total();
    }

    public int getPage() {
        return page;
    }

    public long getPages() {
        return Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The address of another page of the same filter. */
    public String pageLink(int to) {
        StringBuilder link = new StringBuilder("?page=").append(to);
        if (filter.callId() != null) {
            link.append("&call=").append(filter.callId());
        }
        if (filter.region() != null) {
            link.append("&region=").append(URLEncoder.encode(filter.region(), StandardCharsets.UTF_8));
        }
        if (filter.mentorId() != null) {
            link.append("&mentor=").append(filter.mentorId());
        }
        return link.toString();
    }

    public Matching.Filter getFilter() {
        return filter;
    }

    public List<Matching.Programme> getProgrammes() {
        return matching.programmes();
    }

    public List<String> getRegions() {
        return matching.regions();
    }

    public List<MentorCandidate> getMentors() {
        return mentors.candidates();
    }
}

package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hamkke.academy.Catalog;
import org.hamkke.academy.Delivery;
import org.hamkke.academy.Level;
import org.hamkke.shared.TemporarilyUnavailableException;
import org.hamkke.shared.db.SchemaMigration;
import org.hamkke.shared.web.RequestParams;

/**
 * The public catalog ({@code /academy/catalog.xhtml}): cohorts still to come or running, filtered
 * by the language taught ({@code taught}; {@code lang} is the page's own language), level,
 * delivery, the days they start ({@code from}, {@code to}) and seats left ({@code seats=1}), paged
 * by 12. A plain GET form, so filters and pages are addresses to share, work without JavaScript and
 * start no session. Anything odd in the address is ignored, never an error.
 */
@Named
@RequestScoped
public class CatalogPage {

    static final int PAGE_SIZE = 12;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    @Inject
    Catalog catalog;

    @Inject
    SchemaMigration schema;

    @Inject
    Clock clock;

    private Catalog.Filter filter = Catalog.Filter.NONE;
    private int page;
    private Catalog.Page results;
    private List<String> languages;

    @PostConstruct
    void load() {
        if (!schema.isMigrated()) {
            throw new TemporarilyUnavailableException();
        }
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String taught = params.get("taught");
        filter = new Catalog.Filter(
                taught != null && LANGUAGE.matcher(taught).matches() ? taught : null,
                constant(Level.class, params.get("level")),
                constant(Delivery.class, params.get("delivery")),
                date(params.get("from")),
                date(params.get("to")),
                "1".equals(params.get("seats")),
                RequestParams.id(params.get("course")));
        page = RequestParams.page(params.get("page"));
        results = catalog.page(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        languages = catalog.languages();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static LocalDate date(String typed) {
        try {
            return typed == null || typed.length() != 10 ? null : LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public List<Catalog.Entry> getEntries() {
        return results.entries();
    }

    public long getTotal() {
        return results.total();
    }

    public Catalog.Filter getFilter() {
        return filter;
    }

    public boolean isFiltered() {
        return !filter.equals(Catalog.Filter.NONE);
    }

    public int getPage() {
        return page;
    }

    public int getPages() {
        return (int) Math.max(1, (results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The address of another page with the same filters, or null when there is none. */
    public String pageLink(int to) {
        if (to < 1 || to > getPages() || to == page && !results.entries().isEmpty()) {
            return null;
        }
        Map<String, String> query = query();
        query.put("page", String.valueOf(to));
        StringBuilder link = new StringBuilder("?");
        query.forEach((key, value) -> link.append(link.length() > 1 ? "&" : "").append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return link.toString();
    }

    private Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        if (filter.language() != null) {
            query.put("taught", filter.language());
        }
        if (filter.level() != null) {
            query.put("level", filter.level().name());
        }
        if (filter.delivery() != null) {
            query.put("delivery", filter.delivery().name());
        }
        if (filter.from() != null) {
            query.put("from", filter.from().toString());
        }
        if (filter.to() != null) {
            query.put("to", filter.to().toString());
        }
        if (filter.withSeats()) {
            query.put("seats", "1");
        }
        if (filter.courseId() != null) {
            query.put("course", filter.courseId().toString());
        }
        return query;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public List<Level> getLevels() {
        return List.of(Level.values());
    }

    public List<Delivery> getDeliveries() {
        return List.of(Delivery.values());
    }

    public Instant getNow() {
        return clock.instant();
    }
}

package org.hamkke.academy.web;

import jakarta.enterprise.inject.spi.CDI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.EnrolmentStatus;
import org.hamkke.academy.Rosters;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The roster's rows for PrimeFaces' lazy table: it asks for a count and a page, and both are
 * answered in the database ({@link Rosters#count}, {@link Rosters#page}) with the table's sort and
 * filters, so a 500-person cohort costs what a 5-person one does. The name column's filter finds
 * text in the name or the address; the status column's filter is one status.
 */
public class RosterModel extends LazyDataModel<Rosters.Row> {

    private final long cohortId;

    public RosterModel(long cohortId) {
        this.cohortId = cohortId;
    }

    /** Looked up, not kept: the model lives in the view, which is serialised with the session. */
    private static Rosters rosters() {
        return CDI.current().select(Rosters.class).get();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) rosters().count(cohortId, filter(filterBy));
    }

    @Override
    public List<Rosters.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Rosters.Sort sort = Rosters.Sort.REQUESTED;
        boolean ascending = true;
        for (SortMeta meta : sortBy.values()) {
            if (meta.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            sort = switch (meta.getField()) {
                case "name" -> Rosters.Sort.NAME;
                case "email" -> Rosters.Sort.EMAIL;
                case "status" -> Rosters.Sort.STATUS;
                default -> Rosters.Sort.REQUESTED;
            };
            ascending = meta.getOrder() == SortOrder.ASCENDING;
            break;
        }
        return rosters().page(cohortId, filter(filterBy), sort, ascending, first, pageSize);
    }

    static Rosters.Filter filter(Map<String, FilterMeta> filterBy) {
        EnrolmentStatus status = null;
        String text = null;
        for (FilterMeta meta : filterBy.values()) {
            Object value = meta.getFilterValue();
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            switch (meta.getField()) {
                case "status" -> status = Arrays.stream(EnrolmentStatus.values()).filter(s -> s.name().equals(value.toString()))
                        .findFirst().orElse(null);
                case "name", "globalFilter" -> text = value.toString().length() > 200 ? value.toString().substring(0, 200) : value.toString();
                default -> {}
            }
        }
        return new Rosters.Filter(status, text);
    }

    @Override
    public String getRowKey(Rosters.Row row) {
        return String.valueOf(row.enrolmentId());
    }

    @Override
    public Rosters.Row getRowData(String rowKey) {
        return getWrappedData() == null ? null
                : getWrappedData().stream().filter(r -> String.valueOf(r.enrolmentId()).equals(rowKey)).findFirst().orElse(null);
    }
}

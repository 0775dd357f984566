package org.hamkke.academy.web;

import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.Certificates;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A cohort's certificates for PrimeFaces' lazy table: a count and a page, both answered in the
 * database ({@link Certificates#count}, {@link Certificates#page}) with the table's sort and
 * filters. The name column's filter finds text in the name, the address or the code; the status
 * column's filter is valid or revoked.
 */
public class CertificateModel extends LazyDataModel<Certificates.Row> {

    private final long cohortId;

    public CertificateModel(long cohortId) {
        this.cohortId = cohortId;
    }

    /** Looked up, not kept: the model lives in the view, which is serialised with the session. */
    private static Certificates certificates() {
        return CDI.current().select(Certificates.class).get();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) certificates().count(cohortId, filter(filterBy));
    }

    @Override
    public List<Certificates.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Certificates.Sort sort = Certificates.Sort.ISSUED;
        boolean ascending = true;
        for (SortMeta meta : sortBy.values()) {
            if (meta.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            sort = switch (meta.getField()) {
                case "name" -> Certificates.Sort.NAME;
                case "code" -> Certificates.Sort.CODE;
                default -> Certificates.Sort.ISSUED;
            };
            ascending = meta.getOrder() == SortOrder.ASCENDING;
            break;
        }
        return certificates().page(cohortId, filter(filterBy), sort, ascending, first, pageSize);
    }

    static Certificates.Filter filter(Map<String, FilterMeta> filterBy) {
        Boolean revoked = null;
        String text = null;
        for (FilterMeta meta : filterBy.values()) {
            Object value = meta.getFilterValue();
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            switch (meta.getField()) {
                case "status" -> revoked = "REVOKED".equals(value.toString()) ? Boolean.TRUE : "VALID".equals(value.toString()) ? Boolean.FALSE : null;
                case "name", "globalFilter" -> text = value.toString().length() > 200 ? value.toString().substring(0, 200) : value.toString();
                default -> {}
            }
        }
        return new Certificates.Filter(revoked, text);
    }

    @Override
    public String getRowKey(Certificates.Row row) {
        return String.valueOf(row.id());
    }

    @Override
    public Certificates.Row getRowData(String rowKey) {
        return getWrappedData() == null ? null
                : getWrappedData().stream().filter(r -> String.valueOf(r.id()).equals(rowKey)).findFirst().orElse(null);
    }
}

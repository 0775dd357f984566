package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.intake.ApplicantKind;
import org.hamkke.intake.ApplicationTable;
import org.hamkke.intake.ApplicationTable.Cursor;
import org.hamkke.intake.ApplicationTable.Query;
import org.hamkke.intake.ApplicationTable.Row;
import org.hamkke.intake.ApplicationTable.Sort;
import org.hamkke.intake.Stage;
import org.hamkke.shared.TemporarilyUnavailableException;
import org.hamkke.shared.db.SchemaMigration;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.RequestParams;
import org.omnifaces.util.Faces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The staff table of a call's applications ({@code /staff/applications.xhtml?call=N}), as the
 * PrimeFaces table's lazy model: sorted, filtered and paged in the database
 * ({@link ApplicationTable}), 25 rows a page. Paging is by key with "previous" and "next" only: the
 * model keeps where each page it served starts (the last row of the page before), so going back
 * reads the same rows again, and a page is one statement whichever it is. A new order or filter
 * starts again at the first page. It opens in the order and filters its address names
 * ({@link PipelineAddress}), and its rows link to each application with them, for the
 * application page's next and previous.
 *
 * <p>Without a call in the address it lists the calls; a call number that is not one is a 404.
 * The rows ticked (the selection) are for {@link PipelineBulk}; one row's move is {@link MoveDialog}'s.
 */
@Named
@ViewScoped
public class PipelineTable extends LazyDataModel<Row> {

    static final int PAGE_SIZE = 25;
    /** What the page draws again once the dialog has moved something: the table (with its count) and the message. */
    static final String[] UPDATED_AFTER_A_MOVE = {":messages", ":pipeline:table"};
    /** Rows kept for the selection's sake (PrimeFaces finds ticked rows by key, on any page seen). */
    private static final int ROWS_KEPT = 500;

    @Inject
    ApplicationTable table;

    @Inject
    CurrentUser currentUser;

    @Inject
    SchemaMigration schema;

    private Long callId;
    private ApplicationTable.Call call;
    private List<ApplicationTable.CallSummary> calls;

    private Stage stage;
    private ApplicantKind kind;
    private String name;
    private boolean disagreement;
    private Sort openedSort;
    private boolean openedDescending;

    private Query current;
    private long total;
    private final Map<Integer, Cursor> starts = new HashMap<>();
    private final Map<Long, Row> seen = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Row> eldest) {
            return size() > ROWS_KEPT;
        }
    };
    private List<Row> selection = new ArrayList<>();

    @PostConstruct
    void open() {
        if (!schema.isMigrated()) {
            throw new TemporarilyUnavailableException();
        }
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        if (!params.containsKey("call")) {
            calls = table.calls();
            return;
        }
        callId = RequestParams.id(params.get("call"));
        if (callId != null && "board".equals(params.get("view"))) {
            // The board was once this page's other view; it has its own page now.
            Faces.redirect("staff/board.xhtml?call=%s", String.valueOf(callId));
            callId = null;
            return;
        }
        call = callId == null ? null : table.findCall(callId).orElse(null);
        if (call == null) {
            callId = null;
            NotFound.respond();
            return;
        }
        Query asked = PipelineAddress.query(callId, params);
        stage = asked.stage();
        kind = asked.kind();
        name = asked.name();
        disagreement = asked.disagreement();
        openedSort = asked.sort();
        openedDescending = asked.descending();
        current = asked;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        total = callId == null ? 0 : table.count(query(current.sort(), current.descending()));
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    @Override
    public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        if (callId == null) {
            return List.of();
        }
        // A column's field names its order (field="SCORE"); anything else (a forged sort key) keeps the opening order.
        Query asked = sortBy.values().stream().filter(s -> !s.getOrder().isUnsorted())
                .flatMap(s -> Arrays.stream(Sort.values()).filter(o -> o.name().equals(s.getField()))
                        .map(o -> query(o, s.getOrder().isDescending())))
                .findFirst()
                .orElseGet(() -> query(openedSort, openedDescending));
        int page = pageSize == 0 ? 0 : first / pageSize;
        if (!asked.equals(current)) {
            starts.clear();
            current = asked;
            page = 0;
        }
        Cursor start = page == 0 ? null : starts.get(page);
        if (page > 0 && start == null) {
            // Only pages next to one served can be asked for; anything else starts again at the top.
            page = 0;
        }
        if (page == 0 && first != 0 && UIComponent.getCurrentComponent(FacesContext.getCurrentInstance()) instanceof DataTable shown) {
            shown.setFirst(0);
        }
        var slice = table.page(currentUser.getPersonId(), current, start, pageSize);
        if (slice.more()) {
            starts.put(page + 1, slice.last());
        }
        slice.rows().forEach(r -> seen.put(r.id(), r));
        return slice.rows();
    }

    private Query query(Sort sort, boolean descending) {
        return new Query(callId, stage, kind, name, disagreement, sort, descending);
    }

    @Override
    public String getRowKey(Row row) {
        return String.valueOf(row.id());
    }

    @Override
    public Row getRowData(String rowKey) {
        Long id = RequestParams.id(rowKey);
        return id == null ? null : seen.get(id);
    }

    /** A row shown on a page of this table, or null. */
    Row shown(long applicationId) {
        return seen.get(applicationId);
    }

    /** The same row read again (after someone moved it), as it is now. */
    Row reread(long applicationId) {
        Row fresh = table.rows(currentUser.getPersonId(), callId, List.of(applicationId)).stream().findFirst().orElse(null);
        if (fresh != null) {
            seen.put(fresh.id(), fresh);
        }
        return fresh;
    }

    /** How the column's header starts sorted: the order the address asked for, if it is this column's. */
    public String sortOrder(String column) {
        return column.equals(openedSort == null ? null : openedSort.name()) ? (openedDescending ? "descending" : "ascending") : null;
    }

    /** The table's order and filters, to append to a link to an application ("&sort=…"). */
    public String getAddress() {
        return current == null ? "" : PipelineAddress.of(current);
    }

    public Long getCallId() {
        return callId;
    }

    public ApplicationTable.Call getCall() {
        return call;
    }

    public List<ApplicationTable.CallSummary> getCalls() {
        return calls;
    }

    /** How many applications the table finds with its filters. */
    public long getTotal() {
        return total;
    }

    public List<Stage> getStages() {
        return List.of(Stage.values());
    }

    public List<ApplicantKind> getKinds() {
        return List.of(ApplicantKind.values());
    }

    public String getStage() {
        return stage == null ? null : stage.name();
    }

    public void setStage(String stage) {
        this.stage = stage == null ? null : Arrays.stream(Stage.values()).filter(s -> s.name().equals(stage)).findFirst().orElse(null);
    }

    public String getKind() {
        return kind == null ? null : kind.name();
    }

    public void setKind(String kind) {
        this.kind = kind == null ? null : Arrays.stream(ApplicantKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Query.nameSearch(name);
    }

    public boolean isDisagreement() {
        return disagreement;
    }

    public void setDisagreement(boolean disagreement) {
        this.disagreement = disagreement;
    }

    public List<Row> getSelection() {
        return selection;
    }

    /** The ticked rows PrimeFaces found by their keys; a key of no row seen here finds none and is left out. */
    public void setSelection(List<Row> selection) {
        this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection.stream().filter(java.util.Objects::nonNull).toList());
    }
}

package org.hamkke.intake.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.hamkke.intake.ApplicationTable.Row;
import org.hamkke.intake.Stage;
import org.hamkke.shared.web.PageMessages;
import org.primefaces.PrimeFaces;

/**
 * The staff table's one dialog: opened for a row, it moves or decides that application
 * ({@link MoveAction}, shared with the application page), offering only the moves its stage
 * allows; opened for the ticked rows, it holds the bulk action and its confirmation
 * ({@link PipelineBulk}). A refused move keeps the dialog open with the reason and what was
 * typed; when someone else moved the application meanwhile, the dialog shows it as it is now (its
 * stage, its moves), so the person sees the change before trying again.
 */
@Named
@ViewScoped
public class MoveDialog implements Serializable {

    @Inject
    PipelineTable table;

    @Inject
    PipelineBulk bulk;

    @Inject
    MoveAction moveAction;

    private Row row;
    private String to;
    private String reason;
    private boolean forSelection;

    /** Opens the dialog for one row of the table. */
    public void openRow(long applicationId) {
        row = table.shown(applicationId);
        to = null;
        reason = null;
        forSelection = false;
        if (row == null || row.moves().isEmpty()) {
            row = null;
            PageMessages.error("pipeline.notFound", null);
            return;
        }
        PrimeFaces.current().ajax().addCallbackParam("open", true);
    }

    /** Opens the dialog for the ticked rows: the bulk action's choice, then its confirmation. */
    public void openSelection() {
        row = null;
        forSelection = bulk.start(table.getSelection());
        if (forSelection) {
            PrimeFaces.current().ajax().addCallbackParam("open", true);
        }
    }

    /** Moves the row's application; on success the dialog closes and the table shows the row where it is now. */
    public void move() {
        if (row == null) {
            return;
        }
        long id = row.id();
        if (moveAction.move(id, row.version(), to, reason, row.name())) {
            PrimeFaces.current().ajax().addCallbackParam("done", true);
            PrimeFaces.current().ajax().addCallbackParam("row", String.valueOf(id));
            PrimeFaces.current().ajax().update(PipelineTable.UPDATED_AFTER_A_MOVE);
            row = null;
            return;
        }
        Row now = table.reread(id);
        if (now != null) {
            row = now;
            if (to != null && now.moves().stream().noneMatch(s -> s.name().equals(to))) {
                to = null;
            }
        }
    }

    public Row getRow() {
        return row;
    }

    public boolean isForRow() {
        return row != null && !forSelection;
    }

    public boolean isForSelection() {
        return forSelection;
    }

    /** The moves offered: only those the row's stage allows. */
    public List<String> getTargets() {
        return row == null ? List.of() : row.moves().stream().map(Stage::name).toList();
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.intake.ApplicationTable;
import org.hamkke.shared.TemporarilyUnavailableException;
import org.hamkke.shared.db.SchemaMigration;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.RequestParams;

/**
 * A call as a board of stages ({@code /staff/board.xhtml?call=N}): each stage with its count and
 * its newest applications, in one statement. Plain Faces, no script: the view that works anywhere,
 * and where the table sends someone without JavaScript.
 */
@Named
@RequestScoped
public class PipelineBoard {

    static final int CARDS = 5;

    @Inject
    ApplicationTable table;

    @Inject
    CurrentUser currentUser;

    @Inject
    SchemaMigration schema;

    private ApplicationTable.Call call;
    private List<ApplicationTable.Column> columns = List.of();

    @PostConstruct
    void load() {
        if (!schema.isMigrated()) {
            throw new TemporarilyUnavailableException();
        }
        Long callId = RequestParams.id(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("call"));
        call = callId == null ? null : table.findCall(callId).orElse(null);
        if (call == null) {
            NotFound.respond();
            return;
        }
        columns = table.board(currentUser.getPersonId(), callId, CARDS);
    }

    public ApplicationTable.Call getCall() {
        return call;
    }

    public List<ApplicationTable.Column> getColumns() {
        return columns;
    }
}

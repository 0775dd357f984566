package org.hamkke.intake.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.intake.ApplicationTable;
import org.hamkke.intake.ApplicationTable.Row;
import org.hamkke.intake.BulkActions;
import org.hamkke.intake.Conflicts;
import org.hamkke.intake.Reviews;
import org.hamkke.intake.Stage;
import org.hamkke.intake.TextRules;
import org.hamkke.shared.web.PageMessages;
import org.primefaces.PrimeFaces;

/**
 * What staff do with the ticked applications of the table, in {@link MoveDialog}: choose an action
 * (give reviewers, or move them all to a stage, with the message a decision needs), then confirm
 * on a list of each application and whether it will move or be left as it is (its stage does not
 * allow it, or the person conflicts with it). Each then moves in its own transaction
 * ({@link BulkActions}), as if moved by hand. Also the one button that gives every application in
 * review its reviewers.
 */
@Named
@ViewScoped
public class PipelineBulk implements Serializable {

    /** At most this many applications in one bulk action. */
    static final int MOST = 200;

    @Inject
    BulkActions bulk;

    @Inject
    Reviews reviews;

    @Inject
    ApplicationTable table;

    @Inject
    PipelineTable pipeline;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private LinkedHashMap<Long, Long> seen = new LinkedHashMap<>();
    private String action;
    private String reason;
    private List<Row> confirming;

    /** Starts with the rows ticked (each with the version shown); false, with a message, when none is. */
    boolean start(List<Row> ticked) {
        seen = new LinkedHashMap<>();
        ticked.stream().limit(MOST).forEach(r -> seen.put(r.id(), r.version()));
        action = null;
        reason = null;
        confirming = null;
        if (seen.isEmpty()) {
            PageMessages.error("pipeline.bulk.noneSelected", null);
            return false;
        }
        return true;
    }

    /** First step: the action is checked, then each chosen application is listed as it is now, with what will happen to it. */
    public void prepare() {
        var reasonProblem = TextRules.problem(reason, TextRules.REASON);
        if (action == null || !getActions().contains(action)) {
            PageMessages.error("pipeline.bulk.chooseAction", null);
        } else if (!BulkActions.ASSIGN.equals(action) && Stage.valueOf(action).isDecision() && (reason == null || reason.isBlank())) {
            PageMessages.error("pipeline.messageRequired", null);
        } else if (reasonProblem.isPresent()) {
            PageMessages.error(reasonProblem.get(), language.formatNumber(TextRules.REASON));
        } else {
            confirming = table.rows(currentUser.getPersonId(), pipeline.getCallId(), seen.keySet());
        }
    }

    /** Back from the confirmation to the choice, keeping it. */
    public void back() {
        confirming = null;
    }

    /** Second step: those that apply move (or get reviewers), each in its own transaction. */
    public void confirm() {
        if (confirming == null) {
            return;
        }
        var chosen = new LinkedHashMap<Long, Long>();
        confirming.stream().filter(this::applies).forEach(r -> chosen.put(r.id(), seen.get(r.id())));
        var outcome = bulk.apply(currentUser.actor(), new BulkActions.Request(pipeline.getCallId(), action, reason, chosen));
        String done = language.formatNumber(outcome.done());
        String skipped = language.formatNumber(outcome.skipped().size());
        if (outcome.skipped().isEmpty()) {
            PageMessages.info("pipeline.bulk.done", done, skipped);
        } else {
            PageMessages.error("pipeline.bulk.done", done, skipped);
            outcome.skipped().values().stream().distinct().forEach(key -> PageMessages.error(key, ""));
        }
        confirming = null;
        seen = new LinkedHashMap<>();
        pipeline.setSelection(List.of());
        PrimeFaces.current().ajax().addCallbackParam("done", true);
        PrimeFaces.current().ajax().update(PipelineTable.UPDATED_AFTER_A_MOVE);
    }

    /** Reviewers for every application in review of the call, balancing everyone's load (a plain post: no script needed). */
    public String autoAssign() {
        int added = reviews.autoAssign(currentUser.actor(), pipeline.getCallId(), bulk.reviewersPerApplication());
        PageMessages.info("pipeline.autoAssigned", language.formatNumber(added));
        return "/staff/applications?faces-redirect=true&call=" + pipeline.getCallId() + pipeline.getAddress();
    }

    /** Whether the action applies to this application as it is now, or it will be left as it is. */
    public boolean applies(Row row) {
        if (BulkActions.ASSIGN.equals(action)) {
            return row.stage() == Stage.IN_REVIEW && row.ownConflict() == null;
        }
        return row.moves().stream().anyMatch(s -> s.name().equals(action));
    }

    /** Why the person may not act on this application, or null. */
    public Conflicts.Reason conflict(Row row) {
        return row.ownConflict();
    }

    /** The actions offered: give reviewers, or move to any stage staff may move to. */
    public List<String> getActions() {
        var actions = new ArrayList<String>();
        actions.add(BulkActions.ASSIGN);
        Arrays.stream(Stage.values()).filter(s -> Arrays.stream(Stage.values()).anyMatch(f -> f.staffMoves().contains(s)))
                .forEach(s -> actions.add(s.name()));
        return actions;
    }

    public String actionLabel(String chosen) {
        return BulkActions.ASSIGN.equals(chosen)
                ? PageMessages.format(language.getLocale(), PageMessages.text("pipeline.bulk.assign"), language.formatNumber(bulk.reviewersPerApplication()))
                : PageMessages.format(language.getLocale(), PageMessages.text("pipeline.bulk.moveTo"), MoveAction.stageLabel(Stage.valueOf(chosen)));
    }

    public int getReviewersPerApplication() {
        return bulk.reviewersPerApplication();
    }

    /** How many applications are ticked. */
    public int getCount() {
        return seen.size();
    }

    /** The chosen applications as they are now, once the action is chosen; null before. */
    public List<Row> getConfirming() {
        return confirming;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

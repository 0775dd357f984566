package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.intake.Pipeline;
import org.hamkke.intake.Stage;
import org.hamkke.shared.TemporarilyUnavailableException;
import org.hamkke.shared.db.SchemaMigration;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;

/**
 * Staff's pipeline of a call: its submitted applications, 25 a page, filtered by stage and paged by
 * key in the database ("previous" and "next" carry a row's id), each with the moves the state
 * machine allows from where it is. An application the person conflicts with shows why instead of
 * its actions. Without a call chosen it lists the calls; a call number that is not one is a 404.
 */
@Named
@RequestScoped
public class PipelinePage {

    static final int PAGE_SIZE = 25;
    static final int BOARD_CARDS = 5;
    private static final String FLASH_REASON = "pipeline.reason.";
    private static final String FLASH_TO = "pipeline.to.";

    @Inject
    Pipeline pipeline;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    SchemaMigration schema;

    @Inject
    org.hamkke.intake.Reviews reviews;

    @Inject
    org.hamkke.intake.Conflicts conflicts;

    private Map<Long, org.hamkke.intake.Conflicts.Reason> own = Map.of();

    private Map<Long, org.hamkke.intake.Scoring.Summary> scores = Map.of();
    private java.util.Set<Long> conflicted = java.util.Set.of();
    private List<org.hamkke.intake.Reviews.Reviewer> reviewers = List.of();

    @Inject
    org.hamkke.intake.BulkActions bulk;

    private static final String FLASH_BULK = "pipeline.bulk";

    private Long callId;
    private Stage stage;
    private Pipeline.Order order = Pipeline.Order.NEWEST;
    private boolean board;
    private List<Pipeline.Column> columns = List.of();
    private String bulkAction;
    private String bulkReason;
    private org.hamkke.intake.BulkActions.Request pending;
    private List<Pipeline.Row> pendingRows = List.of();
    private Long after;
    private Long before;
    private Pipeline.Page found;
    private long total;
    private List<Pipeline.CallSummary> calls;
    private List<Move> rows;

    /** One application's row and the move a person is about to make on it. */
    public static final class Move {
        private final Pipeline.Row row;
        private long applicationId;
        private long seenVersion;
        private String to;
        private String reason;
        private Long reviewerId;
        private org.hamkke.intake.Conflicts.Reason conflict;

        public Long getReviewerId() {
            return reviewerId;
        }

        public void setReviewerId(Long reviewerId) {
            this.reviewerId = reviewerId;
        }

        Move(Pipeline.Row row) {
            this.row = row;
            this.applicationId = row.id();
            this.seenVersion = row.version();
        }

        public Pipeline.Row getRow() {
            return row;
        }

        public List<String> getMoves() {
            return row.stage().staffMoves().stream().map(Enum::name).toList();
        }

        /** Why the person looking may not act on this application, or null when they may. */
        public org.hamkke.intake.Conflicts.Reason getConflict() {
            return conflict;
        }

        public long getApplicationId() {
            return applicationId;
        }

        public void setApplicationId(long applicationId) {
            this.applicationId = applicationId;
        }

        public long getSeenVersion() {
            return seenVersion;
        }

        public void setSeenVersion(long seenVersion) {
            this.seenVersion = seenVersion;
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

    @PostConstruct
    void load() {
        if (!schema.isMigrated()) {
            throw new TemporarilyUnavailableException();
        }
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        callId = org.hamkke.shared.web.RequestParams.id(params.get("call"));
        if (params.containsKey("call") && (callId == null || pipeline.findCall(callId).isEmpty())) {
            callId = null;
            NotFound.respond();
            return;
        }
        stage = Arrays.stream(Stage.values()).filter(s -> s.name().equals(params.get("stage"))).findFirst().orElse(null);
        after = org.hamkke.shared.web.RequestParams.id(params.get("after"));
        before = after == null ? org.hamkke.shared.web.RequestParams.id(params.get("before")) : null;
        order = Arrays.stream(Pipeline.Order.values()).filter(o -> o.name().equals(params.get("sort"))).findFirst()
                .orElse(Pipeline.Order.NEWEST);
        board = "board".equals(params.get("view"));
        if (callId == null) {
            calls = pipeline.calls();
            return;
        }
        if (board) {
            columns = pipeline.board(callId, BOARD_CARDS);
            return;
        }
        if (FacesContext.getCurrentInstance().getExternalContext().getFlash().get(FLASH_BULK + ".typed") instanceof String typed) {
            bulkAction = typed;
        }
        if (FacesContext.getCurrentInstance().getExternalContext().getFlash().get(FLASH_BULK)
                instanceof org.hamkke.intake.BulkActions.Request chosen && chosen.callId() == callId) {
            pending = chosen;
            pendingRows = pipeline.rows(callId, chosen.seen().keySet());
            own = conflicts.ofPerson(currentUser.getPersonId(), chosen.seen().keySet());
        } else if (params.containsKey("confirmBulk")) {
            // The confirmation posted back: the flash is spent, but the form must exist again for its button to act.
            pending = new org.hamkke.intake.BulkActions.Request(callId, params.get("bulkAction"), params.get("bulkReason"), chosen());
        }
        total = pipeline.count(callId, stage);
        found = pipeline.page(callId, stage, order, after, before, PAGE_SIZE);
        rows = found.rows().stream().map(Move::new).toList();
        // Everything below is read for this page's applications only.
        List<Long> ids = found.rows().stream().map(Pipeline.Row::id).toList();
        long me = currentUser.getPersonId();
        scores = reviews.summaries(me, callId, ids);
        conflicted = reviews.conflicted(ids);
        Map<Long, org.hamkke.intake.Conflicts.Reason> mine = conflicts.ofPerson(me, ids);
        if (pending == null) {
            own = mine;
        }
        reviewers = reviews.reviewers();
        Map<String, Object> flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
        for (Move move : rows) {
            move.conflict = mine.get(move.getApplicationId());
            if (flash.get(FLASH_REASON + move.getApplicationId()) instanceof String typed) {
                move.setReason(typed);
            }
            if (flash.get(FLASH_TO + move.getApplicationId()) instanceof String chosen && move.getMoves().contains(chosen)) {
                move.setTo(chosen);
            }
        }
    }

    /**
     * Always answers with a redirect (post-redirect-get): re-rendering a posted page needs the
     * script nonce that only JavaScript adds to forms, and pages here must work without it. When
     * the move is refused, what the person chose and typed travels in the flash and is put back.
     */
    public String move(Move move) {
        try {
            if (move.getTo() == null || move.getTo().isEmpty()) {
                PageMessages.error("pipeline.chooseStage", null);
            } else {
                Stage to = Stage.valueOf(move.getTo());
                pipeline.move(currentUser.actor(), move.getApplicationId(), move.getSeenVersion(), to, move.getReason());
                PageMessages.info("pipeline.moved", move.getRow().name() + " → " + stageLabel(to));
                return here();
            }
        } catch (org.hamkke.intake.Conflicts.Conflicted e) {
            PageMessages.error("conflict.own." + e.reason().name(), null);
        } catch (org.hamkke.intake.TextRules.Refused e) {
            PageMessages.error(e.key(), language.formatNumber(e.limit()));
        } catch (Stage.IllegalMoveException refused) {
            PageMessages.error("pipeline.notAllowed", stageLabel(refused.to()));
        } catch (Pipeline.MessageRequired e) {
            PageMessages.error("pipeline.messageRequired", null);
        } catch (Pipeline.ChangedMeanwhile e) {
            PageMessages.error("pipeline.changedMeanwhile", stageLabel(e.now()));
        } catch (IllegalArgumentException e) {
            PageMessages.error("pipeline.notFound", null);
        }
        keepTyped(move);
        return here();
    }

    /** Two reviewers for every application in review, balancing everyone's load. */
    public String autoAssign() {
        int added = reviews.autoAssign(currentUser.actor(), callId, bulk.reviewersPerApplication());
        PageMessages.info("pipeline.autoAssigned", language.formatNumber(added));
        return here();
    }

    public String assign(Move move) {
        try {
            if (move.getReviewerId() == null) {
                PageMessages.error("pipeline.chooseReviewer", null);
            } else {
                reviews.assign(currentUser.actor(), move.getApplicationId(), move.getReviewerId());
                PageMessages.info("pipeline.assigned", move.getRow().name());
            }
        } catch (org.hamkke.intake.Conflicts.Conflicted e) {
            if (e.personId() == currentUser.getPersonId()) {
                PageMessages.error("conflict.own." + e.reason().name(), null);
            } else {
                String reviewer = reviewers.stream().filter(r -> r.id() == e.personId()).map(org.hamkke.intake.Reviews.Reviewer::name)
                        .findFirst().orElse("");
                PageMessages.error("conflict.reviewer." + e.reason().name(), reviewer, move.getRow().name());
            }
        } catch (IllegalArgumentException e) {
            PageMessages.error("pipeline.chooseReviewer", null);
        }
        return here();
    }

    /**
     * First step of a bulk action: what was ticked (each as "id:version", the version shown) and
     * the action go to a confirmation listing each application and what will happen to it.
     */
    public String prepareBulk() {
        var seen = chosen();
        if (seen.isEmpty()) {
            PageMessages.error("pipeline.bulk.noneSelected", null);
        } else if (bulkAction == null || bulkAction.isEmpty() || !getBulkActions().contains(bulkAction)) {
            PageMessages.error("pipeline.bulk.chooseAction", null);
        } else if (!org.hamkke.intake.BulkActions.ASSIGN.equals(bulkAction) && Stage.valueOf(bulkAction).isDecision()
                && (bulkReason == null || bulkReason.isBlank())) {
            PageMessages.error("pipeline.messageRequired", null);
            keepTypedBulk();
        } else if (org.hamkke.intake.TextRules.problem(bulkReason, org.hamkke.intake.TextRules.REASON).isPresent()) {
            PageMessages.error(org.hamkke.intake.TextRules.problem(bulkReason, org.hamkke.intake.TextRules.REASON).get(),
                    language.formatNumber(org.hamkke.intake.TextRules.REASON));
            keepTypedBulk();
        } else {
            FacesContext.getCurrentInstance().getExternalContext().getFlash()
                    .put(FLASH_BULK, new org.hamkke.intake.BulkActions.Request(callId, bulkAction, bulkReason, seen));
        }
        return here();
    }

    /** Second step: the person confirmed; each application moves in its own transaction. */
    public String confirmBulk() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        bulkAction = getBulkActions().contains(params.get("bulkAction")) ? params.get("bulkAction") : null;
        bulkReason = params.get("bulkReason");
        var seen = chosen();
        if (seen.isEmpty() || bulkAction == null || bulkAction.isEmpty()) {
            PageMessages.error("pipeline.bulk.noneSelected", null);
            return here();
        }
        var outcome = bulk.apply(currentUser.actor(), new org.hamkke.intake.BulkActions.Request(callId, bulkAction, bulkReason, seen));
        String done = language.formatNumber(outcome.done());
        String skipped = language.formatNumber(outcome.skipped().size());
        if (outcome.skipped().isEmpty()) {
            PageMessages.info("pipeline.bulk.done", done, skipped);
        } else {
            PageMessages.error("pipeline.bulk.done", done, skipped);
            outcome.skipped().values().stream().distinct().forEach(key -> PageMessages.error(key, ""));
        }
        return here();
    }

    private void keepTypedBulk() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(FLASH_BULK + ".typed", bulkAction);
    }

    private java.util.LinkedHashMap<Long, Long> chosen() {
        String[] ticked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap().get("selected");
        var seen = new java.util.LinkedHashMap<Long, Long>();
        for (String one : ticked == null ? new String[0] : ticked) {
            String[] parts = one.split(":");
            if (parts.length == 2 && parts[0].matches("\\d{1,18}") && parts[1].matches("\\d{1,18}")) {
                seen.put(Long.valueOf(parts[0]), Long.valueOf(parts[1]));
            }
            if (seen.size() >= 200) {
                break;
            }
        }
        return seen;
    }

    /** Whether the pending bulk action applies to this application, or it will be skipped. */
    public boolean applies(Pipeline.Row row) {
        if (pending == null) {
            return false;
        }
        if (org.hamkke.intake.BulkActions.ASSIGN.equals(pending.action())) {
            return row.stage() == Stage.IN_REVIEW;
        }
        return !own.containsKey(row.id()) && row.stage().staffMoves().stream().anyMatch(s -> s.name().equals(pending.action()));
    }

    /** Why the person looking may not move this application, or null (for the confirmation's list). */
    public org.hamkke.intake.Conflicts.Reason ownConflict(Pipeline.Row row) {
        return own.get(row.id());
    }

    /** The actions offered for ticked applications: give reviewers, or move to any stage staff may move to. */
    public List<String> getBulkActions() {
        var actions = new java.util.ArrayList<String>();
        actions.add(org.hamkke.intake.BulkActions.ASSIGN);
        Arrays.stream(Stage.values()).filter(s -> Arrays.stream(Stage.values()).anyMatch(f -> f.staffMoves().contains(s)))
                .forEach(s -> actions.add(s.name()));
        return actions;
    }

    public String bulkActionLabel(String action) {
        return org.hamkke.intake.BulkActions.ASSIGN.equals(action)
                ? PageMessages.text("pipeline.bulk.assign").replace("{0}", language.formatNumber(bulk.reviewersPerApplication())) : PageMessages.text("pipeline.bulk.moveTo").replace("{0}", stageLabel(Stage.valueOf(action)));
    }

    public org.hamkke.intake.BulkActions.Request getPending() {
        return pending;
    }

    public List<Pipeline.Row> getPendingRows() {
        return pendingRows;
    }

    public String getBulkAction() {
        return bulkAction;
    }

    public void setBulkAction(String bulkAction) {
        this.bulkAction = bulkAction;
    }

    public String getBulkReason() {
        return bulkReason;
    }

    public void setBulkReason(String bulkReason) {
        this.bulkReason = bulkReason;
    }

    public boolean isBoard() {
        return board;
    }

    public List<Pipeline.Column> getColumns() {
        return columns;
    }

    public int getReviewersPerApplication() {
        return bulk.reviewersPerApplication();
    }

    public String getSort() {
        return order.name();
    }

    public List<String> getSorts() {
        return Arrays.stream(Pipeline.Order.values()).map(Enum::name).toList();
    }

    public org.hamkke.intake.Scoring.Summary score(long applicationId) {
        return scores.get(applicationId);
    }

    public boolean conflicted(long applicationId) {
        return conflicted.contains(applicationId);
    }

    public List<org.hamkke.intake.Reviews.Reviewer> getReviewers() {
        return reviewers;
    }

    private void keepTyped(Move move) {
        Map<String, Object> flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
        flash.put(FLASH_REASON + move.getApplicationId(), move.getReason());
        flash.put(FLASH_TO + move.getApplicationId(), move.getTo());
    }

    /** Back to the same page of the table after an action: the same stage, order and starting row. */
    private String here() {
        return "/staff/applications?faces-redirect=true&call=" + callId + (stage == null ? "" : "&stage=" + stage.name())
                + (after != null ? "&after=" + after : "") + (before != null ? "&before=" + before : "") + "&sort=" + order.name();
    }

    private static String stageLabel(Stage stage) {
        return PageMessages.text("stage." + stage.name());
    }

    public Long getCallId() {
        return callId;
    }

    public String getStage() {
        return stage == null ? "" : stage.name();
    }

    public List<Stage> getStages() {
        return List.of(Stage.values());
    }

    public List<Pipeline.CallSummary> getCalls() {
        return calls;
    }

    public List<Move> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    /** The cursor this page was opened with ("after" or "before" and a row id), for the forms to come back to it. */
    public Long getAfter() {
        return after;
    }

    public Long getBefore() {
        return before;
    }

    /** The "previous" link's row (the first one shown), or null on the first page. */
    public Long getPrevious() {
        return found == null ? null : found.previous();
    }

    /** The "next" link's row (the last one shown), or null on the last page. */
    public Long getNext() {
        return found == null ? null : found.next();
    }
}

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
import org.hamkke.shared.web.PageMessages;

/**
 * Staff's pipeline of a call: its submitted applications, 25 a page, filtered by stage in the
 * database, each with the moves the state machine allows from where it is. Without a call chosen
 * it lists the calls.
 */
@Named
@RequestScoped
public class PipelinePage {

    static final int PAGE_SIZE = 25;
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

    private Map<Long, org.hamkke.intake.Scoring.Summary> scores = Map.of();
    private java.util.Set<Long> conflicted = java.util.Set.of();
    private List<org.hamkke.intake.Reviews.Reviewer> reviewers = List.of();

    private Long callId;
    private Stage stage;
    private int page;
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
        stage = Arrays.stream(Stage.values()).filter(s -> s.name().equals(params.get("stage"))).findFirst().orElse(null);
        page = org.hamkke.shared.web.RequestParams.page(params.get("page"));
        if (callId == null) {
            calls = pipeline.calls();
            return;
        }
        total = pipeline.count(callId, stage);
        scores = reviews.summaries(callId);
        conflicted = reviews.conflicted(callId);
        reviewers = reviews.reviewers();
        rows = pipeline.page(callId, stage, (page - 1) * PAGE_SIZE, PAGE_SIZE).stream().map(Move::new).toList();
        Map<String, Object> flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
        for (Move move : rows) {
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
        int added = reviews.autoAssign(currentUser.actor(), callId, 2);
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
        } catch (IllegalArgumentException e) {
            PageMessages.error("pipeline.chooseReviewer", null);
        }
        return here();
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

    public String formatScore(double score) {
        return language.formatNumber(Math.round(score * 10) / 10.0);
    }

    private void keepTyped(Move move) {
        Map<String, Object> flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
        flash.put(FLASH_REASON + move.getApplicationId(), move.getReason());
        flash.put(FLASH_TO + move.getApplicationId(), move.getTo());
    }

    private String here() {
        return "/staff/applications?faces-redirect=true&call=" + callId + (stage == null ? "" : "&stage=" + stage.name())
                + "&page=" + page;
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

    public int getPage() {
        return page;
    }

    public int getPages() {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}

package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.intake.Pipeline;
import org.hamkke.intake.Reviews;
import org.hamkke.intake.Scoring;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * One application as staff read it ({@code /staff/application.xhtml?id=N}): answers and files,
 * members, its moves, and every reviewer's review with scores and comments. A submitted review can
 * be reopened here, with a reason that stays in its history. A staff member who conflicts with the
 * application (theirs, their group's, or one they declared a conflict with) reads its answers but
 * is told why they may not act on it, and sees neither its reviews nor its scores.
 */
@Named
@RequestScoped
public class ApplicationPage {

    @Inject
    Pipeline pipeline;

    @Inject
    Reviews reviews;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    org.hamkke.intake.Conflicts conflicts;

    private org.hamkke.intake.Conflicts.Reason ownConflict;

    private Pipeline.Detail detail;
    private List<String[]> history = List.of();
    private List<Reviews.StaffView> reviewList = List.of();
    private List<Reviews.Criterion> rubric = List.of();
    private Scoring.Summary summary;
    private Long reviewerId;
    private String reason;
    private String to;
    private long seenVersion;
    private String reopenReason;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Long id = RequestParams.id(params.get("id"));
        detail = id == null ? null : pipeline.detail(id).orElse(null);
        if (detail == null) {
            NotFound.respond();
            return;
        }
        history = pipeline.history(id);
        seenVersion = detail.version();
        var flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
        if (flash.get("application.reason") instanceof String typed) {
            reason = typed;
        }
        if (flash.get("application.to") instanceof String chosen) {
            to = chosen;
        }
        rubric = reviews.rubric(detail.callId());
        long me = currentUser.getPersonId();
        ownConflict = conflicts.of(me, id).orElse(null);
        if (ownConflict == null) {
            reviewList = reviews.ofApplication(me, id);
            summary = reviews.summaries(me, detail.callId(), List.of(id)).get(id);
        }
    }

    /** Reopens one reviewer's submitted review; the reason is required and kept. */
    public String reopen() {
        reviewerId = RequestParams.id(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("reviewer"));
        try {
            if (reviewerId == null) {
                PageMessages.error("application.reopen.chooseReviewer", null);
            } else {
                reviews.reopen(currentUser.actor(), detail.id(), reviewerId, reopenReason);
                PageMessages.info("application.reopen.done", reviewList.stream()
                        .filter(r -> r.reviewerId() == reviewerId).map(Reviews.StaffView::reviewerName).findFirst().orElse(""));
            }
        } catch (IllegalArgumentException e) {
            PageMessages.error("application.reopen.reasonRequired", null);
        } catch (Reviews.NotSubmitted e) {
            PageMessages.error("application.reopen.notSubmitted", null);
        } catch (org.hamkke.intake.Conflicts.Conflicted e) {
            PageMessages.error("conflict.own." + e.reason().name(), null);
        } catch (org.hamkke.intake.TextRules.Refused e) {
            PageMessages.error(e.key(), language.formatNumber(e.limit()));
        }
        return "/staff/application?faces-redirect=true&id=" + detail.id();
    }

    /**
     * Moves or decides from here, after reading the reviews; as on the pipeline, the version seen
     * guards against a colleague's move meanwhile, and a refusal keeps what was typed.
     */
    public String move() {
        String here = "/staff/application?faces-redirect=true&id=" + detail.id();
        var flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
        try {
            if (to == null || to.isEmpty()) {
                PageMessages.error("pipeline.chooseStage", null);
            } else {
                pipeline.move(currentUser.actor(), detail.id(), seenVersion, org.hamkke.intake.Stage.valueOf(to), reason);
                PageMessages.info("pipeline.moved", detail.name() + " → " + stageLabel(to));
                return here;
            }
        } catch (org.hamkke.intake.Stage.IllegalMoveException e) {
            PageMessages.error("pipeline.notAllowed", stageLabel(to));
        } catch (Pipeline.MessageRequired e) {
            PageMessages.error("pipeline.messageRequired", null);
        } catch (Pipeline.ChangedMeanwhile e) {
            PageMessages.error("pipeline.changedMeanwhile", stageLabel(e.now().name()));
        } catch (org.hamkke.intake.Conflicts.Conflicted e) {
            PageMessages.error("conflict.own." + e.reason().name(), null);
        } catch (org.hamkke.intake.TextRules.Refused e) {
            PageMessages.error(e.key(), language.formatNumber(e.limit()));
        }
        flash.put("application.reason", reason);
        flash.put("application.to", to);
        return here;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public void setReopenReason(String reopenReason) {
        this.reopenReason = reopenReason;
    }

    /** The moves offered: none to someone who conflicts with the application (the service refuses them too). */
    public List<String> getMoves() {
        return ownConflict != null ? List.of() : detail.stage().staffMoves().stream().map(Enum::name).toList();
    }

    /** Why the person looking may not act on this application, or null when they may. */
    public org.hamkke.intake.Conflicts.Reason getOwnConflict() {
        return ownConflict;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public long getSeenVersion() {
        return seenVersion;
    }

    public void setSeenVersion(long seenVersion) {
        this.seenVersion = seenVersion;
    }

    public String answerText(org.hamkke.intake.AnswerSheet.Answer answer) {
        return AnswerText.of(language, answer);
    }

    /** A moment of the history (kept as ISO text) in the reader's language. */
    public String when(String iso) {
        return language.at(java.time.Instant.parse(iso));
    }

    public String stageLabel(String stage) {
        return stage == null ? "—" : PageMessages.text("stage." + stage);
    }

    public Pipeline.Detail getDetail() {
        return detail;
    }

    public List<String[]> getHistory() {
        return history;
    }

    public List<Reviews.StaffView> getReviews() {
        return reviewList;
    }

    public List<Reviews.Criterion> getRubric() {
        return rubric;
    }

    public Scoring.Summary getSummary() {
        return summary;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

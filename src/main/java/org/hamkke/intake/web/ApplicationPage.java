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
import org.hamkke.intake.AnswerSheet;
import org.hamkke.intake.Conflicts;
import org.hamkke.intake.Pipeline;
import org.hamkke.intake.Review;
import org.hamkke.intake.Reviews;
import org.hamkke.intake.ScoreSummary;
import org.hamkke.intake.Stage;
import org.hamkke.intake.TextRules;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * One application as staff read it ({@code /staff/application.xhtml?id=N}): answers and files,
 * members, its moves, and every reviewer's review with scores and comments. A submitted review can
 * be reopened here, with a reason that stays in its history. A staff member who conflicts with the
 * application (theirs, their group's, or one they declared a conflict with) reads its answers but
 * is told why they may not act on it, and sees neither its reviews nor its scores. Moves go through
 * {@link MoveAction}, as on the pipeline.
 */
@Named
@RequestScoped
public class ApplicationPage {

    @Inject
    Pipeline pipeline;

    @Inject
    Reviews reviews;

    @Inject
    MoveAction moveAction;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Conflicts.Reason ownConflict;
    private Pipeline.Detail detail;
    private List<Reviews.StaffView> reviewList = List.of();
    private List<Reviews.Criterion> rubric = List.of();
    private ScoreSummary summary;
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
        seenVersion = detail.version();
        var flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
        if (flash.get("application.reason") instanceof String typed) {
            reason = typed;
        }
        if (flash.get("application.to") instanceof String chosen) {
            to = chosen;
        }
        reviews.reading(currentUser.getPersonId(), id).ifPresent(reading -> {
            ownConflict = reading.ownConflict();
            rubric = reading.rubric();
            reviewList = reading.reviews();
            summary = reading.summary();
        });
    }

    /** Reopens one reviewer's submitted review; the reason is required and kept, and the reviewer is told. */
    public String reopen() {
        Long reviewerId = RequestParams.id(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("reviewer"));
        try {
            if (reviewerId == null) {
                PageMessages.error("application.reopen.chooseReviewer", null);
            } else {
                reviews.reopen(currentUser.actor(), detail.id(), reviewerId, reopenReason);
                PageMessages.info("application.reopen.done", reviewList.stream()
                        .filter(r -> r.reviewerId() == reviewerId).map(Reviews.StaffView::reviewerName).findFirst().orElse(""));
            }
        } catch (Review.ReasonRequired e) {
            PageMessages.error("application.reopen.reasonRequired", null);
        } catch (Review.NotSubmitted e) {
            PageMessages.error("application.reopen.notSubmitted", null);
        } catch (Conflicts.Conflicted e) {
            PageMessages.error("conflict.own." + e.reason().name(), null);
        } catch (TextRules.Refused e) {
            PageMessages.error(e.key(), language.formatNumber(e.limit()));
        }
        return here();
    }

    /**
     * Moves or decides from here, after reading the reviews; as on the pipeline, the version seen
     * guards against a colleague's move meanwhile, and a refusal keeps what was typed.
     */
    public String move() {
        if (!moveAction.move(detail.id(), seenVersion, to, reason, detail.name())) {
            var flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
            flash.put("application.reason", reason);
            flash.put("application.to", to);
        }
        return here();
    }

    private String here() {
        return "/staff/application?faces-redirect=true&id=" + detail.id();
    }

    /** The moves offered: none to someone who conflicts with the application (the service refuses them too). */
    public List<String> getMoves() {
        return ownConflict != null ? List.of() : detail.stage().staffMoves().stream().map(Enum::name).toList();
    }

    /** Why the person looking may not act on this application, or null when they may. */
    public Conflicts.Reason getOwnConflict() {
        return ownConflict;
    }

    public String answerText(AnswerSheet.Answer answer) {
        return AnswerText.of(language, answer);
    }

    public String stageLabel(Stage stage) {
        return MoveAction.stageLabel(stage);
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public void setReopenReason(String reopenReason) {
        this.reopenReason = reopenReason;
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

    public Pipeline.Detail getDetail() {
        return detail;
    }

    /** The application's moves, oldest first. */
    public List<Pipeline.HistoryStep> getHistory() {
        return detail.history();
    }

    public List<Reviews.StaffView> getReviews() {
        return reviewList;
    }

    public List<Reviews.Criterion> getRubric() {
        return rubric;
    }

    public ScoreSummary getSummary() {
        return summary;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

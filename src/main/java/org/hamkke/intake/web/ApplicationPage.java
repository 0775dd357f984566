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
import org.hamkke.intake.ApplicationTable;
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
 * members, history, and every reviewer's review with scores and comments; its moves, and reviewers
 * assigned by hand. A submitted review can be reopened here, with a reason that stays in its
 * history. A staff member who conflicts with the application (theirs, their group's, or one they
 * declared a conflict with) reads its answers but is told why they may not act on it, and sees
 * neither its reviews nor its scores. Moves go through {@link MoveAction}, as on the table.
 *
 * <p>The address may carry the staff table's order and filters ({@link PipelineAddress}): the page
 * then links to the previous and next application in that order, found by key in one statement,
 * and every action here comes back with them.
 */
@Named
@RequestScoped
public class ApplicationPage {

    @Inject
    Pipeline pipeline;

    @Inject
    Reviews reviews;

    @Inject
    ApplicationTable table;

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
    private ApplicationTable.Query query;
    private ApplicationTable.Neighbours neighbours;
    private List<Reviews.Reviewer> reviewers = List.of();
    private Long reviewerId;

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
        query = PipelineAddress.query(detail.callId(), params);
        neighbours = table.neighbours(query, id);
        // Reviewers are chosen for an application in review, by someone who may act on it.
        if (ownConflict == null && detail.stage() == Stage.IN_REVIEW) {
            reviewers = reviews.reviewers();
        }
    }

    /** Assigns the reviewer chosen by hand; a reviewer who conflicts with the application is refused, saying why. */
    public String assign() {
        try {
            if (reviewerId == null) {
                PageMessages.error("pipeline.chooseReviewer", null);
            } else {
                reviews.assign(currentUser.actor(), detail.id(), reviewerId);
                PageMessages.info("pipeline.assigned", detail.name());
            }
        } catch (Conflicts.Conflicted e) {
            if (e.personId() == currentUser.getPersonId()) {
                PageMessages.error("conflict.own." + e.reason().name(), null);
            } else {
                String name = reviewers.stream().filter(r -> r.id() == e.personId()).map(Reviews.Reviewer::name).findFirst().orElse("");
                PageMessages.error("conflict.reviewer." + e.reason().name(), name, detail.name());
            }
        } catch (IllegalArgumentException e) {
            PageMessages.error("pipeline.chooseReviewer", null);
        }
        return here();
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
        return "/staff/application?faces-redirect=true&id=" + detail.id() + getAddress();
    }

    /** The table's order and filters this page was opened in ("&sort=…"), for its links and to come back with after an action. */
    public String getAddress() {
        return PipelineAddress.of(query);
    }

    /** The same order and filters as fields of a form, so that an action's answer keeps them. */
    public List<Map.Entry<String, String>> getAddressFields() {
        return PipelineAddress.fields(query);
    }

    /** The application before and after this one in the table's order (either may be null). */
    public ApplicationTable.Neighbours getNeighbours() {
        return neighbours;
    }

    /** People with the reviewer role, when reviewers may be chosen here (an application in review, a reader without a conflict). */
    public List<Reviews.Reviewer> getReviewers() {
        return reviewers;
    }

    public Long getReviewerId() {
        return reviewerId;
    }

    public void setReviewerId(Long reviewerId) {
        this.reviewerId = reviewerId;
    }

    /** The moves offered: none to someone who conflicts with the application (the service refuses them too). */
    public List<String> getMoves() {
        return ownConflict != null ? List.of() : detail.stage().staffMoves().stream().map(Enum::name).toList();
    }

    /** Why the person looking may not act on this application, or null when they may. */
    public Conflicts.Reason getOwnConflict() {
        return ownConflict;
    }

    /** The answers but the files, in the order of the call's questions. */
    public List<AnswerSheet.Answer> getAnswers() {
        return detail.answers().stream().filter(a -> a.fileId() == null).toList();
    }

    /** The files attached, each under its question. */
    public List<AnswerSheet.Answer> getFiles() {
        return detail.answers().stream().filter(a -> a.fileId() != null).toList();
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

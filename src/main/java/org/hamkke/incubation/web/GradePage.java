package org.hamkke.incubation.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.util.HashMap;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.incubation.Grade;
import org.hamkke.incubation.MilestoneStatus;
import org.hamkke.incubation.Milestones;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.ProblemMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * Grading one milestone ({@code /mentor/grade.xhtml?milestone=ID}): the rubric form for its latest
 * submission, and its history. With {@code &correct=1} the form corrects the latest grade instead,
 * filled with it, and asks why. A mentor who no longer mentors the venture reads the history only;
 * one who never did gets 404 ({@link Milestones#grading} finds nothing).
 */
@Named
@RequestScoped
public class GradePage {

    @Inject
    Milestones milestones;

    @Inject
    CurrentUser currentUser;

    private Milestones.Grading grading;
    private Map<String, String> params;
    private boolean correcting;
    /** This request posts the form: it stays in the page whatever happened meanwhile, so its action runs and says so. */
    private boolean posted;
    /** Scores as typed: a number the rubric then checks, anything else missing (its message says the range). */
    private final Map<String, String> scores = new HashMap<>();
    private final Map<String, String> feedback = new HashMap<>();
    private String outcome;
    private String whatToChange;
    private String reason;

    @PostConstruct
    void load() {
        params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Long id = RequestParams.id(params.get("milestone"));
        grading = id == null ? null : milestones.grading(currentUser.getPersonId(), id).orElse(null);
        if (grading == null) {
            NotFound.respond();
            return;
        }
        MilestoneStatus status = grading.entry().milestone().getStatus();
        posted = params.containsKey("shown");
        correcting = "1".equals(params.get("correct")) && (posted || grading.mayGrade()
                && (status == MilestoneStatus.PASSED || status == MilestoneStatus.REVISION_REQUESTED));
        if (correcting) {
            grading.entry().latest().flatMap(Milestones.Attempt::latestGrade).ifPresent(g -> {
                g.getScores().forEach((key, score) -> scores.put(key, String.valueOf(score)));
                feedback.putAll(g.getFeedback());
                outcome = g.getOutcome().name();
                whatToChange = g.getWhatToChange();
            });
        }
    }

    /** Publishes the grade, or the correction, against the milestone as it was shown ({@code shown}, its version). */
    public String publish() {
        long milestoneId = grading.entry().milestone().getId();
        long shown = RequestParams.version(params.get("shown"));
        Grade.Marks marks = new Grade.Marks(numbers(), feedback, outcome(), whatToChange);
        try {
            if (correcting) {
                milestones.correct(currentUser.getPersonId(), milestoneId, shown, marks, reason);
                PageMessages.info("grade.corrected");
            } else {
                milestones.grade(currentUser.getPersonId(), milestoneId, shown, marks);
                PageMessages.info("grade.published");
            }
        } catch (Refused refused) {
            if (!refused.key().equals("milestone.changedMeanwhile") && !refused.key().equals("milestone.grade.notYours")) {
                ProblemMessages.showAll(refused);
                return null;
            }
            // Another grade (or the end of the mentoring) came first: show the milestone as it is now.
            PageMessages.error(refused.key());
        } catch (MilestoneStatus.IllegalMoveException | OptimisticLockException meanwhile) {
            PageMessages.error("milestone.changedMeanwhile");
        }
        return "/mentor/grade?faces-redirect=true&milestone=" + milestoneId;
    }

    private Map<String, Integer> numbers() {
        Map<String, Integer> numbers = new HashMap<>();
        scores.forEach((key, typed) -> {
            try {
                numbers.put(key, Integer.valueOf(typed == null ? "" : typed.strip()));
            } catch (NumberFormatException notANumber) {
                // left out: the rubric refuses the criterion with its range
            }
        });
        return numbers;
    }

    private Grade.Outcome outcome() {
        for (Grade.Outcome o : Grade.Outcome.values()) {
            if (o.name().equals(outcome)) {
                return o;
            }
        }
        return null;
    }

    public org.hamkke.incubation.Milestone getMilestone() {
        return grading.entry().milestone();
    }

    public Milestones.Grading getGrading() {
        return grading;
    }

    /** The rubric form is shown: grading evidence that waits, or correcting the latest grade. */
    public boolean isFormShown() {
        return posted || grading.mayGrade() && (correcting || grading.entry().milestone().getStatus() == MilestoneStatus.SUBMITTED);
    }

    /** The latest grade may be corrected (offered as a link when the form is not open for it). */
    public boolean isCorrectable() {
        MilestoneStatus status = grading.entry().milestone().getStatus();
        return grading.mayGrade() && !correcting && (status == MilestoneStatus.PASSED || status == MilestoneStatus.REVISION_REQUESTED);
    }

    public boolean isCorrecting() {
        return correcting;
    }

    public Map<String, String> getScores() {
        return scores;
    }

    public Map<String, String> getFeedback() {
        return feedback;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getWhatToChange() {
        return whatToChange;
    }

    public void setWhatToChange(String whatToChange) {
        this.whatToChange = whatToChange;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

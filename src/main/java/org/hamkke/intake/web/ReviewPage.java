package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.intake.Reviews;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;

/**
 * A reviewer's page for one application ({@code /reviewer/review.xhtml?application=ID}): first
 * the conflict-of-interest declaration, then the application (blind where the call says so) and
 * the rubric. Anything the reviewer may not see answers 404, like an application that does not exist.
 */
@Named
@RequestScoped
public class ReviewPage {

    @Inject
    org.hamkke.identity.web.Language language;

    @Inject
    Reviews reviews;

    @Inject
    CurrentUser currentUser;

    private Long applicationId;
    private boolean declaring;
    private Reviews.Sheet sheet;
    private final Map<String, String> scores = new LinkedHashMap<>();
    private final Map<String, String> comments = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        applicationId = org.hamkke.shared.web.RequestParams.id(
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("application"));
        long reviewer = currentUser.getPersonId();
        if (applicationId == null || reviewer == 0) {
            NotFound.respond();
            return;
        }
        try {
            declaring = reviews.needsDeclaration(reviewer, applicationId);
            if (!declaring) {
                sheet = reviews.open(reviewer, applicationId);
                sheet.scores().forEach((k, v) -> scores.put(k, String.valueOf(v)));
                comments.putAll(sheet.comments());
            }
        } catch (Reviews.NotAvailable e) {
            NotFound.respond();
        }
    }


    public String declareNone() {
        return declare(false);
    }

    public String declareConflict() {
        return declare(true);
    }

    private String declare(boolean conflict) {
        try {
            reviews.declare(currentUser.actor(), applicationId, conflict);
        } catch (Reviews.NotAvailable e) {
            PageMessages.error("review.notAvailable", null);
            return "/reviewer/index?faces-redirect=true";
        }
        if (conflict) {
            PageMessages.info("review.conflictRecorded", null);
            return "/reviewer/index?faces-redirect=true";
        }
        return "/reviewer/review?faces-redirect=true&application=" + applicationId;
    }

    public String saveDraft() {
        return save(false);
    }

    public String submit() {
        return save(true);
    }

    private String save(boolean submit) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        scores.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                numbers.put(k, Integer.valueOf(v));
            }
        });
        try {
            reviews.save(currentUser.actor(), applicationId, numbers, comments, submit);
            PageMessages.info(submit ? "review.submitted" : "review.draftSaved", null);
            return submit ? "/reviewer/index?faces-redirect=true" : "/reviewer/review?faces-redirect=true&application=" + applicationId;
        } catch (IllegalArgumentException e) {
            PageMessages.error("review.scoreEveryCriterion", null);
        } catch (org.hamkke.intake.TextRules.Refused e) {
            // The page again with everything as typed (scores too), and the reason above it.
            PageMessages.error(e.key(), language.formatNumber(e.limit()));
        } catch (Reviews.AlreadySubmitted e) {
            PageMessages.error("review.alreadySubmitted", null);
        } catch (Reviews.NotAvailable e) {
            PageMessages.error("review.notAvailable", null);
            return "/reviewer/index?faces-redirect=true";
        }
        return null;
    }

    /** An answer as the reviewer reads it: a choice's label in their language rather than its stored value. */
    public String answerText(org.hamkke.intake.AnswerSheet.Answer answer) {
        return AnswerText.of(language, answer);
    }

    public List<Integer> range(int max) {
        return IntStream.rangeClosed(0, max).boxed().toList();
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public boolean isDeclaring() {
        return declaring;
    }

    public Reviews.Sheet getSheet() {
        return sheet;
    }

    public Map<String, String> getScores() {
        return scores;
    }

    public Map<String, String> getComments() {
        return comments;
    }
}

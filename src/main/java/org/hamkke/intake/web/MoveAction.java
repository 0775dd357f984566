package org.hamkke.intake.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.intake.Application;
import org.hamkke.intake.Conflicts;
import org.hamkke.intake.Pipeline;
import org.hamkke.intake.Stage;
import org.hamkke.intake.TextRules;
import org.hamkke.shared.web.PageMessages;

/**
 * The one move or decision staff make on an application, whether from the pipeline's table or
 * from the application's own page: it asks {@link Pipeline#move} (where the rules are the
 * {@link Application}'s) and turns the outcome into a message on the next page, in the reader's
 * language. The page keeps what was typed when the move is refused.
 */
@Named
@RequestScoped
public class MoveAction {

    @Inject
    Pipeline pipeline;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    /**
     * @param seenVersion the version the person was shown
     * @param to the stage chosen (a stage's name; empty when none was chosen)
     * @param reason why, or the applicant's message for a decision
     * @param name the application's name, for the message
     * @return whether it moved; when not, the reason is already a message
     */
    public boolean move(long applicationId, long seenVersion, String to, String reason, String name) {
        if (to == null || to.isEmpty()) {
            PageMessages.error("pipeline.chooseStage", null);
            return false;
        }
        Stage target;
        try {
            target = Stage.valueOf(to);
        } catch (IllegalArgumentException e) {
            PageMessages.error("pipeline.chooseStage", null);
            return false;
        }
        try {
            pipeline.move(currentUser.actor(), applicationId, seenVersion, target, reason);
            PageMessages.info("pipeline.moved", name + " → " + stageLabel(target));
            return true;
        } catch (Conflicts.Conflicted e) {
            PageMessages.error("conflict.own." + e.reason().name(), null);
        } catch (TextRules.Refused e) {
            PageMessages.error(e.key(), language.formatNumber(e.limit()));
        } catch (Stage.IllegalMoveException e) {
            PageMessages.error("pipeline.notAllowed", stageLabel(e.to()));
        } catch (Application.MessageRequired e) {
            PageMessages.error("pipeline.messageRequired", null);
        } catch (Application.ChangedMeanwhile e) {
            PageMessages.error("pipeline.changedMeanwhile", stageLabel(e.now()));
        } catch (IllegalArgumentException e) {
            PageMessages.error("pipeline.notFound", null);
        }
        return false;
    }

    static String stageLabel(Stage stage) {
        return stage == null ? "—" : PageMessages.text("stage." + stage.name());
    }
}

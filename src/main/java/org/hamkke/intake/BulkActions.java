package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;

/**
 * Staff's actions on many applications at once: move (or decide) them all, or give them all
 * reviewers. Deliberately not one transaction: each application moves in its own, exactly as if
 * moved by hand (its own history line, its own decision notice), so one that cannot move (its
 * stage does not allow it, someone moved it meanwhile, or the person acting conflicts with it) is
 * skipped and reported without holding back the others.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
public class BulkActions {

    /** The action meaning "give reviewers" rather than a stage to move to. */
    public static final String ASSIGN = "ASSIGN";

    @Inject
    @ConfigProperty(name = "hamkke.intake.reviewers-per-application", defaultValue = "2")
    int reviewersPerApplication;

    @Inject
    Pipeline pipeline;

    @Inject
    Reviews reviews;

    @Inject
    AuditLog audit;

    /**
     * What a person chose on the table, carried to the confirmation page (in the flash, hence
     * serialisable) and back.
     *
     * @param seen application id → the version shown when it was chosen
     */
    public record Request(long callId, String action, String reason, LinkedHashMap<Long, Long> seen) implements Serializable {}

    /** How it went: how many were done, and each skipped application with the reason's message key. */
    public record Outcome(int done, Map<Long, String> skipped) {}

    /** How many reviewers an automatic assignment gives each application ({@code hamkke.intake.reviewers-per-application}). */
    public int reviewersPerApplication() {
        return reviewersPerApplication;
    }

    public Outcome apply(Actor staff, Request request) {
        Map<Long, String> skipped = new LinkedHashMap<>();
        int done = 0;
        if (ASSIGN.equals(request.action())) {
            done = reviews.autoAssign(staff, request.callId(), reviewersPerApplication, request.seen().keySet());
        } else {
            Stage to = Stage.valueOf(request.action());
            for (var chosen : request.seen().entrySet()) {
                try {
                    pipeline.move(staff, chosen.getKey(), chosen.getValue(), to, request.reason());
                    done++;
                } catch (Stage.IllegalMoveException e) {
                    skipped.put(chosen.getKey(), "pipeline.bulk.skippedNotAllowed");
                } catch (Pipeline.ChangedMeanwhile e) {
                    skipped.put(chosen.getKey(), "pipeline.bulk.skippedChanged");
                } catch (Pipeline.MessageRequired e) {
                    skipped.put(chosen.getKey(), "pipeline.messageRequired");
                } catch (Conflicts.Conflicted e) {
                    skipped.put(chosen.getKey(), "pipeline.bulk.skippedConflict");
                } catch (TextRules.Refused e) {
                    skipped.put(chosen.getKey(), e.key());
                } catch (IllegalArgumentException e) {
                    skipped.put(chosen.getKey(), "pipeline.notFound");
                }
            }
        }
        audit.record(staff, "application.bulk", "programme_call", String.valueOf(request.callId()),
                request.action() + " on " + request.seen().size() + ": " + done + " done, " + skipped.size() + " skipped");
        return new Outcome(done, skipped);
    }
}

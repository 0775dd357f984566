package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Person;
import org.hamkke.identity.Role;
import org.hamkke.notification.NoticeEvent;
import org.hamkke.notification.NoticeKind;
import org.hamkke.notification.NotificationService;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;

/**
 * Staff's moves of an application, and the application in full as staff read it. The moves themselves are
 * {@link Application}'s ({@link Application#moveTo}, {@link Application#decide}): this service
 * finds and locks the application, refuses anyone who conflicts with it ({@link Conflicts}),
 * records the move in the audit log, tells the applicant of a decision in their language, and
 * announces an acceptance ({@link ApplicationAccepted}).
 *
 * <p>What staff read of many applications at once (the table, the board) is
 * {@link ApplicationTable}'s.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class Pipeline {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    @Inject
    Event<ApplicationAccepted> accepted;

    @Inject
    Conflicts conflicts;

    /** One step of an application's history as staff read it, with who and why. */
    public record HistoryStep(Stage from, Stage to, String actor, Instant at, String reason) {}

    /** A submitted application in full, as staff read it. */
    public record Detail(
            long id, long callId, String callTitleJson, String name, ApplicantKind kind, String legalForm, String sector,
            String region, Stage stage, String receipt, Instant submittedAt, String decisionMessage, long version,
            List<String> members, List<AnswerSheet.Answer> answers, List<HistoryStep> history) {}

    /**
     * Moves or decides an application, as staff ({@link Application#moveTo}).
     *
     * @param seenVersion the version shown to the person deciding
     * @param reason why; for a decision, the message the applicant reads (required)
     * @throws IllegalArgumentException when there is no such submitted application
     * @throws Stage.IllegalMoveException when the state machine does not allow the move
     * @throws Application.ChangedMeanwhile when the application is no longer at the version seen
     * @throws Application.MessageRequired for a decision without a message
     * @throws Conflicts.Conflicted when the person moving conflicts with the application
     * @throws TextRules.Refused for a reason too long or with a character that cannot be stored
     */
    public void move(Actor actor, long applicationId, long seenVersion, Stage to, String reason) {
        TextRules.require(reason, TextRules.REASON);
        // Locked: of two staff moving it at once, the second waits, then finds the version changed.
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || application.isDraft()) {
            throw new IllegalArgumentException("No submitted application " + applicationId);
        }
        conflicts.require(actor.personId(), applicationId);
        application.requireSeen(seenVersion);
        Stage from = application.getStage();
        application.moveTo(to, actor, reason, clock.instant());
        audit.record(actor, "application.move", "application", String.valueOf(applicationId), from + " -> " + to);

        if (to.isDecision()) {
            Person applicant = em.find(Person.class, application.getApplicantId());
            String language = applicant == null ? null : applicant.getLocale();
            notifications.notify(new NoticeEvent(application.getApplicantId(), NoticeKind.APPLICATION_DECISION,
                    Map.of("call", application.getCall().getTitle().in(language), "decisionKey", "decision." + to.name().toLowerCase(),
                            "message", application.getDecisionMessage()),
                    "decision:" + applicationId + ":" + to.name(), "/me/"));
        }
        if (to == Stage.ACCEPTED) {
            accepted.fire(new ApplicationAccepted(applicationId, application.getApplicantId(), application.getName(),
                    application.getLegalForm(), application.getSector(), application.getRegion(),
                    application.getMembers().stream().map(m -> new ApplicationAccepted.Member(m.getName(), m.getRole())).toList()));
        }
    }

    /** A submitted application in full, with its history, as staff read it. */
    public Optional<Detail> detail(long applicationId) {
        Application a = em.find(Application.class, applicationId);
        if (a == null || a.isDraft()) {
            return Optional.empty();
        }
        List<String> members = a.getMembers().stream()
                .map(m -> m.getName() + (m.getRole() == null ? "" : " (" + m.getRole() + ")") + (m.getEmail() == null ? "" : " · " + m.getEmail())
                        + (m.hasConsented() ? " ✓" : " ✗"))
                .toList();
        List<HistoryStep> history = a.getHistory().stream()
                .map(c -> new HistoryStep(c.getFrom(), c.getTo(), c.getActor(), c.getAt(), c.getReason()))
                .toList();
        return Optional.of(new Detail(a.getId(), a.getCall().getId(), a.getCall().getTitle().json(), a.getName(), a.getKind(),
                a.getLegalForm(), a.getSector(), a.getRegion(), a.getStage(), a.getReceipt(), a.getSubmittedAt(),
                a.getDecisionMessage(), a.getVersion(), members, AnswerSheet.of(a, false), history));
    }
}

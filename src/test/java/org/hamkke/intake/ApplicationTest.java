package org.hamkke.intake;

import static org.hamkke.intake.IntakeFixtures.APPLICANT;
import static org.hamkke.intake.IntakeFixtures.NOW;
import static org.hamkke.intake.IntakeFixtures.STAFF;
import static org.hamkke.intake.IntakeFixtures.draft;
import static org.hamkke.intake.IntakeFixtures.form;
import static org.hamkke.intake.IntakeFixtures.openCall;
import static org.hamkke.intake.IntakeFixtures.question;
import static org.hamkke.intake.IntakeFixtures.submitted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of an application's life, held by the entity itself: plain JUnit, no container, no database. */
class ApplicationTest {

    private static List<String> problems(Application.Refused refused) {
        return refused.problems().stream().map(p -> p.field() + ":" + p.key() + (p.arg() == null ? "" : ":" + p.arg())).toList();
    }

    @Test
    void aDraftIsSubmittedOnceWithEverythingTheCallAsks() {
        ProgrammeCall call = openCall();
        question(call, 1, CallQuestion.Kind.LONG_TEXT, true, null, List.of());
        question(call, 2, CallQuestion.Kind.FILE, true, null, List.of());
        question(call, 3, CallQuestion.Kind.CHOICE, false, null,
                List.of(new QuestionChoice("home", Map.of("en", "At home")), new QuestionChoice("market", Map.of("en", "At a market"))));
        Application application = draft(call);
        application.edit(form("COLLECTIVE", " ", List.of(new Applications.Member("Siti", null, true, null)), Map.of(3L, "moon")), NOW);

        var refused = assertThrows(Application.Refused.class, () -> application.submit(APPLICANT, "HMK-1", NOW, CompletedCourses.NONE));
        assertEquals(List.of("name:apply.nameRequired", "members:apply.membersRequired", "q1:apply.answerRequired",
                "q2:apply.file.required", "q3:apply.answerChoice"), problems(refused));
        assertTrue(application.isDraft(), "Nothing submitted");
        assertEquals(List.of(), application.getHistory());

        application.edit(form("COLLECTIVE", "Batik Ibu-Ibu", List.of(new Applications.Member("Siti", "chair", true, "Siti@Example.org"),
                new Applications.Member("Wulan", null, true, null)), Map.of(1L, "Batik by twelve mothers", 3L, "home")), NOW);
        application.attach(2, "key-1", "budget.pdf", "application/pdf", 1200, "a".repeat(64), NOW);
        assertEquals("siti@example.org", application.getMembers().getFirst().getEmail(), "Addresses are kept in lower case");
        assertEquals("HMK-1", application.submit(APPLICANT, "HMK-1", NOW, CompletedCourses.NONE));
        assertEquals(Stage.SUBMITTED, application.getStage());
        assertEquals(NOW, application.getSubmittedAt());
        StageChange submission = application.getHistory().getFirst();
        assertNull(submission.getFrom());
        assertEquals(Stage.SUBMITTED, submission.getTo());
        assertEquals("siti", submission.getActor());

        assertEquals("HMK-1", application.submit(APPLICANT, "HMK-2", NOW.plusSeconds(1), CompletedCourses.NONE), "Submitting again changes nothing");
        assertEquals(1, application.getHistory().size());
        var again = assertThrows(Application.Refused.class, () -> application.edit(form("INDIVIDUAL", "Other", List.of(), Map.of()), NOW));
        assertEquals(List.of("null:apply.alreadySubmitted"), problems(again), "A submitted application is not edited");
    }

    /** A call may require a course of the academy: the academy says whether it was completed, the application refuses without it. */
    @Test
    void aCallThatRequiresACourseTakesOnlyThoseWhoCompletedIt() {
        ProgrammeCall call = openCall();
        call.requireCourse(31L);
        Application application = draft(call);
        application.edit(form("INDIVIDUAL", "Zaatar Kitchen", List.of(), Map.of()), NOW);

        var refused = assertThrows(Application.Refused.class, () -> application.submit(APPLICANT, "HMK-1", NOW, CompletedCourses.NONE));
        assertEquals(List.of("course:apply.courseRequired:31"), problems(refused), "names the course, to link it");
        assertTrue(application.isDraft());
        var another = assertThrows(Application.Refused.class, () -> application.submit(APPLICANT, "HMK-1", NOW, id -> id == 12L));
        assertEquals(List.of("course:apply.courseRequired:31"), problems(another), "another course does not count");

        assertEquals("HMK-1", application.submit(APPLICANT, "HMK-1", NOW, id -> id == 31L));
        assertEquals(Stage.SUBMITTED, application.getStage());
        call.requireCourse(null);
        assertEquals(List.of(), draft(call).problems(CompletedCourses.NONE).stream().filter(p -> "course".equals(p.field())).toList(),
                "a call that requires nothing asks nothing");
    }

    @Test
    void aDraftIsKeptOnlyWhileTheCallIsOpen() {
        Application application = draft(openCall());
        Instant closed = application.getCall().getClosesAt();
        var refused = assertThrows(Application.Refused.class,
                () -> application.edit(form("INDIVIDUAL", "Late", List.of(), Map.of()), closed));
        assertEquals(List.of("null:apply.closed"), problems(refused), "Closing time itself is closed");
        assertFalse(application.acceptsFile(1, NOW), "No such file question");
    }

    @Test
    void eachFieldIsHeldToItsLimitAndToWhatCanBeStored() {
        ProgrammeCall call = openCall();
        question(call, 1, CallQuestion.Kind.LONG_TEXT, false, 300, List.of());
        question(call, 2, CallQuestion.Kind.LONG_TEXT, false, null, List.of());
        var members = List.of(new Applications.Member("Siti", "chair", true, "siti@example.org"),
                new Applications.Member("Wulan\u0000", "treasurer", true, null));
        var answers = new LinkedHashMap<Long, String>();
        answers.put(1L, "x".repeat(301));
        answers.put(2L, "y".repeat(10_000));
        var refused = assertThrows(Application.Refused.class,
                () -> draft(call).edit(form("COLLECTIVE", "N".repeat(201), members, answers), NOW));
        assertEquals(List.of("name:text.tooLong:200", "members:text.unstorable:200", "q1:text.tooLong:300"), problems(refused));
    }

    @Test
    void aDraftsAnswersTogetherAreBoundedBelowTheDatabasesLimit() {
        ProgrammeCall call = openCall();
        for (long id = 1; id <= 13; id++) {
            question(call, id, CallQuestion.Kind.LONG_TEXT, false, null, List.of());
        }
        var answers = new LinkedHashMap<Long, String>();
        // 10,000 characters of two bytes each: 20 KB an answer, each within its question's limit.
        for (long id = 1; id <= 12; id++) {
            answers.put(id, "é".repeat(10_000));
        }
        assertEquals(List.of(), Application.unstorable(form("COLLECTIVE", "Big Co-op", List.of(), answers), call.getAskedQuestions()),
                "240 KB may be kept");
        answers.put(13L, "é".repeat(10_000));
        var refused = assertThrows(Application.Refused.class, () -> draft(call).edit(form("COLLECTIVE", "Big Co-op", List.of(), answers), NOW));
        assertEquals(List.of("null:apply.answersTooLarge"), problems(refused),
                "260 KB is refused with a message before the database's 256 KB bound is reached");
    }

    @Test
    void anApplicationMovesThroughEveryStageAndEachMoveIsRecorded() {
        Application application = submitted();
        List<Stage> way = List.of(Stage.SCREENING, Stage.IN_REVIEW, Stage.INTERVIEW, Stage.WAITLISTED, Stage.ACCEPTED);
        Instant at = NOW;
        for (Stage to : way) {
            at = at.plus(Duration.ofDays(1));
            application.moveTo(to, STAFF, to.isDecision() ? "Decided: " + to : null, at);
            assertEquals(to, application.getStage());
        }
        List<Stage> recorded = application.getHistory().stream().map(StageChange::getTo).toList();
        assertEquals(List.of(Stage.SUBMITTED, Stage.SCREENING, Stage.IN_REVIEW, Stage.INTERVIEW, Stage.WAITLISTED, Stage.ACCEPTED), recorded);
        StageChange last = application.getHistory().getLast();
        assertEquals(Stage.WAITLISTED, last.getFrom());
        assertEquals("staff", last.getActor());
        assertEquals("Decided: ACCEPTED", application.getDecisionMessage());
        assertEquals(at, application.getDecidedAt());

        for (Stage to : Stage.values()) {
            assertThrows(Stage.IllegalMoveException.class, () -> application.moveTo(to, STAFF, "Changed my mind", NOW),
                    "Accepted is final: " + to);
        }
        assertThrows(Stage.IllegalMoveException.class, () -> application.withdraw(APPLICANT, NOW));
        assertEquals(6, application.getHistory().size(), "A refused move leaves no trace");
    }

    @Test
    void everyMoveTheMachineRefusesIsRefusedByTheApplicationToo() {
        for (Stage from : EnumSet.complementOf(EnumSet.of(Stage.SUBMITTED))) {
            for (Stage to : Stage.values()) {
                Application application = at(from);
                int before = application.getHistory().size();
                if (from.allows(Stage.Mover.STAFF, to)) {
                    application.moveTo(to, STAFF, "because", NOW);
                    assertEquals(to, application.getStage());
                    assertEquals(before + 1, application.getHistory().size());
                } else {
                    assertThrows(Stage.IllegalMoveException.class, () -> application.moveTo(to, STAFF, "because", NOW), from + " -> " + to);
                    assertEquals(from, application.getStage());
                    assertEquals(before, application.getHistory().size());
                }
            }
        }
    }

    /** An application brought to a stage along the shortest allowed way (withdrawn by its applicant). */
    private static Application at(Stage stage) {
        Application application = submitted();
        List<Stage> way = switch (stage) {
            case SUBMITTED -> List.of();
            case SCREENING -> List.of(Stage.SCREENING);
            case IN_REVIEW -> List.of(Stage.SCREENING, Stage.IN_REVIEW);
            case INTERVIEW -> List.of(Stage.SCREENING, Stage.IN_REVIEW, Stage.INTERVIEW);
            case ACCEPTED, WAITLISTED -> List.of(Stage.SCREENING, Stage.IN_REVIEW, stage);
            case REJECTED -> List.of(Stage.REJECTED);
            case WITHDRAWN -> List.of();
        };
        way.forEach(to -> application.moveTo(to, STAFF, "on the way", NOW));
        if (stage == Stage.WITHDRAWN) {
            application.withdraw(APPLICANT, NOW);
        }
        return application;
    }

    @Test
    void aDecisionWithoutAMessageIsRefusedAndChangesNothing() {
        for (Stage decision : List.of(Stage.ACCEPTED, Stage.WAITLISTED, Stage.REJECTED)) {
            for (String message : new String[] {null, "", "   \n "}) {
                Application application = at(Stage.IN_REVIEW);
                long version = application.getVersion();
                assertThrows(Application.MessageRequired.class, () -> application.moveTo(decision, STAFF, message, NOW));
                assertThrows(Application.MessageRequired.class, () -> application.decide(decision, STAFF, message, NOW));
                assertEquals(Stage.IN_REVIEW, application.getStage());
                assertNull(application.getDecisionMessage());
                assertNull(application.getDecidedAt());
                assertEquals(3, application.getHistory().size());
                assertEquals(version, application.getVersion());
            }
        }
        Application application = at(Stage.IN_REVIEW);
        application.decide(Stage.REJECTED, STAFF, "  Outside the region this year.  ", NOW);
        assertEquals("Outside the region this year.", application.getDecisionMessage(), "Kept as the applicant reads it");
        assertEquals("Outside the region this year.", application.getHistory().getLast().getReason());
        assertThrows(IllegalArgumentException.class, () -> at(Stage.SUBMITTED).decide(Stage.SCREENING, STAFF, "x", NOW));
    }

    @Test
    void onlyTheApplicantWithdrawsAndOnlyBeforeAFinalDecision() {
        Set<Stage> withdrawable = EnumSet.of(Stage.SUBMITTED, Stage.SCREENING, Stage.IN_REVIEW, Stage.INTERVIEW, Stage.WAITLISTED);
        for (Stage stage : Stage.values()) {
            Application application = at(stage);
            if (withdrawable.contains(stage)) {
                application.withdraw(APPLICANT, NOW);
                assertEquals(Stage.WITHDRAWN, application.getStage());
                assertEquals("siti", application.getHistory().getLast().getActor());
            } else {
                assertThrows(Stage.IllegalMoveException.class, () -> application.withdraw(APPLICANT, NOW), stage.name());
            }
            assertThrows(Stage.IllegalMoveException.class, () -> at(stage).moveTo(Stage.WITHDRAWN, STAFF, "x", NOW),
                    "Staff never withdraw");
        }
        assertThrows(IllegalStateException.class, () -> draft(openCall()).withdraw(APPLICANT, NOW), "A draft is not withdrawn");
        assertThrows(IllegalStateException.class, () -> draft(openCall()).moveTo(Stage.SCREENING, STAFF, null, NOW));
    }

    @Test
    void aMoveOnAVersionSomeoneElseChangedIsRefused() {
        Application application = submitted();
        application.requireSeen(application.getVersion());
        var refused = assertThrows(Application.ChangedMeanwhile.class, () -> application.requireSeen(application.getVersion() + 1));
        assertEquals(Stage.SUBMITTED, refused.now(), "Says where it is now");
    }

    @Test
    void aFileIsAttachedOnlyToAFileQuestionOfAnOpenDraftAndReplacedInPlace() {
        ProgrammeCall call = openCall();
        question(call, 1, CallQuestion.Kind.FILE, false, null, List.of());
        question(call, 2, CallQuestion.Kind.SHORT_TEXT, false, null, List.of());
        Application application = draft(call);
        assertNull(application.attach(1, "key-1", "a.pdf", "application/pdf", 10, "a".repeat(64), NOW));
        assertEquals("key-1", application.attach(1, "key-2", "b.pdf", "application/pdf", 20, "b".repeat(64), NOW),
                "The replaced file's key, to remove once committed");
        assertEquals(1, application.getFiles().size());
        assertEquals("b.pdf", application.file(1).orElseThrow().getOriginalName());
        assertThrows(Application.Refused.class, () -> application.attach(2, "k", "c.pdf", "application/pdf", 1, "c".repeat(64), NOW));
        assertThrows(Application.Refused.class,
                () -> application.attach(1, "k", "c.pdf", "application/pdf", 1, "c".repeat(64), call.getClosesAt()));
    }
}

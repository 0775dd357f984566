package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the call editor refuses, field by field, before anything reaches the database. */
class CallRulesTest {

    private static CallForm valid() {
        CallForm form = new CallForm();
        form.getTitle().put("en", "Green livelihoods");
        form.getSummary().put("en", "For community enterprises.");
        form.setOpensAt("2027-03-01T09:00");
        form.setClosesAt("2027-03-31T23:59");
        form.setTimeZone("Asia/Seoul");
        return form;
    }

    private static Set<String> problems(CallForm form) {
        return CallRules.check(form).stream().map(p -> p.field() + ":" + p.key()).collect(Collectors.toSet());
    }

    @Test
    void aCompleteCallPasses() {
        assertEquals(Set.of(), problems(valid()));
    }

    @Test
    void englishTitleAndSummaryAreRequiredTranslationsAreNot() {
        CallForm form = valid();
        form.getTitle().put("en", " ");
        form.getTitle().put("fr", "Moyens de subsistance verts");
        form.getSummary().put("en", null);
        assertEquals(Set.of("title:calls.englishRequired", "summary:calls.englishRequired"), problems(form));
    }

    @Test
    void closingMustFollowOpeningInARealZone() {
        CallForm form = valid();
        form.setClosesAt("2027-03-01T09:00");
        assertEquals(Set.of("closesAt:calls.closesBeforeOpens"), problems(form));
        form.setClosesAt("31/03/2027");
        form.setTimeZone("+09:00");
        assertEquals(Set.of("closesAt:calls.dateTime", "timeZone:calls.timeZone"), problems(form));
    }

    @Test
    void aTextTheDatabaseCannotKeepOrLongerThanItsFieldIsRefusedByName() {
        CallForm form = valid();
        form.getSummary().put("fr", "R\u00e9sum\u00e9\u0000");
        form.setMaxVentures("1234567");
        form.setTimeZone("Asia/" + "x".repeat(60));
        CallForm.Criterion criterion = form.addCriterion();
        criterion.getLabel().put("en", "Impact");
        criterion.setWeight("123456789");
        criterion.setBands("0-1 weak\u0007");
        CallForm.Question question = form.addQuestion();
        question.setKind("CHOICE");
        question.getLabel().put("en", "Where?");
        question.getChoices().put("en", "Home\nMarket\u0000");
        assertEquals(Set.of("summary:text.unstorable", "maxVentures:calls.tooLong", "timeZone:calls.tooLong",
                "r0.weight:calls.tooLong", "r0.bands:text.unstorable", "q0.choices:text.unstorable"), problems(form));
    }

    @Test
    void aDateTypedWithASpaceIsUnderstood() {
        CallForm form = valid();
        form.setOpensAt("2027-03-01 09:00");
        assertEquals(Set.of(), problems(form));
    }

    @Test
    void optionalNumbersAreCheckedWhenGiven() {
        CallForm form = valid();
        form.setMaxVentures("0");
        form.setDisagreementThreshold("101");
        form.setReviewDeadline("2027-03-15T12:00");
        assertEquals(Set.of("maxVentures:calls.positiveWhole", "disagreementThreshold:calls.percent",
                "reviewDeadline:calls.reviewBeforeClose"), problems(form));
    }

    @Test
    void questionsNeedAnEnglishLabelAndSensibleLimits() {
        CallForm form = valid();
        CallForm.Question text = form.addQuestion();
        text.setMaxLength("-3");
        CallForm.Question number = form.addQuestion();
        number.setKind("NUMBER");
        number.getLabel().put("en", "Members");
        number.setMinValue("10");
        number.setMaxValue("2");
        assertEquals(Set.of("q0.label:calls.englishRequired", "q0.maxLength:calls.positiveWhole",
                "q1.range:calls.question.minAboveMax"), problems(form));
    }

    @Test
    void aRemovedQuestionIsNotChecked() {
        CallForm form = valid();
        CallForm.Question question = new CallForm.Question(7L, 0, List.of());
        form.getQuestions().add(question);
        form.remove(question);
        assertEquals(Set.of(), problems(form));
        assertTrue(question.isRemoved(), "A saved question is only marked until the call is saved");
    }

    @Test
    void choicesMatchTranslationsLineByLine() {
        CallForm form = valid();
        CallForm.Question q = form.addQuestion();
        q.setKind("CHOICE");
        q.getLabel().put("en", "Where do you work?");
        q.getChoices().put("en", "At home\nIn a workshop\n");
        q.getChoices().put("fr", "À domicile");
        assertEquals(Set.of("q0.choices:calls.question.choiceLines"), problems(form));

        q.getChoices().put("fr", "À domicile\n\nDans un atelier");
        assertEquals(Set.of(), problems(form));
        assertEquals(List.of(new QuestionChoice("at-home", Map.of("en", "At home", "fr", "À domicile")),
                new QuestionChoice("in-a-workshop", Map.of("en", "In a workshop", "fr", "Dans un atelier"))), CallRules.choices(q));
    }

    @Test
    void aChoiceKeepsItsSavedValueWhileItsEnglishLabelStays() {
        CallForm.Question q = new CallForm.Question(3L, 5, QuestionChoice.read("[\"home\", \"workshop\"]"));
        q.setKind("CHOICE");
        assertEquals("home\nworkshop", q.getChoices().get("en"), "Plain strings of older calls read as English labels");
        q.getChoices().put("en", "workshop\nhome\nHome");
        assertEquals(List.of("workshop", "home", "home-2"), CallRules.choices(q).stream().map(QuestionChoice::value).toList());
    }

    @Test
    void choicesNeedTwoOptionsWithSomethingToSlug() {
        CallForm form = valid();
        CallForm.Question q = form.addQuestion();
        q.setKind("MULTI_CHOICE");
        q.getLabel().put("en", "Which?");
        q.getChoices().put("en", "???");
        assertEquals(Set.of("q0.choices:calls.question.twoChoices", "q0.choices:calls.question.choiceLatin"), problems(form));
    }

    @Test
    void criteriaNeedUniqueKeysPositiveWeightsAndBandsWithinTheScale() {
        CallForm form = valid();
        CallForm.Criterion impact = form.addCriterion();
        impact.getLabel().put("en", "Social impact");
        impact.setWeight("25");
        impact.setBands("0-1 weak\n2-3 fair\n4-5 strong");
        assertEquals("social-impact", impact.effectiveKey(), "An empty key is made from the English label");
        CallForm.Criterion twin = form.addCriterion();
        twin.getLabel().put("en", "Social impact!");
        twin.setWeight("0");
        twin.setMaxScore("5");
        twin.setBands("0-9 off the scale");
        CallForm.Criterion bad = form.addCriterion();
        bad.getLabel().put("en", "Team");
        bad.setKey("Team Capacity");
        bad.setWeight("10");
        bad.setMaxScore("0");
        assertEquals(Set.of("r1.key:calls.criterion.duplicateKey", "r1.weight:calls.criterion.weightInvalid",
                "r1.bands:calls.criterion.bandsInvalid", "r2.key:calls.criterion.keyInvalid",
                "r2.maxScore:calls.criterion.maxScoreInvalid"), problems(form));
        assertEquals("[{\"min\":0,\"max\":1,\"label\":{\"en\":\"weak\"}},{\"min\":2,\"max\":3,\"label\":{\"en\":\"fair\"}},"
                + "{\"min\":4,\"max\":5,\"label\":{\"en\":\"strong\"}}]", ScoreBand.json(CallRules.bands(impact)));
    }

    @Test
    void questionsMoveAndNewOnesGoAtOnce() {
        CallForm form = new CallForm();
        CallForm.Question a = form.addQuestion();
        CallForm.Question b = form.addQuestion();
        form.moveUp(b);
        assertEquals(List.of(b, a), form.getQuestions());
        form.moveUp(b);
        form.moveDown(a);
        assertEquals(List.of(b, a), form.getQuestions(), "Nothing moves past either end");
        form.remove(a);
        assertEquals(List.of(b), form.getQuestions());
    }

    @Test
    void slugsAreLatinLowerCaseAndDashed() {
        assertEquals("a-domicile-home", QuestionChoice.slug("À domicile (home)!"));
        assertEquals("", QuestionChoice.slug("في المنزل"));
    }
}

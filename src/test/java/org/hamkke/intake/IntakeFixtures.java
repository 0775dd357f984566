package org.hamkke.intake;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.audit.Actor;

/** Intake entities as the tests of their rules need them, without a database: ids are given by hand. */
final class IntakeFixtures {

    static final Instant NOW = Instant.parse("2027-03-10T09:00:00Z");
    static final Actor APPLICANT = new Actor(7L, "siti");
    static final Actor STAFF = new Actor(2L, "staff");

    private IntakeFixtures() {}

    /** A call open around {@link #NOW}. */
    static ProgrammeCall openCall() {
        ProgrammeCall call = new ProgrammeCall(LocalizedText.english("Weavers 2027"), LocalizedText.english("x"),
                NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(10)), ZoneId.of("Asia/Jakarta"));
        return id(call, 100);
    }

    static CallQuestion question(ProgrammeCall call, long id, CallQuestion.Kind kind, boolean required, Integer maxLength,
            List<QuestionChoice> choices) {
        CallQuestion question = call.addQuestion();
        question.revise(kind, LocalizedText.english("Question " + id), LocalizedText.english(""), required, maxLength, null, null,
                choices, call.getQuestions().size());
        return id(question, id);
    }

    static RubricCriterion criterion(ProgrammeCall call, String key, int weight) {
        return new RubricCriterion(call, 1, key, LocalizedText.english(key), LocalizedText.english(""), BigDecimal.valueOf(weight), 5,
                List.of());
    }

    static Application draft(ProgrammeCall call) {
        return id(new Application(call, APPLICANT.personId(), NOW.minus(Duration.ofDays(1))), 500);
    }

    static Applications.Form form(String kind, String name, List<Applications.Member> members, Map<Long, String> answers) {
        return new Applications.Form(kind, name, null, null, null, members, answers);
    }

    /** A submitted application: a complete individual draft on a call with no questions, submitted. */
    static Application submitted() {
        Application application = draft(openCall());
        application.edit(form("INDIVIDUAL", "Zaatar Kitchen", List.of(), Map.of()), NOW);
        application.submit(APPLICANT, "HMK-1", NOW, CompletedCourses.NONE);
        return application;
    }

    /** Sets the id a database would have given. */
    static <T> T id(T entity, long id) {
        try {
            for (Class<?> type = entity.getClass(); type != null; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.getName().equals("id")) {
                        field.setAccessible(true);
                        field.set(entity, id);
                        return entity;
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("No id on " + entity.getClass());
    }
}

package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a draft may hold at all, checked before anything is written (Applications.unstorable). */
class ApplicationsTest {

    private static Applications.Question longText(long id, Integer maxLength) {
        return new Applications.Question(id, "LONG_TEXT", "{}", "{}", false, maxLength, null, null, List.of());
    }

    private static Applications.Form form(String name, List<Applications.Member> members, Map<Long, String> answers) {
        return new Applications.Form("COLLECTIVE", name, null, null, null, members, answers);
    }

    private static List<String> problems(Applications.Form form, List<Applications.Question> questions) {
        return new Applications().unstorable(form, questions).stream().map(p -> p[0] + ":" + p[1] + (p.length > 2 ? ":" + p[2] : "")).toList();
    }

    @Test
    void eachFieldIsHeldToItsLimitAndToWhatCanBeStored() {
        var members = List.of(new Applications.Member("Siti", "chair", true, "siti@example.org"),
                new Applications.Member("Wulan\u0000", "treasurer", true, null));
        var answers = new LinkedHashMap<Long, String>();
        answers.put(1L, "x".repeat(301));
        answers.put(2L, "y".repeat(10_000));
        assertEquals(List.of("name:text.tooLong:200", "members:text.unstorable:200", "q1:text.tooLong:300"),
                problems(form("N".repeat(201), members, answers), List.of(longText(1, 300), longText(2, null))));
    }

    @Test
    void aDraftsAnswersTogetherAreBoundedBelowTheDatabasesLimit() {
        var answers = new LinkedHashMap<Long, String>();
        var questions = new java.util.ArrayList<Applications.Question>();
        for (long id = 1; id <= 13; id++) {
            questions.add(longText(id, null));
        }
        // 10,000 characters of two bytes each: 20 KB an answer, each within its question's limit.
        for (long id = 1; id <= 12; id++) {
            answers.put(id, "é".repeat(10_000));
        }
        assertEquals(List.of(), problems(form("Big Co-op", List.of(), answers), questions), "240 KB may be kept");
        answers.put(13L, "é".repeat(10_000));
        assertEquals(List.of("null:apply.answersTooLarge"), problems(form("Big Co-op", List.of(), answers), questions),
                "260 KB is refused with a message before the database's 256 KB bound is reached");
    }
}

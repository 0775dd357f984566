package org.hamkke.intake.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamkke.identity.web.Language;
import org.hamkke.intake.AnswerSheet;
import org.hamkke.intake.Applications;
import org.hamkke.intake.QuestionChoice;

/** An answer from an AnswerSheet as a reader sees it: a choice's label in their language, not its stored value. */
final class AnswerText {

    private AnswerText() {}

    static String of(Language language, AnswerSheet.Answer answer) {
        if (answer.choicesJson() == null || answer.choicesJson().equals("[]") || answer.value() == null || answer.value().isEmpty()) {
            return answer.value();
        }
        Map<String, String> labels = new HashMap<>();
        QuestionChoice.read(answer.choicesJson()).forEach(c -> labels.put(c.value(), language.text(c.labelJson())));
        return Arrays.stream(answer.value().split(Applications.MULTI_SEPARATOR))
                .map(v -> labels.getOrDefault(v, v))
                .collect(Collectors.joining("; "));
    }
}

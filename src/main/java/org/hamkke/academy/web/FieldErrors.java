package org.hamkke.academy.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.SessionClash;
import org.hamkke.identity.Languages;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.ProblemMessages;

/**
 * What an editor shows after a refused save: each problem next to its field, in the reader's
 * language, those without a field at the top, and everything typed kept (the page is rendered
 * again, not redirected).
 */
final class FieldErrors implements Serializable {

    static final List<Translation> TRANSLATIONS = Languages.SUPPORTED.stream().filter(l -> !l.equals(Languages.DEFAULT))
            .map(l -> new Translation(l, Languages.nativeName(l), Languages.isRightToLeft(l) ? "rtl" : "ltr")).toList();

    private final Map<String, List<String>> byField = new HashMap<>();

    void clear() {
        byField.clear();
    }

    void show(Refused refused) {
        if (refused instanceof SessionClash clash) {
            global(ClashMessage.text(clash));
            return;
        }
        boolean belowFields = false;
        for (Problem problem : refused.problems()) {
            String text = text(problem);
            if (problem.field() == null) {
                global(text);
            } else {
                byField.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(text);
                belowFields = true;
            }
        }
        if (belowFields) {
            global(PageMessages.text("academy.fixBelow"));
        }
    }

    /** Every problem at the top of the page, for a form whose fields have no place for them (a row of a list). */
    static void showAll(Refused refused) {
        if (refused instanceof SessionClash clash) {
            global(ClashMessage.text(clash));
            return;
        }
        refused.problems().forEach(problem -> global(text(problem)));
    }

    static String text(Problem problem) {
        return ProblemMessages.text(problem);
    }

    static void global(String text) {
        ProblemMessages.error(text);
    }

    List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }
}

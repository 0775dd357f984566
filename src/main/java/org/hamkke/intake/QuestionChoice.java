package org.hamkke.intake;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hamkke.shared.JsonObjects;

/**
 * One option of a CHOICE or MULTI_CHOICE question: a stable {@code value}, which answers store,
 * and its label per language, which staff may change at any time. Stored in
 * {@code call_question.choices} as {"value": "home", "label": {"en": "At home", "fr": "À domicile"}}
 * (V12 turned the plain strings of older calls into this form and holds every option to it).
 *
 * <p><b>The rule of stable values</b> ({@link #revise}): a value is given once, when the option is
 * created (a slug of its English label, made unique within the question), and never derived from a
 * label again. So rewording, translating or reordering options never changes what earlier answers
 * mean: an answer "home" still reads "At home", or whatever the option is called now.
 */
public record QuestionChoice(String value, Map<String, String> label) implements Serializable {

    public static List<QuestionChoice> read(String json) {
        List<QuestionChoice> choices = new ArrayList<>();
        try (var reader = JsonObjects.JSON.createReader(new StringReader(json))) {
            for (JsonValue item : reader.readArray()) {
                if (item instanceof JsonObject object) {
                    Map<String, String> label = new LinkedHashMap<>();
                    if (object.get("label") instanceof JsonObject labels) {
                        labels.forEach((language, text) -> {
                            if (text instanceof JsonString s) {
                                label.put(language, s.getString());
                            }
                        });
                    }
                    choices.add(new QuestionChoice(object.getString("value"), label));
                }
            }
        }
        return choices;
    }

    /** The label as a per-language JSON object, the form Language.text reads. */
    public String labelJson() {
        var object = JsonObjects.JSON.createObjectBuilder();
        label.forEach(object::add);
        return object.build().toString();
    }

    public static String json(List<QuestionChoice> choices) {
        var array = JsonObjects.JSON.createArrayBuilder();
        for (QuestionChoice choice : choices) {
            var label = JsonObjects.JSON.createObjectBuilder();
            choice.label().forEach(label::add);
            array.add(JsonObjects.JSON.createObjectBuilder().add("value", choice.value()).add("label", label));
        }
        return array.build().toString();
    }

    /**
     * The options after staff edited their labels, one line per option and language, lines
     * matching by position. Which saved option each English line is:
     * <ol>
     *   <li>the saved option with exactly this English label, wherever it was (reordering keeps values);
     *   <li>else, when there are as many lines as saved options, the saved option at the same
     *       position that no line named in step 1 (rewording in place keeps the value);
     *   <li>else a new option, valued by a slug of its English label.
     * </ol>
     * When lines were added or removed and a line was also reworded, nothing is guessed: that line
     * is a new option, and answers given to the old one keep their value (shown as it was stored).
     *
     * @param saved the options as last saved (empty for a new question)
     * @param lines the typed lines by language code; "en" decides how many options there are
     */
    public static List<QuestionChoice> revise(List<QuestionChoice> saved, Map<String, List<String>> lines) {
        List<String> english = lines.getOrDefault("en", List.of());
        String[] values = new String[english.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < english.size(); i++) {
            String line = english.get(i);
            for (QuestionChoice old : saved) {
                if (line.equals(old.label().get("en")) && used.add(old.value())) {
                    values[i] = old.value();
                    break;
                }
            }
        }
        if (english.size() == saved.size()) {
            for (int i = 0; i < english.size(); i++) {
                if (values[i] == null && !used.contains(saved.get(i).value())) {
                    values[i] = saved.get(i).value();
                    used.add(values[i]);
                }
            }
        }
        List<QuestionChoice> revised = new ArrayList<>();
        for (int i = 0; i < english.size(); i++) {
            String value = values[i];
            if (value == null) {
                String slug = slug(english.get(i));
                value = slug;
                for (int n = 2; !slug.isEmpty() && !used.add(value); n++) {
                    value = slug + "-" + n;
                }
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (var language : lines.entrySet()) {
                if (i < language.getValue().size()) {
                    labels.put(language.getKey(), language.getValue().get(i));
                }
            }
            revised.add(new QuestionChoice(value, labels));
        }
        return revised;
    }

    /** "À domicile (home)!" becomes "a-domicile-home"; at most 40 characters; "" when nothing Latin is left. */
    public static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    }
}

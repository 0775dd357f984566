package org.hamkke.intake;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hamkke.shared.JsonObjects;

/**
 * One option of a CHOICE or MULTI_CHOICE question. Answers store the {@code value}, a slug of
 * the English label that stays put when the label is translated, so translating or reordering
 * options never changes what earlier answers mean. Stored in {@code call_question.choices} as
 * {"value": "home", "label": {"en": "At home", "fr": "À domicile"}}; calls written before the
 * editor hold plain strings ("home"), read as a choice whose value and English label are that string.
 */
public record QuestionChoice(String value, Map<String, String> label) implements Serializable {

    public static List<QuestionChoice> read(String json) {
        List<QuestionChoice> choices = new ArrayList<>();
        try (var reader = JsonObjects.JSON.createReader(new StringReader(json))) {
            for (JsonValue item : reader.readArray()) {
                if (item instanceof JsonString plain) {
                    choices.add(new QuestionChoice(plain.getString(), Map.of("en", plain.getString())));
                } else if (item instanceof JsonObject object) {
                    Map<String, String> label = new LinkedHashMap<>();
                    JsonObject labels = object.getJsonObject("label");
                    if (labels != null) {
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

    /** "À domicile (home)!" becomes "a-domicile-home"; at most 40 characters; "" when nothing Latin is left. */
    public static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    }
}

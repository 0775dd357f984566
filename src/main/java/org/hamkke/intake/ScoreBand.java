package org.hamkke.intake;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamkke.shared.JsonObjects;
import org.hamkke.shared.LocalizedText;

/**
 * A range of scores of a rubric criterion with what it means ("0-1 weak"), guiding reviewers in
 * their own language. Stored in {@code rubric_criterion.bands} as
 * [{"min": 0, "max": 1, "label": {"en": "weak", "fr": "faible"}}]; staff type one band per line,
 * in English ("0-1 weak") and, line for line, in the other languages ({@link CallRules#bands}).
 */
public record ScoreBand(int min, int max, LocalizedText label) implements Serializable {

    private static final Pattern LINE = Pattern.compile("\\s*(\\d+)\\s*[-–]\\s*(\\d+)\\s+(.+?)\\s*");

    /** A typed English line, or empty when it is not "min-max label". */
    public static Optional<ScoreBand> parse(String line) {
        return range(line).map(m -> new ScoreBand(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                LocalizedText.english(m.group(3))));
    }

    /** The line's "min-max label" parts, when it has them (at most four digits a number). */
    static Optional<Matcher> range(String line) {
        Matcher m = LINE.matcher(line == null ? "" : line);
        return m.matches() && m.group(1).length() <= 4 && m.group(2).length() <= 4 ? Optional.of(m) : Optional.empty();
    }

    /** The same band with its label in one more language. */
    public ScoreBand translated(String language, String text) {
        Map<String, String> labels = new LinkedHashMap<>(label.asMap());
        labels.put(language, text);
        return new ScoreBand(min, max, LocalizedText.of(labels));
    }

    /** As staff type it in one language: "0-1 weak"; a language without its own label gets the range only. */
    public String line(String language) {
        String text = label.asMap().get(language);
        return text == null ? null : min + "-" + max + " " + text;
    }

    public static List<ScoreBand> read(String json) {
        List<ScoreBand> bands = new ArrayList<>();
        try (var reader = JsonObjects.JSON.createReader(new StringReader(json))) {
            for (JsonValue item : reader.readArray()) {
                if (item instanceof JsonObject band && band.get("min") instanceof JsonNumber min
                        && band.get("max") instanceof JsonNumber max) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    if (band.get("label") instanceof JsonObject label) {
                        label.forEach((language, text) -> {
                            if (text instanceof JsonString s) {
                                labels.put(language, s.getString());
                            }
                        });
                    }
                    bands.add(new ScoreBand(min.intValue(), max.intValue(), LocalizedText.of(labels)));
                }
            }
        }
        return bands;
    }

    public static String json(List<ScoreBand> bands) {
        var array = JsonObjects.JSON.createArrayBuilder();
        for (ScoreBand band : bands) {
            var label = JsonObjects.JSON.createObjectBuilder();
            band.label().asMap().forEach(label::add);
            array.add(JsonObjects.JSON.createObjectBuilder().add("min", band.min()).add("max", band.max()).add("label", label));
        }
        return array.build().toString();
    }
}

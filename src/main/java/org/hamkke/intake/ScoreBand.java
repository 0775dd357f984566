package org.hamkke.intake;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamkke.shared.JsonObjects;

/**
 * A range of scores of a rubric criterion with what it means ("0-1 weak"), guiding reviewers.
 * Stored in {@code rubric_criterion.bands} as [{"min": 0, "max": 1, "label": {"en": "weak"}}];
 * staff type one band per line.
 */
public record ScoreBand(int min, int max, String label) {

    private static final Pattern LINE = Pattern.compile("\\s*(\\d+)\\s*[-–]\\s*(\\d+)\\s+(.+?)\\s*");

    /** A typed line, or empty when it is not "min-max label". */
    public static Optional<ScoreBand> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches() || m.group(1).length() > 4 || m.group(2).length() > 4) {
            return Optional.empty();
        }
        return Optional.of(new ScoreBand(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
    }

    public String line() {
        return min + "-" + max + " " + label;
    }

    public static List<ScoreBand> read(String json) {
        List<ScoreBand> bands = new ArrayList<>();
        try (var reader = JsonObjects.JSON.createReader(new StringReader(json))) {
            for (JsonValue item : reader.readArray()) {
                if (item instanceof JsonObject band && band.get("min") instanceof JsonNumber min
                        && band.get("max") instanceof JsonNumber max) {
                    JsonObject label = band.getJsonObject("label");
                    String text = label != null && label.get("en") instanceof JsonString en ? en.getString() : "";
                    bands.add(new ScoreBand(min.intValue(), max.intValue(), text));
                }
            }
        }
        return bands;
    }

    public static String json(List<ScoreBand> bands) {
        var array = JsonObjects.JSON.createArrayBuilder();
        for (ScoreBand band : bands) {
            array.add(JsonObjects.JSON.createObjectBuilder().add("min", band.min()).add("max", band.max())
                    .add("label", JsonObjects.JSON.createObjectBuilder().add("en", band.label())));
        }
        return array.build().toString();
    }
}

package org.hamkke.shared;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat JSON the portal keeps in jsonb columns (notice data, answers, scores, comments, choice
 * lists), read and written in one place.
 */
public final class JsonObjects {

    private JsonObjects() {}

    /** A JSON object of the non-null values, e.g. {"call": "…", "items": "…"} or {"impact": 4}. */
    public static String of(Map<String, ?> values) {
        var object = Json.createObjectBuilder();
        values.forEach((key, value) -> {
            if (value instanceof Number number) {
                object.add(key, number.longValue());
            } else if (value != null) {
                object.add(key, value.toString());
            }
        });
        return object.build().toString();
    }

    /** An object's values as text (a number or boolean as it is written), in the object's order. */
    public static Map<String, String> strings(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            reader.readObject().forEach((key, value) -> values.put(key, value instanceof JsonString s ? s.getString() : value.toString()));
        }
        return values;
    }

    /** An object of whole numbers, e.g. scores per criterion. */
    public static Map<String, Integer> ints(String json) {
        Map<String, Integer> values = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            reader.readObject().forEach((key, value) -> values.put(key, ((JsonNumber) value).intValue()));
        }
        return values;
    }

    /**
     * An array of strings, e.g. a question's choices. An object in it stands for its "value": the
     * call editor stores choices as {"value": "home", "label": {...}}, and readers that only need
     * the values (checking an answer) read both shapes alike.
     */
    public static List<String> stringArray(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().stream()
                    .map(item -> item instanceof JsonObject object ? object.getString("value", "") : ((JsonString) item).getString())
                    .toList();
        }
    }

    /**
     * The options of a choice question as (value, label JSON) pairs. An option is either a plain
     * string (its own label in every language) or {@code {"value": ..., "label": {"en": ...}}}.
     */
    public static List<String[]> choices(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().stream()
                    .map(option -> option instanceof JsonString s
                            ? new String[] {s.getString(), Json.createObjectBuilder().add("en", s.getString()).build().toString()}
                            : new String[] {option.asJsonObject().getString("value"),
                                option.asJsonObject().getJsonObject("label").toString()})
                    .toList();
        }
    }
}

package org.hamkke.shared;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flat JSON the portal keeps in jsonb columns (notice data, answers, scores, comments, choice
 * lists), read and written in one place.
 */
public final class JsonObjects {

    /**
     * Looked up once. {@code Json.createReader} and friends look the provider up through
     * ServiceLoader on every call, which reads every jar on the class path: while a digest was
     * being mailed that was about a sixth of the portal's CPU (BENCHMARKS.md).
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonObjects() {}

    /** A JSON object of the non-null values, e.g. {"call": "…", "items": "…"} or {"impact": 4}. */
    public static String of(Map<String, ?> values) {
        var object = JSON.createObjectBuilder();
        values.forEach((key, value) -> {
            if (value instanceof Number number) {
                object.add(key, number.longValue());
            } else if (value != null) {
                object.add(key, value.toString());
            }
        });
        return object.build().toString();
    }

    /** A JSON object; a RuntimeException (JsonException) when the text is not one. */
    public static jakarta.json.JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** An object's values as text (a number or boolean as it is written), in the object's order. */
    public static Map<String, String> strings(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        try (var reader = JSON.createReader(new StringReader(json))) {
            reader.readObject().forEach((key, value) -> values.put(key, value instanceof JsonString s ? s.getString() : value.toString()));
        }
        return values;
    }

    /** An object of whole numbers, e.g. scores per criterion. */
    public static Map<String, Integer> ints(String json) {
        Map<String, Integer> values = new LinkedHashMap<>();
        try (var reader = JSON.createReader(new StringReader(json))) {
            reader.readObject().forEach((key, value) -> values.put(key, ((JsonNumber) value).intValue()));
        }
        return values;
    }
}

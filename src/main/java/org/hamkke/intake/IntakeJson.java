package org.hamkke.intake;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.shared.JsonObjects;

/**
 * How the intake's jsonb columns become Java values and back. The column type is Object because
 * the PostgreSQL driver reads jsonb as a PGobject (its text is the JSON) and writes the JSON text,
 * which {@code stringtype=unspecified} lets into a jsonb column. Every value read is unmodifiable:
 * an entity replaces a map or list as a whole, so EclipseLink sees the change.
 */
public final class IntakeJson {

    private IntakeJson() {}

    /** An application's answers, by question id: {"12": "At home", "13": "40"}. */
    @Converter
    public static class Answers implements AttributeConverter<Map<Long, String>, Object> {
        @Override
        public Object convertToDatabaseColumn(Map<Long, String> answers) {
            Map<String, String> keyed = new LinkedHashMap<>();
            (answers == null ? Map.<Long, String>of() : answers).forEach((id, text) -> keyed.put(String.valueOf(id), text));
            return JsonObjects.of(keyed);
        }

        @Override
        public Map<Long, String> convertToEntityAttribute(Object column) {
            Map<Long, String> answers = new LinkedHashMap<>();
            if (column != null) {
                JsonObjects.strings(column.toString()).forEach((id, text) -> answers.put(Long.valueOf(id), text));
            }
            return Collections.unmodifiableMap(answers);
        }
    }

    /** A review's scores, by criterion key: {"impact": 4}. */
    @Converter
    public static class Scores implements AttributeConverter<Map<String, Integer>, Object> {
        @Override
        public Object convertToDatabaseColumn(Map<String, Integer> scores) {
            return JsonObjects.of(scores == null ? Map.of() : scores);
        }

        @Override
        public Map<String, Integer> convertToEntityAttribute(Object column) {
            return column == null ? Map.of() : Collections.unmodifiableMap(JsonObjects.ints(column.toString()));
        }
    }

    /** Texts by key: a review's comments per criterion. */
    @Converter
    public static class Texts implements AttributeConverter<Map<String, String>, Object> {
        @Override
        public Object convertToDatabaseColumn(Map<String, String> texts) {
            return JsonObjects.of(texts == null ? Map.of() : texts);
        }

        @Override
        public Map<String, String> convertToEntityAttribute(Object column) {
            return column == null ? Map.of() : Collections.unmodifiableMap(JsonObjects.strings(column.toString()));
        }
    }

    /** A choice question's options ({@link QuestionChoice}). */
    @Converter
    public static class Choices implements AttributeConverter<List<QuestionChoice>, Object> {
        @Override
        public Object convertToDatabaseColumn(List<QuestionChoice> choices) {
            return QuestionChoice.json(choices == null ? List.of() : choices);
        }

        @Override
        public List<QuestionChoice> convertToEntityAttribute(Object column) {
            return column == null ? List.of() : List.copyOf(QuestionChoice.read(column.toString()));
        }
    }

    /** A rubric criterion's score bands ({@link ScoreBand}). */
    @Converter
    public static class Bands implements AttributeConverter<List<ScoreBand>, Object> {
        @Override
        public Object convertToDatabaseColumn(List<ScoreBand> bands) {
            return ScoreBand.json(bands == null ? List.of() : bands);
        }

        @Override
        public List<ScoreBand> convertToEntityAttribute(Object column) {
            return column == null ? List.of() : List.copyOf(ScoreBand.read(column.toString()));
        }
    }
}

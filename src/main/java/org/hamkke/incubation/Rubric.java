package org.hamkke.incubation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamkke.intake.ScoreBand;
import org.hamkke.shared.JsonObjects;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * How a milestone's evidence is graded: criteria, each scored from 0 to its own maximum with
 * feedback, and score bands over the total that say what it means ("9-12 ready to go"), in the
 * grader's and the members' languages. A milestone keeps a copy of its template's rubric, so a
 * grade is always read against what it was measured with. A milestone staff added by hand has no
 * criteria: its grade is the outcome and what to change.
 *
 * <p>Stored as {"criteria": [{"key": "clarity", "label": {"en": "..."}, "max": 4}], "bands":
 * [{"min": 0, "max": 4, "label": {"en": "..."}}]}; the bands are the intake's {@link ScoreBand}.
 */
public record Rubric(List<Criterion> criteria, List<ScoreBand> bands) implements Serializable {

    public static final Rubric NONE = new Rubric(List.of(), List.of());

    static final int FEEDBACK_LENGTH = 1000;

    public Rubric {
        criteria = List.copyOf(criteria);
        bands = List.copyOf(bands);
    }

    /** A criterion: its key (stable, for the scores), its label in the five languages, its highest score. */
    public record Criterion(String key, LocalizedText label, int max) implements Serializable {}

    /** A grade's scores and feedback, checked against the rubric: each feedback stripped, none blank. */
    public record Scored(Map<String, Integer> scores, Map<String, String> feedback) implements Serializable {}

    public int maxTotal() {
        return criteria.stream().mapToInt(Criterion::max).sum();
    }

    /** What a total means, when a band covers it. */
    public Optional<ScoreBand> band(int total) {
        return bands.stream().filter(b -> total >= b.min() && total <= b.max()).findFirst();
    }

    /** As {@link #band}, null when no band covers the total: for pages, whose EL reads into an Optional's value. */
    public ScoreBand bandOrNull(int total) {
        return band(total).orElse(null);
    }

    /**
     * The mentor's scores and feedback as a grade keeps them: every criterion scored from 0 to its
     * maximum, no score for a criterion the rubric does not have, each feedback a storable text.
     *
     * @throws Refused every problem at once, each on its criterion's field ("score-clarity", "feedback-clarity")
     */
    public Scored check(Map<String, Integer> scores, Map<String, String> feedback) {
        Map<String, Integer> given = scores == null ? Map.of() : scores;
        Map<String, String> said = feedback == null ? Map.of() : feedback;
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> kept = new LinkedHashMap<>();
        Map<String, String> keptFeedback = new LinkedHashMap<>();
        for (Criterion c : criteria) {
            Integer score = given.get(c.key());
            if (score == null || score < 0 || score > c.max()) {
                problems.add(new Problem("score-" + c.key(), "milestone.grade.scoreRange", String.valueOf(c.max())));
            } else {
                kept.put(c.key(), score);
            }
            String text = StorableText.checked(said.get(c.key()), FEEDBACK_LENGTH, "feedback-" + c.key(), problems);
            if (text != null) {
                keptFeedback.put(c.key(), text);
            }
        }
        boolean unknown = given.keySet().stream().anyMatch(key -> criteria.stream().noneMatch(c -> c.key().equals(key)))
                || said.entrySet().stream().anyMatch(e -> e.getValue() != null && !e.getValue().isBlank()
                        && criteria.stream().noneMatch(c -> c.key().equals(e.getKey())));
        if (unknown) {
            problems.add(new Problem(null, "milestone.grade.unknownCriterion"));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new Scored(Collections.unmodifiableMap(kept), Collections.unmodifiableMap(keptFeedback));
    }

    public String json() {
        var array = JsonObjects.JSON.createArrayBuilder();
        for (Criterion c : criteria) {
            var label = JsonObjects.JSON.createObjectBuilder();
            c.label().asMap().forEach(label::add);
            array.add(JsonObjects.JSON.createObjectBuilder().add("key", c.key()).add("label", label).add("max", c.max()));
        }
        return JsonObjects.JSON.createObjectBuilder()
                .add("criteria", array)
                .add("bands", JsonObjects.JSON.createReader(new java.io.StringReader(ScoreBand.json(bands))).readArray())
                .build()
                .toString();
    }

    /** Reads what {@link #json} wrote; anything it does not recognise is left out. */
    public static Rubric read(String json) {
        JsonObject rubric = JsonObjects.parse(json);
        List<Criterion> criteria = new ArrayList<>();
        if (rubric.get("criteria") instanceof JsonArray items) {
            for (JsonValue item : items) {
                if (item instanceof JsonObject c && c.get("key") instanceof JsonString key && c.get("max") instanceof JsonNumber max) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    if (c.get("label") instanceof JsonObject label) {
                        label.forEach((language, text) -> {
                            if (text instanceof JsonString s) {
                                labels.put(language, s.getString());
                            }
                        });
                    }
                    criteria.add(new Criterion(key.getString(), LocalizedText.of(labels), max.intValue()));
                }
            }
        }
        List<ScoreBand> bands = rubric.get("bands") instanceof JsonArray b ? ScoreBand.read(b.toString()) : List.of();
        return new Rubric(criteria, bands);
    }

    /** The jsonb column of a template and of a milestone. */
    @Converter
    public static class Column implements AttributeConverter<Rubric, Object> {
        @Override
        public Object convertToDatabaseColumn(Rubric rubric) {
            return (rubric == null ? NONE : rubric).json();
        }

        @Override
        public Rubric convertToEntityAttribute(Object column) {
            return column == null ? NONE : read(column.toString());
        }
    }
}

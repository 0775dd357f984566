package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hamkke.identity.Languages;
import org.junit.jupiter.api.Test;

/** The default Social Solidarity Economy rubric: six criteria, weights to 100, every language, in step with the demo data. */
class DefaultRubricTest {

    @Test
    void sixCriteriaWeightedToAHundred() {
        assertEquals(6, DefaultRubric.CRITERIA.size());
        assertEquals(100, DefaultRubric.CRITERIA.stream().mapToInt(DefaultRubric.Criterion::weight).sum());
        assertEquals(List.of(25, 15, 20, 10, 20, 10), DefaultRubric.CRITERIA.stream().map(DefaultRubric.Criterion::weight).toList());
    }

    @Test
    void labelsAndGuidanceInAllFiveLanguages() {
        for (DefaultRubric.Criterion c : DefaultRubric.CRITERIA) {
            for (String language : Languages.SUPPORTED) {
                assertTrue(!c.label().getOrDefault(language, "").isBlank(), c.key() + " label in " + language);
                assertTrue(!c.guidance().getOrDefault(language, "").isBlank(), c.key() + " guidance in " + language);
            }
        }
    }

    @Test
    void passesTheEditorsOwnRules() {
        CallForm form = new CallForm();
        form.useDefaultRubric();
        assertEquals(List.of(), CallRules.check(form).stream().filter(p -> p.field().startsWith("r")).toList());
    }

    /** The demo call carries the same rubric in SQL (kept as SQL so the demo data needs no Java). */
    @Test
    void demoDataHasTheSameKeysLabelsAndWeights() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/demo/R__demo_data.sql"));
        for (DefaultRubric.Criterion c : DefaultRubric.CRITERIA) {
            assertTrue(sql.contains("'" + c.key() + "', '{\"en\": \"" + c.label().get("en") + "\""), c.key() + " in the demo data");
            assertTrue(sql.contains("}', " + c.weight() + ")") || sql.contains("}', " + c.weight() + "),"), c.key() + " weight");
        }
    }

    /** The demo call's score bands are the default rubric's, in all five languages. */
    @Test
    void demoDataHasTheSameBandsInEveryLanguage() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/demo/R__demo_data.sql"));
        for (ScoreBand band : DefaultRubric.BANDS) {
            assertTrue(sql.contains("{\"min\": " + band.min() + ", \"max\": " + band.max() + ", \"label\""), band + " in the demo data");
            for (String language : Languages.SUPPORTED) {
                assertTrue(sql.contains("\"" + language + "\": \"" + band.label().asMap().get(language) + "\""),
                        band.min() + "-" + band.max() + " in " + language);
            }
        }
    }
}

package org.hamkke.intake.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.hamkke.intake.ApplicantKind;
import org.hamkke.intake.ApplicationTable.Query;
import org.hamkke.intake.ApplicationTable.Sort;
import org.hamkke.intake.Stage;
import org.junit.jupiter.api.Test;

/** The staff table's order and filters travel in an address and come back the same; anything odd asks nothing. */
class PipelineAddressTest {

    @Test
    void anAddressWithoutParametersIsTheWholeCallNewestFirst() {
        assertEquals(Query.of(7), PipelineAddress.query(7, Map.of()));
        assertEquals("", PipelineAddress.of(Query.of(7)));
    }

    @Test
    void everyOrderAndFilterComesBackAsItWent() {
        Query query = new Query(7, Stage.IN_REVIEW, ApplicantKind.COLLECTIVE, "Coopérative & fils", true, Sort.SCORE, false);
        String address = PipelineAddress.of(query);
        assertEquals("&sort=SCORE&dir=asc&stage=IN_REVIEW&kind=COLLECTIVE&q=Coop%C3%A9rative+%26+fils&disagreement=true", address);
        Map<String, String> params = new HashMap<>();
        PipelineAddress.fields(query).forEach(f -> params.put(f.getKey(), f.getValue()));
        assertEquals("Coopérative & fils", params.get("q"), "Fields carry the text itself");
        assertEquals(query, PipelineAddress.query(7, params));
    }

    @Test
    void byNameTheNaturalWayIsAToZ() {
        Query byName = PipelineAddress.query(7, Map.of("sort", "NAME"));
        assertEquals(Sort.NAME, byName.sort());
        assertFalse(byName.descending());
        assertTrue(PipelineAddress.query(7, Map.of("sort", "MEAN")).descending(), "Scores: best first");
    }

    @Test
    void oddValuesAskNothing() {
        Query odd = PipelineAddress.query(7, Map.of("sort", "name'--", "dir", "sideways", "stage", "ACCEPTED%27", "kind", "-1",
                "q", "   ", "disagreement", "yes"));
        assertEquals(Query.of(7), odd);
        assertNull(PipelineAddress.query(7, Map.of("q", "a\u0000b")).name(), "A text that could never be stored searches nothing");
        assertEquals(200, PipelineAddress.query(7, Map.of("q", "x".repeat(3000))).name().length(), "No longer than a name");
    }
}

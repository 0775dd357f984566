package org.hamkke.incubation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.Refused;
import org.junit.jupiter.api.Test;

/** A venture's plan from its programme's templates, and staff's changes to it. */
class MilestonePlanTest {

    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    static final LocalDate START = LocalDate.of(2027, 2, 1);

    static MilestoneTemplate template(long id, int position, String title, int offset) {
        return Ids.set(new MilestoneTemplate(7, position, LocalizedText.of(Map.of("en", title, "fr", title + " (fr)")), LocalizedText.english("What"),
                LocalizedText.english("Evidence"), offset, RubricTest.RUBRIC), id);
    }

    static final List<MilestoneTemplate> TEMPLATES = List.of(template(12, 2, "First paying customer", 60), template(11, 1, "Business model canvas", 14),
            template(13, 3, "Legal registration", 90));

    @Test
    void theIncubationStartsWithTheFirstMentoringElseWhenTheVentureWasCreated() {
        LocalDate created = LocalDate.of(2027, 1, 10);
        assertEquals(created, Milestone.incubationStart(List.of(), created));
        assertEquals(LocalDate.of(2027, 2, 1), Milestone.incubationStart(List.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 2, 1)), created));
    }

    @Test
    void applyingTheTemplatesPlansEachInOrderDueItsOffsetFromTheStart() {
        List<Milestone> plan = Milestone.plan(5, TEMPLATES, Set.of(), START, NOW);
        assertEquals(List.of("Business model canvas", "First paying customer", "Legal registration"), plan.stream().map(m -> m.getTitle().in("en")).toList());
        assertEquals(List.of(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 4, 2), LocalDate.of(2027, 5, 2)), plan.stream().map(Milestone::getDueOn).toList());
        Milestone first = plan.getFirst();
        assertEquals(5, first.getVentureId());
        assertEquals(11L, first.getTemplateId());
        assertEquals(MilestoneStatus.OPEN, first.getStatus());
        assertEquals("Business model canvas (fr)", first.getTitle().in("fr"));
        assertEquals(RubricTest.RUBRIC, first.getRubric(), "The rubric is the template's, copied");
    }

    @Test
    void applyingAgainAddsOnlyWhatIsMissing() {
        assertEquals(List.of(), Milestone.plan(5, TEMPLATES, Set.of(11L, 12L, 13L), START, NOW));
        List<Milestone> rest = Milestone.plan(5, TEMPLATES, Set.of(11L, 13L), START, NOW);
        assertEquals(1, rest.size());
        assertEquals(12L, rest.getFirst().getTemplateId());
    }

    @Test
    void staffAddAMilestoneWithATitleAndADueDateButNoRubric() {
        Milestone added = Milestone.add(5, 4, "fr", "  Visite du marché  ", null, LocalDate.of(2027, 6, 1), NOW);
        assertEquals("Visite du marché", added.getTitle().in("fr"));
        assertNull(added.getTemplateId());
        assertEquals(Rubric.NONE, added.getRubric());
        Refused refused = assertThrows(Refused.class, () -> Milestone.add(5, 4, "en", " ", "x".repeat(2001), null, NOW));
        assertEquals(Set.of("milestone.titleMissing", "text.tooLong", "milestone.dueMissing"),
                Set.copyOf(refused.problems().stream().map(p -> p.key()).toList()));
    }

    @Test
    void movingAndDroppingNeedAReasonAndAPassedMilestoneStaysPut() {
        Milestone m = Ids.set(Milestone.plan(5, TEMPLATES, Set.of(), START, NOW).getFirst(), 40);
        assertEquals("milestone.reasonRequired", assertThrows(Refused.class, () -> m.move(LocalDate.of(2027, 3, 1), "  ")).key());
        m.move(LocalDate.of(2027, 3, 1), "The registry office was closed");
        assertEquals(LocalDate.of(2027, 3, 1), m.getDueOn());
        assertEquals("The registry office was closed", m.getReason());
        assertEquals("milestone.reasonRequired", assertThrows(Refused.class, () -> m.drop(null)).key());
        m.drop("Registered already before the programme");
        assertEquals(MilestoneStatus.DROPPED, m.getStatus());
        assertEquals("milestone.closed", assertThrows(Refused.class, () -> m.submit(0, 3, Evidence.of("done", null), NOW)).key());
        assertEquals("milestone.notPlanned", assertThrows(Refused.class, () -> m.move(LocalDate.of(2027, 4, 1), "again")).key());
        assertThrows(MilestoneStatus.IllegalMoveException.class, () -> m.drop("again"));
    }

    @Test
    void submissionsAreNumberedAndMoveTheMilestoneToWaitingForAGrade() {
        Milestone m = Ids.set(Milestone.plan(5, TEMPLATES, Set.of(), START, NOW).getFirst(), 40);
        Submission first = m.submit(0, 3, Evidence.of("Our canvas", "https://example.org/canvas"), NOW);
        assertEquals(1, first.getNumber());
        assertEquals(40, first.getMilestoneId());
        assertEquals(List.of("https://example.org/canvas"), first.getLinks());
        assertEquals(MilestoneStatus.SUBMITTED, m.getStatus());
        Submission more = m.submit(1, 4, Evidence.of(null, "https://example.org/photos"), NOW);
        assertEquals(2, more.getNumber());
        assertTrue(m.getStatus().takesEvidence());
    }
}

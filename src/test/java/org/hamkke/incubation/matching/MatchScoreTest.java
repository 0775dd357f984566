package org.hamkke.incubation.matching;

import static org.hamkke.incubation.matching.MatchingFixtures.conflictedWith;
import static org.hamkke.incubation.matching.MatchingFixtures.load;
import static org.hamkke.incubation.matching.MatchingFixtures.meeting;
import static org.hamkke.incubation.matching.MatchingFixtures.mentor;
import static org.hamkke.incubation.matching.MatchingFixtures.needing;
import static org.hamkke.incubation.matching.MatchingFixtures.speaking;
import static org.hamkke.incubation.matching.MatchingFixtures.unavailable;
import static org.hamkke.incubation.matching.MatchingFixtures.venture;
import static org.hamkke.incubation.matching.MatchingFixtures.where;
import static org.hamkke.incubation.matching.MatchingFixtures.withExpertise;
import static org.hamkke.incubation.matching.MatchingFixtures.withLanguages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchScoreTest {

    private static final Weights W = Weights.DEFAULT;

    private static Reason reason(Score score, String key) {
        return score.reasons().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(
                "No reason " + key + " in " + score.reasons()));
    }

    private static List<String> keys(Score score) {
        return score.reasons().stream().map(Reason::key).toList();
    }

    @Test
    void aPerfectFitScoresEveryWeightWithOneReasonPerPartLanguageFirst() {
        Score score = MatchScore.score(venture(1), mentor(10), W);

        assertEquals(100, score.total());
        assertEquals(List.of(
                new Reason(MatchScore.LANGUAGE, 40, List.of("ko")),
                new Reason(MatchScore.NEEDS, 30, List.of("2", "2", "finance, legal")),
                new Reason(MatchScore.REGION, 20, List.of("Seoul")),
                new Reason(MatchScore.CAPACITY, 10, List.of("4", "4"))), score.reasons());
    }

    @Test
    void needsGiveTheirShareOfTheWeightRoundedHalfUpWithTheCoveredTagsSorted() {
        VentureNeeds v = needing(venture(1), "marketing", "legal", "finance");
        Score twoOfThree = MatchScore.score(v, withExpertise(mentor(10), "legal", "finance", "hr"), W);
        assertEquals(new Reason(MatchScore.NEEDS, 20, List.of("2", "3", "finance, legal")), reason(twoOfThree, MatchScore.NEEDS));

        // 30 * 1 / 4 = 7.5: half up, 8
        Score oneOfFour = MatchScore.score(needing(venture(1), "finance", "legal", "hr", "sales"),
                withExpertise(mentor(10), "sales"), W);
        assertEquals(new Reason(MatchScore.NEEDS, 8, List.of("1", "4", "sales")), reason(oneOfFour, MatchScore.NEEDS));

        Score none = MatchScore.score(v, withExpertise(mentor(10), "export"), W);
        assertEquals(new Reason(MatchScore.NEEDS, 0, List.of("0", "3", "")), reason(none, MatchScore.NEEDS));
    }

    @Test
    void aVentureWithoutNeedsGivesNoNeedsPointsToAnyone() {
        Score score = MatchScore.score(needing(venture(1)), mentor(10), W);

        assertEquals(new Reason(MatchScore.NO_NEEDS, 0, List.of()), reason(score, MatchScore.NO_NEEDS));
        assertEquals(70, score.total());
    }

    @Test
    void tagsLanguagesAndRegionsCompareIgnoringCaseAndShowTheVenturesSpelling() {
        VentureNeeds v = meeting(speaking(needing(venture(1), "Finance", "LEGAL"), "KO", "en"), "seoul", true);
        MentorCandidate m = where(withLanguages(withExpertise(mentor(10), "finance", "Legal"), "ko", "EN", "fr"), "SEOUL", Mode.IN_PERSON);

        Score score = MatchScore.score(v, m, W);

        assertEquals(100, score.total());
        assertEquals(new Reason(MatchScore.LANGUAGE, 40, List.of("en, KO")), reason(score, MatchScore.LANGUAGE));
        assertEquals(new Reason(MatchScore.NEEDS, 30, List.of("2", "2", "Finance, LEGAL")), reason(score, MatchScore.NEEDS));
        assertEquals(new Reason(MatchScore.REGION, 20, List.of("seoul")), reason(score, MatchScore.REGION));
    }

    @Test
    void aNeedTypedTwiceInDifferentCaseCountsOnce() {
        Score score = MatchScore.score(needing(venture(1), "finance", "Finance", "legal"), withExpertise(mentor(10), "FINANCE"), W);

        // two needs, one covered: 15 points, not 20 of "two of three"
        assertEquals(new Reason(MatchScore.NEEDS, 15, List.of("1", "2", "Finance")), reason(score, MatchScore.NEEDS));
    }

    @Test
    void withoutACommonLanguageTheReasonSaysSoForNoPoints() {
        Score score = MatchScore.score(speaking(venture(1), "fr", "ar"), withLanguages(mentor(10), "ko", "en"), W);

        assertEquals(new Reason(MatchScore.NO_LANGUAGE, 0, List.of()), reason(score, MatchScore.NO_LANGUAGE));
        assertEquals(60, score.total());
    }

    @Test
    void theRegionCountsOnlyForAVentureThatWantsToMeetInPerson() {
        assertEquals(new Reason(MatchScore.REGION, 20, List.of("Seoul")),
                reason(MatchScore.score(venture(1), where(mentor(10), "Seoul", Mode.IN_PERSON), W), MatchScore.REGION));

        Score online = MatchScore.score(venture(1), where(mentor(10), "Seoul", Mode.ONLINE), W);
        assertEquals(new Reason(MatchScore.ONLINE_ONLY, 0, List.of()), reason(online, MatchScore.ONLINE_ONLY));
        assertEquals(80, online.total());

        Score elsewhere = MatchScore.score(venture(1), where(mentor(10), "Busan", Mode.BOTH), W);
        assertEquals(new Reason(MatchScore.OTHER_REGION, 0, List.of("Busan")), reason(elsewhere, MatchScore.OTHER_REGION));

        Score noRegion = MatchScore.score(venture(1), where(mentor(10), null, Mode.IN_PERSON), W);
        assertEquals(new Reason(MatchScore.OTHER_REGION, 0, List.of("")), reason(noRegion, MatchScore.OTHER_REGION));

        Score happyOnline = MatchScore.score(meeting(venture(1), "Seoul", false), where(mentor(10), "Seoul", Mode.BOTH), W);
        assertEquals(List.of(MatchScore.LANGUAGE, MatchScore.NEEDS, MatchScore.CAPACITY), keys(happyOnline));
        assertEquals(80, happyOnline.total());
    }

    @Test
    void capacityGivesTheShareOfPlacesLeft() {
        // 10 * 3 / 4 = 7.5: 8
        assertEquals(new Reason(MatchScore.CAPACITY, 8, List.of("3", "4")),
                reason(MatchScore.score(venture(1), load(mentor(10), 4, 1), W), MatchScore.CAPACITY));
        assertEquals(new Reason(MatchScore.CAPACITY, 3, List.of("1", "3")),
                reason(MatchScore.score(venture(1), load(mentor(10), 3, 2), W), MatchScore.CAPACITY));
        // a cap lowered below the active count leaves no places, not a negative share
        assertEquals(new Reason(MatchScore.CAPACITY, 0, List.of("0", "2")),
                reason(MatchScore.score(venture(1), load(mentor(10), 2, 5), W), MatchScore.CAPACITY));
        assertEquals(new Reason(MatchScore.CAPACITY, 0, List.of("0", "0")),
                reason(MatchScore.score(venture(1), load(mentor(10), 0, 0), W), MatchScore.CAPACITY));
    }

    @Test
    void aProgrammesOwnWeightsScaleEachPartAndZeroSwitchesAPartOff() {
        Weights needsFirst = new Weights(0, 100, 0, 50);
        Score score = MatchScore.score(needing(venture(1), "finance", "legal", "hr"), load(mentor(10), 4, 2), needsFirst);

        assertEquals(List.of(
                new Reason(MatchScore.LANGUAGE, 0, List.of("ko")),
                new Reason(MatchScore.NEEDS, 67, List.of("2", "3", "finance, legal")),
                new Reason(MatchScore.REGION, 0, List.of("Seoul")),
                new Reason(MatchScore.CAPACITY, 25, List.of("2", "4"))), score.reasons());
        assertEquals(92, score.total());
    }

    @Test
    void weightsRefuseNegativesAndMoreThanAHundred() {
        assertThrows(IllegalArgumentException.class, () -> new Weights(-1, 30, 20, 10));
        assertThrows(IllegalArgumentException.class, () -> new Weights(40, -5, 20, 10));
        assertThrows(IllegalArgumentException.class, () -> new Weights(40, 30, -20, 10));
        assertThrows(IllegalArgumentException.class, () -> new Weights(40, 30, 20, -1));
        assertThrows(IllegalArgumentException.class, () -> new Weights(101, 30, 20, 10));
        assertEquals(400, new Weights(100, 100, 100, 100).max());
        assertEquals(new Weights(40, 30, 20, 10), Weights.DEFAULT);
    }

    @Test
    void aScoreIsTheSumOfItsReasons() {
        assertThrows(IllegalArgumentException.class, () -> new Score(5, List.of(new Reason(MatchScore.CAPACITY, 4, List.of()))));
    }

    @Test
    void eachExclusionAndNoneForAnOfferableMentor() {
        assertEquals(Optional.empty(), MatchScore.exclusion(venture(1), mentor(10)));
        assertEquals(Optional.of(Exclusion.AT_CAP), MatchScore.exclusion(venture(1), load(mentor(10), 3, 3)));
        assertEquals(Optional.of(Exclusion.AT_CAP), MatchScore.exclusion(venture(1), load(mentor(10), 0, 0)));
        assertEquals(Optional.of(Exclusion.AT_CAP), MatchScore.exclusion(venture(1), load(mentor(10), 2, 4)));
        assertEquals(Optional.of(Exclusion.CONFLICT), MatchScore.exclusion(venture(1), conflictedWith(mentor(10), 1L, 7L)));
        assertEquals(Optional.empty(), MatchScore.exclusion(venture(2), conflictedWith(mentor(10), 1L, 7L)));
        assertEquals(Optional.of(Exclusion.UNAVAILABLE), MatchScore.exclusion(venture(1), unavailable(mentor(10))));
    }

    @Test
    void whenSeveralExclusionsHoldTheOneARaisedCapWouldNotLiftIsGiven() {
        MentorCandidate full = load(mentor(10), 2, 2);
        assertEquals(Optional.of(Exclusion.CONFLICT), MatchScore.exclusion(venture(1), unavailable(conflictedWith(full, 1L))));
        assertEquals(Optional.of(Exclusion.UNAVAILABLE), MatchScore.exclusion(venture(1), unavailable(full)));
    }

    @Test
    void theRoundsQuickTotalAgreesWithTheScoreOnManyRandomPairs() {
        Random random = new Random(20_250_611);
        for (int i = 0; i < 5_000; i++) {
            VentureNeeds v = MatchingFixtures.randomVenture(random, 1 + random.nextInt(5));
            MentorCandidate m = MatchingFixtures.randomMentor(random, 1, 1 + random.nextInt(8), 5);
            Weights w = new Weights(random.nextInt(101), random.nextInt(101), random.nextInt(101), random.nextInt(101));
            assertEquals(MatchScore.score(v, m, w).total(),
                    MatchScore.total(v, MatchScore.Folded.of(v), m, MatchScore.Folded.of(m), w), () -> v + " / " + m);
        }
    }
}

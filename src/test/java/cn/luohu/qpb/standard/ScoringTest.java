package cn.luohu.qpb.standard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scoring rules at every boundary. */
class ScoringTest {

    private static final StarBands BANDS = StarBands.of("60", "65", "75", "85", "95");

    /** A base of exactly 100: A (SCALE 0..90 by 0.5), B (CHECK 5), C (DEDUCT 5, 1 per occurrence). */
    private static ScoringScheme scheme(IndicatorRule... extra) {
        List<IndicatorRule> rules = new java.util.ArrayList<>(List.of(
                IndicatorRule.scale("A", "90", "0.5"),
                IndicatorRule.check("B", "5"),
                IndicatorRule.deduct("C", "5", "1")));
        rules.addAll(List.of(extra));
        return new ScoringScheme(rules, BANDS, new BigDecimal("5"));
    }

    private static Map<String, IndicatorInput> full(String a) {
        Map<String, IndicatorInput> inputs = new HashMap<>();
        inputs.put("A", IndicatorInput.score(a));
        inputs.put("B", IndicatorInput.met(true));
        inputs.put("C", IndicatorInput.occurrences(0));
        return inputs;
    }

    @ParameterizedTest(name = "total {0} earns {1} stars")
    @CsvSource({
            "100, 5", "95, 5", "94.5, 4", "85, 4", "84.5, 3", "75, 3", "74.5, 2", "65, 2", "64.5, 1",
            "60, 1", "59.5, 0", "10, 0"})
    void everyBandEdge(String total, int stars) {
        // A carries the total minus the 10 points of B and C
        String a = new BigDecimal(total).subtract(BigDecimal.TEN).toPlainString();
        ScoringResult result = Scoring.score(scheme(), full(a));
        assertEquals(0, new BigDecimal(total).compareTo(result.total()));
        assertEquals(stars, result.bandStars());
        assertEquals(stars, result.stars());
        if (stars > 0) {
            assertEquals(0, BANDS.minimumFor(stars).compareTo(result.bandMinimum()));
        } else {
            assertNull(result.bandMinimum());
        }
    }

    @ParameterizedTest(name = "{0} on a step of 0.5: {1}")
    @CsvSource({"0, OK", "0.5, OK", "2.50, OK", "2.500, OK", "89.5, OK", "90, OK", "90.0, OK",
            "2.3, OFF_STEP", "0.25, OFF_STEP", "89.99, OFF_STEP",
            "-0.5, OUT_OF_RANGE", "90.5, OUT_OF_RANGE", "1000, OUT_OF_RANGE"})
    void scalesMustStayInRangeAndOnTheStep(String score, String expected) {
        ScoreProblem.Kind problem = Scoring.problemOf(IndicatorRule.scale("A", "90", "0.5"), IndicatorInput.score(score));
        assertEquals(expected, problem == null ? "OK" : problem.name());
    }

    @Test
    void aStepOfOneAcceptsOnlyWholePoints() {
        IndicatorRule rule = IndicatorRule.scale("S", "10", "1");
        assertNull(Scoring.problemOf(rule, IndicatorInput.score("7")));
        assertNull(Scoring.problemOf(rule, IndicatorInput.score("7.00")));
        assertEquals(ScoreProblem.Kind.OFF_STEP, Scoring.problemOf(rule, IndicatorInput.score("7.5")));
    }

    @Test
    void thePointsOfOneEntryFollowItsMethodAndAreNullWhenNothingValidWasEntered() {
        assertEquals(new BigDecimal("4"), Scoring.pointsOf(IndicatorRule.check("B", "4"), IndicatorInput.met(true)));
        assertEquals(BigDecimal.ZERO, Scoring.pointsOf(IndicatorRule.check("B", "4"), IndicatorInput.met(false)));
        assertEquals(new BigDecimal("8.5"), Scoring.pointsOf(IndicatorRule.scale("A", "10", "0.5"), IndicatorInput.score("8.5")));
        assertEquals(new BigDecimal("1"), Scoring.pointsOf(IndicatorRule.deduct("C", "5", "2"), IndicatorInput.occurrences(2)));
        assertEquals(BigDecimal.ZERO, Scoring.pointsOf(IndicatorRule.deduct("C", "5", "2"), IndicatorInput.occurrences(3)));
        assertNull(Scoring.pointsOf(IndicatorRule.check("B", "4"), null));
        assertNull(Scoring.pointsOf(IndicatorRule.check("B", "4"), new IndicatorInput(null, null, null)));
        assertNull(Scoring.pointsOf(IndicatorRule.scale("A", "10", "0.5"), IndicatorInput.score("11")));
    }

    @Test
    void deductionsNeverGoBelowZero() {
        IndicatorRule rule = IndicatorRule.deduct("C", "5", "2");
        ScoringScheme scheme = new ScoringScheme(List.of(rule), BANDS, null);
        assertEquals(0, new BigDecimal("5").compareTo(Scoring.score(scheme, Map.of("C", IndicatorInput.occurrences(0))).total()));
        assertEquals(0, new BigDecimal("3").compareTo(Scoring.score(scheme, Map.of("C", IndicatorInput.occurrences(1))).total()));
        assertEquals(0, new BigDecimal("1").compareTo(Scoring.score(scheme, Map.of("C", IndicatorInput.occurrences(2))).total()));
        assertEquals(0, BigDecimal.ZERO.compareTo(Scoring.score(scheme, Map.of("C", IndicatorInput.occurrences(3))).total()));
        assertEquals(0, BigDecimal.ZERO.compareTo(Scoring.score(scheme, Map.of("C", IndicatorInput.occurrences(1000))).total()));
    }

    @Test
    void occurrencesMustBeASaneCount() {
        IndicatorRule rule = IndicatorRule.deduct("C", "5", "1");
        assertEquals(ScoreProblem.Kind.BAD_OCCURRENCES, Scoring.problemOf(rule, IndicatorInput.occurrences(-1)));
        assertEquals(ScoreProblem.Kind.BAD_OCCURRENCES, Scoring.problemOf(rule, IndicatorInput.occurrences(1001)));
        assertNull(Scoring.problemOf(rule, IndicatorInput.occurrences(1000)));
    }

    @Test
    void theInputMustFitTheMethod() {
        assertEquals(ScoreProblem.Kind.WRONG_INPUT, Scoring.problemOf(IndicatorRule.check("B", "5"), IndicatorInput.score("5")));
        assertEquals(ScoreProblem.Kind.WRONG_INPUT, Scoring.problemOf(IndicatorRule.scale("A", "5", "1"), IndicatorInput.met(true)));
        assertEquals(ScoreProblem.Kind.WRONG_INPUT, Scoring.problemOf(IndicatorRule.deduct("C", "5", "1"), IndicatorInput.score("1")));
        ScoringResult result = Scoring.score(scheme(), Map.of("A", IndicatorInput.met(true)));
        assertEquals(List.of(new ScoreProblem("A", ScoreProblem.Kind.WRONG_INPUT)), result.problems());
        assertEquals(0, BigDecimal.ZERO.compareTo(result.indicatorScores().get("A")), "a refused input counts nothing");
    }

    @Test
    void checksGiveAllOrNothing() {
        Map<String, IndicatorInput> inputs = full("80");
        assertEquals(0, new BigDecimal("90").compareTo(Scoring.score(scheme(), inputs).total()));
        inputs.put("B", IndicatorInput.met(false));
        assertEquals(0, new BigDecimal("85").compareTo(Scoring.score(scheme(), inputs).total()));
    }

    @Test
    void bonusPointsComeOnTopUpToTheCap() {
        ScoringScheme scheme = scheme(IndicatorRule.check("X", "3").asBonus(), IndicatorRule.check("Y", "4").asBonus());
        Map<String, IndicatorInput> inputs = full("84");
        inputs.put("X", IndicatorInput.met(true));
        inputs.put("Y", IndicatorInput.met(false));
        ScoringResult three = Scoring.score(scheme, inputs);
        assertEquals(0, new BigDecimal("94").compareTo(three.baseTotal()));
        assertEquals(0, new BigDecimal("3").compareTo(three.bonusTotal()));
        assertEquals(0, new BigDecimal("97").compareTo(three.total()));
        assertEquals(5, three.stars());

        inputs.put("Y", IndicatorInput.met(true));
        ScoringResult capped = Scoring.score(scheme, inputs);
        assertEquals(0, new BigDecimal("7").compareTo(capped.bonusEarned()));
        assertEquals(0, new BigDecimal("5").compareTo(capped.bonusTotal()), "7 earned, 5 count");
        assertEquals(0, new BigDecimal("99").compareTo(capped.total()));

        ScoringScheme uncapped = new ScoringScheme(scheme.indicators(), BANDS, null);
        assertEquals(0, new BigDecimal("101").compareTo(Scoring.score(uncapped, inputs).total()),
                "without a cap a total may pass 100");
    }

    @Test
    void aFailedVetoCapsTheStarWhateverTheTotal() {
        ScoringScheme scheme = scheme(IndicatorRule.check("V", "0").asVeto(0));
        Map<String, IndicatorInput> inputs = full("90");
        inputs.put("V", IndicatorInput.met(true));
        ScoringResult passed = Scoring.score(scheme, inputs);
        assertEquals(5, passed.stars());
        assertTrue(passed.failedVetoes().isEmpty());
        assertNull(passed.vetoCap());

        inputs.put("V", IndicatorInput.met(false));
        ScoringResult vetoed = Scoring.score(scheme, inputs);
        assertEquals(5, vetoed.bandStars(), "the band is still reported");
        assertEquals(0, vetoed.stars());
        assertEquals(List.of(new ScoringResult.FailedVeto("V", 0)), vetoed.failedVetoes());
    }

    @Test
    void withSeveralVetoesTheLowestCapApplies() {
        ScoringScheme scheme = scheme(IndicatorRule.check("V3", "0").asVeto(3), IndicatorRule.check("V1", "0").asVeto(1),
                IndicatorRule.deduct("V2", "2", "1").asVeto(2));
        Map<String, IndicatorInput> inputs = full("90");
        inputs.put("V3", IndicatorInput.met(false));
        inputs.put("V1", IndicatorInput.met(true));
        inputs.put("V2", IndicatorInput.occurrences(0));
        assertEquals(3, Scoring.score(scheme, inputs).stars());
        inputs.put("V1", IndicatorInput.met(false));
        inputs.put("V2", IndicatorInput.occurrences(1));
        ScoringResult result = Scoring.score(scheme, inputs);
        assertEquals(1, result.vetoCap());
        assertEquals(1, result.stars());
        assertEquals(3, result.failedVetoes().size());
    }

    @Test
    void aVetoCapAboveTheBandChangesNothing() {
        ScoringScheme scheme = scheme(IndicatorRule.check("V", "0").asVeto(4));
        Map<String, IndicatorInput> inputs = full("60");
        inputs.put("V", IndicatorInput.met(false));
        ScoringResult result = Scoring.score(scheme, inputs);
        assertEquals(2, result.bandStars());
        assertEquals(2, result.stars());
    }

    @Test
    void missingIndicatorsAreListedAndCountNothing() {
        ScoringResult result = Scoring.score(scheme(), Map.of("A", IndicatorInput.score("50")));
        assertEquals(List.of("B", "C"), result.missing());
        assertFalse(result.isComplete());
        assertEquals(0, new BigDecimal("50").compareTo(result.total()));
        assertTrue(Scoring.score(scheme(), full("50")).isComplete());
    }

    @Test
    void anEmptyStandardIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ScoringScheme(List.of(), BANDS, null));
        assertThrows(IllegalArgumentException.class, () -> new StarBands(List.of(BigDecimal.ONE)));
    }
}

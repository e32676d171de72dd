package cn.luohu.qpb.standard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StandardRulesTest {

    private static List<String> keys(StandardDefinition standard) {
        return StandardRules.problems(standard).stream().map(StandardRules.Problem::key).toList();
    }

    private static StandardDefinition withBands(StarBands bands, String bonusCap) {
        StandardDefinition valid = StandardServiceTest.valid("R");
        return new StandardDefinition(valid.code(), valid.name(), 1, valid.categories(), null, valid.dimensions(), bands,
                bonusCap == null ? null : new BigDecimal(bonusCap));
    }

    @Test
    void aValidStandardHasNoProblem() {
        assertEquals(List.of(), keys(StandardServiceTest.valid("R")));
    }

    @Test
    void bandsMustStrictlyRiseAndStayWithinRange() {
        assertEquals(List.of("standard.problem.bands-order"), keys(withBands(StarBands.of("60", "60", "75", "85", "95"), "5")));
        assertEquals(List.of("standard.problem.bands-order"), keys(withBands(StarBands.of("60", "65", "75", "95", "85"), "5")));
        assertEquals(List.of("standard.problem.band-range"), keys(withBands(StarBands.of("0", "65", "75", "85", "95"), "5")));
        assertEquals(List.of("standard.problem.band-range"), keys(withBands(StarBands.of("60", "65", "75", "85", "105.5"), "5")));
        assertEquals(List.of(), keys(withBands(StarBands.of("60", "65", "75", "85", "105"), "5")), "up to 100 + the bonus cap");
        assertEquals(List.of("standard.problem.band-range"), keys(withBands(StarBands.of("60", "65", "75", "85", "101"), null)));
    }

    @Test
    void scoringFieldsMustFitTheMethod() {
        IndicatorDefinition deductWithout = new IndicatorDefinition("D", "t", "g", "q", ScoringMethod.DEDUCT, new BigDecimal("5"),
                null, null, false, null, false, null, false);
        IndicatorDefinition vetoWithoutCap = new IndicatorDefinition("V", "t", "g", "q", ScoringMethod.CHECK, BigDecimal.ZERO,
                null, null, false, null, true, null, false);
        IndicatorDefinition vetoBonus = new IndicatorDefinition("VB", "t", "g", "q", ScoringMethod.CHECK, BigDecimal.ZERO,
                null, null, false, null, true, 0, true);
        StandardDefinition valid = StandardServiceTest.valid("R");
        StandardDefinition standard = new StandardDefinition("R", "n", 1, valid.categories(), null, List.of(
                valid.dimensions().getFirst(), valid.dimensions().get(1),
                new DimensionDefinition("其他", List.of(deductWithout, vetoWithoutCap, vetoBonus))), valid.bands(), valid.bonusCap());
        assertEquals(List.of("standard.problem.deduction", "standard.problem.veto-cap", "standard.problem.veto-and-bonus",
                "standard.problem.base-not-100"), keys(standard));
    }
}

package cn.luohu.qpb.standard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a standard must satisfy before it is published, checked all at once so that district staff see
 * every problem in one list. Pure: no Spring, no SQL.
 */
public final class StandardRules {

    public static final BigDecimal BASE_TOTAL = new BigDecimal("100");

    private StandardRules() {
    }

    /** One problem: a translation key, and the indicator or dimension it concerns (may be null). */
    public record Problem(String key, String subject) {
    }

    public static List<Problem> problems(StandardDefinition standard) {
        List<Problem> problems = new ArrayList<>();
        if (standard.categories().isEmpty()) {
            problems.add(new Problem("standard.problem.no-category", null));
        }
        if (standard.indicators().isEmpty()) {
            problems.add(new Problem("standard.problem.no-indicator", null));
        }
        for (DimensionDefinition dimension : standard.dimensions()) {
            if (dimension.name() == null || dimension.name().isBlank()) {
                problems.add(new Problem("standard.problem.dimension-name", null));
            }
            if (dimension.indicators().isEmpty()) {
                problems.add(new Problem("standard.problem.empty-dimension", dimension.name()));
            }
        }
        Set<String> codes = new HashSet<>();
        BigDecimal base = BigDecimal.ZERO;
        for (IndicatorDefinition indicator : standard.indicators()) {
            String subject = indicator.code();
            if (indicator.code() == null || indicator.code().isBlank()) {
                problems.add(new Problem("standard.problem.code-missing", indicator.title()));
            } else if (!codes.add(indicator.code())) {
                problems.add(new Problem("standard.problem.code-duplicate", subject));
            }
            if (blank(indicator.title())) {
                problems.add(new Problem("standard.problem.title-missing", subject));
            }
            if (blank(indicator.guidance())) {
                problems.add(new Problem("standard.problem.guidance-missing", subject));
            }
            if (blank(indicator.qualityStandard())) {
                problems.add(new Problem("standard.problem.quality-missing", subject));
            }
            problems.addAll(scoringProblems(indicator));
            if (!indicator.bonus() && indicator.maxScore() != null) {
                base = base.add(indicator.maxScore());
            }
        }
        if (base.compareTo(BASE_TOTAL) != 0) {
            problems.add(new Problem("standard.problem.base-not-100", base.stripTrailingZeros().toPlainString()));
        }
        problems.addAll(bandProblems(standard));
        return problems;
    }

    private static List<Problem> scoringProblems(IndicatorDefinition indicator) {
        List<Problem> problems = new ArrayList<>();
        String subject = indicator.code();
        if (indicator.method() == null) {
            problems.add(new Problem("standard.problem.method-missing", subject));
            return problems;
        }
        if (indicator.maxScore() == null || indicator.maxScore().signum() < 0
                || indicator.maxScore().compareTo(BASE_TOTAL) > 0) {
            problems.add(new Problem("standard.problem.max-range", subject));
            return problems;
        }
        if (indicator.method() == ScoringMethod.SCALE && (indicator.step() == null || indicator.step().signum() <= 0
                || indicator.maxScore().remainder(indicator.step()).signum() != 0)) {
            problems.add(new Problem("standard.problem.step", subject));
        }
        if (indicator.method() == ScoringMethod.DEDUCT && (indicator.deduction() == null || indicator.deduction().signum() <= 0)) {
            problems.add(new Problem("standard.problem.deduction", subject));
        }
        if (indicator.veto() && (indicator.vetoStarCap() == null || indicator.vetoStarCap() < 0
                || indicator.vetoStarCap() >= StarBands.LEVELS)) {
            problems.add(new Problem("standard.problem.veto-cap", subject));
        }
        if (indicator.veto() && indicator.bonus()) {
            problems.add(new Problem("standard.problem.veto-and-bonus", subject));
        }
        return problems;
    }

    /** Five stars needs the highest total, one star the lowest, all within 0 .. 100 + bonus cap. */
    private static List<Problem> bandProblems(StandardDefinition standard) {
        List<Problem> problems = new ArrayList<>();
        if (standard.bands() == null) {
            problems.add(new Problem("standard.problem.bands-missing", null));
            return problems;
        }
        if (standard.bonusCap() != null && standard.bonusCap().signum() < 0) {
            problems.add(new Problem("standard.problem.bonus-cap", null));
        }
        BigDecimal ceiling = BASE_TOTAL.add(standard.bonusCap() == null ? BigDecimal.ZERO : standard.bonusCap().max(BigDecimal.ZERO));
        for (int stars = 1; stars <= StarBands.LEVELS; stars++) {
            BigDecimal minimum = standard.bands().minimumFor(stars);
            if (minimum == null || minimum.signum() <= 0 || minimum.compareTo(ceiling) > 0) {
                problems.add(new Problem("standard.problem.band-range", String.valueOf(stars)));
            } else if (stars > 1 && standard.bands().minimumFor(stars - 1) != null
                    && minimum.compareTo(standard.bands().minimumFor(stars - 1)) <= 0) {
                problems.add(new Problem("standard.problem.bands-order", String.valueOf(stars)));
            }
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

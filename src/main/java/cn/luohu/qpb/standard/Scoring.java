package cn.luohu.qpb.standard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where assessments are scored (DOMAIN.md "Standards"): per-indicator checks, base and
 * capped bonus totals, the star band, veto caps and the resulting star. Pure: no Spring, no SQL.
 */
public final class Scoring {

    /** More occurrences than this is a typing error, not a count. */
    static final int MAX_OCCURRENCES = 1000;

    private Scoring() {
    }

    public static ScoringResult score(ScoringScheme scheme, Map<String, IndicatorInput> inputs) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<ScoreProblem> problems = new ArrayList<>();
        List<ScoringResult.FailedVeto> failedVetoes = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        for (IndicatorRule rule : scheme.indicators()) {
            IndicatorInput input = inputs.get(rule.code());
            if (isEmpty(input)) {
                missing.add(rule.code());
                scores.put(rule.code(), BigDecimal.ZERO);
                continue;
            }
            ScoreProblem.Kind problem = problemOf(rule, input);
            if (problem != null) {
                problems.add(new ScoreProblem(rule.code(), problem));
                scores.put(rule.code(), BigDecimal.ZERO);
                continue;
            }
            BigDecimal points = points(rule, input);
            scores.put(rule.code(), points);
            if (rule.veto() && failed(rule, input, points)) {
                failedVetoes.add(new ScoringResult.FailedVeto(rule.code(), rule.vetoStarCap()));
            }
            if (rule.bonus()) {
                bonus = bonus.add(points);
            } else {
                base = base.add(points);
            }
        }
        BigDecimal countedBonus = scheme.bonusCap() == null ? bonus : bonus.min(scheme.bonusCap());
        BigDecimal total = base.add(countedBonus);
        int bandStars = scheme.bands().starsFor(total);
        BigDecimal bandMinimum = bandStars == 0 ? null : scheme.bands().minimumFor(bandStars);
        Integer vetoCap = failedVetoes.stream().map(ScoringResult.FailedVeto::starCap).min(Integer::compare).orElse(null);
        int stars = vetoCap == null ? bandStars : Math.min(bandStars, vetoCap);
        return new ScoringResult(scores, base, bonus, countedBonus, total, bandStars, bandMinimum,
                List.copyOf(failedVetoes), vetoCap, stars, List.copyOf(missing), List.copyOf(problems));
    }

    /** Whether an input is acceptable for this indicator; null when it is. */
    public static ScoreProblem.Kind problemOf(IndicatorRule rule, IndicatorInput input) {
        return switch (rule.method()) {
            case CHECK -> input.met() == null || input.score() != null || input.occurrences() != null
                    ? ScoreProblem.Kind.WRONG_INPUT : null;
            case SCALE -> {
                if (input.score() == null || input.met() != null || input.occurrences() != null) {
                    yield ScoreProblem.Kind.WRONG_INPUT;
                }
                if (input.score().signum() < 0 || input.score().compareTo(rule.maxScore()) > 0) {
                    yield ScoreProblem.Kind.OUT_OF_RANGE;
                }
                yield input.score().remainder(rule.step()).signum() != 0 ? ScoreProblem.Kind.OFF_STEP : null;
            }
            case DEDUCT -> {
                if (input.occurrences() == null || input.met() != null || input.score() != null) {
                    yield ScoreProblem.Kind.WRONG_INPUT;
                }
                yield input.occurrences() < 0 || input.occurrences() > MAX_OCCURRENCES
                        ? ScoreProblem.Kind.BAD_OCCURRENCES : null;
            }
        };
    }

    /** The points an entry earns for this indicator; null when nothing, or nothing acceptable, was entered. */
    public static BigDecimal pointsOf(IndicatorRule rule, IndicatorInput input) {
        return isEmpty(input) || problemOf(rule, input) != null ? null : points(rule, input);
    }

    private static boolean isEmpty(IndicatorInput input) {
        return input == null || (input.met() == null && input.score() == null && input.occurrences() == null);
    }

    private static BigDecimal points(IndicatorRule rule, IndicatorInput input) {
        return switch (rule.method()) {
            case CHECK -> input.met() ? rule.maxScore() : BigDecimal.ZERO;
            case SCALE -> input.score();
            case DEDUCT -> rule.maxScore().subtract(rule.deduction().multiply(BigDecimal.valueOf(input.occurrences())))
                    .max(BigDecimal.ZERO);
        };
    }

    /** A veto fails when its requirement is not fully met: not met, or any point lost. */
    private static boolean failed(IndicatorRule rule, IndicatorInput input, BigDecimal points) {
        return rule.method() == ScoringMethod.CHECK ? !input.met() : points.compareTo(rule.maxScore()) < 0;
    }
}

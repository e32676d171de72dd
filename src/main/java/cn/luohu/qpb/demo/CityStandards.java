package cn.luohu.qpb.demo;

import cn.luohu.qpb.standard.DimensionDefinition;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.ScoringMethod;
import cn.luohu.qpb.standard.SeedStandards;
import cn.luohu.qpb.standard.StandardDefinition;
import cn.luohu.qpb.standard.StandardRules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The city's six standards, one per category, of {@value #INDICATORS} indicators each: the seeded standards
 * with the record-keeping (台账) of their larger indicators scored apart, one point each, so every standard
 * still has a base of 100 and passes every publishing rule.
 */
final class CityStandards {

    static final int INDICATORS = 60;

    private CityStandards() {
    }

    static List<StandardDefinition> all() {
        return SeedStandards.load().stream().map(CityStandards::of).toList();
    }

    static StandardDefinition of(StandardDefinition seed) {
        List<IndicatorDefinition> candidates = seed.indicators().stream()
                .filter(CityStandards::splittable)
                .sorted(Comparator.comparing(IndicatorDefinition::maxScore).reversed()) // stable: by position among equals
                .limit(INDICATORS - seed.indicators().size())
                .toList();
        if (seed.indicators().size() + candidates.size() != INDICATORS) {
            throw new IllegalStateException(seed.code() + " has too few indicators to split into " + INDICATORS);
        }
        Set<String> split = new HashSet<>(candidates.stream().map(IndicatorDefinition::code).toList());
        List<DimensionDefinition> dimensions = new ArrayList<>();
        for (DimensionDefinition dimension : seed.dimensions()) {
            List<IndicatorDefinition> indicators = new ArrayList<>();
            for (IndicatorDefinition indicator : dimension.indicators()) {
                if (split.contains(indicator.code())) {
                    indicators.add(withoutRecords(indicator));
                    indicators.add(records(indicator));
                } else {
                    indicators.add(indicator);
                }
            }
            dimensions.add(new DimensionDefinition(dimension.name(), indicators));
        }
        StandardDefinition city = new StandardDefinition(seed.code().replaceFirst("^LH-", "SZ-"),
                seed.name().replace("罗湖区", "深圳市"), 1, seed.categories(),
                "城市规模数据：在罗湖区同类指标体系基础上，将主要指标的台账要求单列计分。", dimensions, seed.bands(), seed.bonusCap());
        List<StandardRules.Problem> problems = StandardRules.problems(city);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(city.code() + " breaks the publishing rules: " + problems);
        }
        return city;
    }

    /** An indicator that can give one point to its records and keep a valid score of its own. */
    private static boolean splittable(IndicatorDefinition indicator) {
        return !indicator.bonus() && !indicator.veto() && indicator.maxScore().compareTo(BigDecimal.TWO) >= 0
                && (indicator.method() != ScoringMethod.SCALE
                || indicator.maxScore().subtract(BigDecimal.ONE).remainder(indicator.step()).signum() == 0);
    }

    private static IndicatorDefinition withoutRecords(IndicatorDefinition i) {
        return new IndicatorDefinition(i.code(), i.title(), i.guidance(),
                i.qualityStandard() + "（本项台账另计1分，见" + i.code() + "-T）", i.method(),
                i.maxScore().subtract(BigDecimal.ONE), i.step(), i.deduction(), i.evidenceRequired(), i.evidenceHint(),
                false, null, false);
    }

    private static IndicatorDefinition records(IndicatorDefinition i) {
        return new IndicatorDefinition(i.code() + "-T", i.title() + "台账",
                "按照“" + i.title() + "”的要求建立工作台账，逐项记录时间、参加人员和落实情况，做到有据可查。",
                "台账完整、记录规范的，得1分；台账缺失或记录不全的，不得分。", ScoringMethod.CHECK, BigDecimal.ONE,
                null, null, true, "工作台账（扫描件或照片）", false, null, false);
    }
}

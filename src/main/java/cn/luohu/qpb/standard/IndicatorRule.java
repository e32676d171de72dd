package cn.luohu.qpb.standard;

import java.math.BigDecimal;

/**
 * The scoring rule of one indicator, as the scoring needs it.
 *
 * @param step          for SCALE: the allowed increment (e.g. 0.5)
 * @param deduction     for DEDUCT: points taken off per occurrence
 * @param vetoStarCap   for a veto (一票否决) indicator: the highest star the result may have when it fails
 * @param bonus         a bonus (加分项) indicator: its points come on top of the base 100, up to the cap
 */
public record IndicatorRule(String code, ScoringMethod method, BigDecimal maxScore, BigDecimal step,
                            BigDecimal deduction, boolean veto, Integer vetoStarCap, boolean bonus) {

    public static IndicatorRule check(String code, String maxScore) {
        return new IndicatorRule(code, ScoringMethod.CHECK, new BigDecimal(maxScore), null, null, false, null, false);
    }

    public static IndicatorRule scale(String code, String maxScore, String step) {
        return new IndicatorRule(code, ScoringMethod.SCALE, new BigDecimal(maxScore), new BigDecimal(step), null,
                false, null, false);
    }

    public static IndicatorRule deduct(String code, String maxScore, String deduction) {
        return new IndicatorRule(code, ScoringMethod.DEDUCT, new BigDecimal(maxScore), null, new BigDecimal(deduction),
                false, null, false);
    }

    public IndicatorRule asVeto(int starCap) {
        return new IndicatorRule(code, method, maxScore, step, deduction, true, starCap, bonus);
    }

    public IndicatorRule asBonus() {
        return new IndicatorRule(code, method, maxScore, step, deduction, veto, vetoStarCap, true);
    }
}

package cn.luohu.qpb.standard;

import java.math.BigDecimal;

/** What was entered for one indicator: met or not (CHECK), a score (SCALE), or a count (DEDUCT). */
public record IndicatorInput(Boolean met, BigDecimal score, Integer occurrences) {

    public static IndicatorInput met(boolean met) {
        return new IndicatorInput(met, null, null);
    }

    public static IndicatorInput score(String score) {
        return new IndicatorInput(null, new BigDecimal(score), null);
    }

    public static IndicatorInput occurrences(int occurrences) {
        return new IndicatorInput(null, null, occurrences);
    }
}

package cn.luohu.qpb.standard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A scored assessment, explained: the points of every indicator, the totals, the band the total falls
 * in, every failed veto and the cap it imposes, and the resulting star. Indicators without a valid input
 * count 0 and are listed as missing or with their problem.
 *
 * @param bonusEarned the bonus points before the cap
 * @param bonusTotal  the bonus points that count (after the cap)
 * @param bandStars   the star level the total's band gives
 * @param vetoCap     the lowest cap among the failed vetoes, or null when none failed
 * @param stars       the result: the band's stars, lowered to the veto cap
 */
public record ScoringResult(Map<String, BigDecimal> indicatorScores, BigDecimal baseTotal, BigDecimal bonusEarned,
                            BigDecimal bonusTotal, BigDecimal total, int bandStars, BigDecimal bandMinimum,
                            List<FailedVeto> failedVetoes, Integer vetoCap, int stars, List<String> missing,
                            List<ScoreProblem> problems) {

    /** A veto indicator that failed, and the star level it caps the result at. */
    public record FailedVeto(String indicatorCode, int starCap) {
    }

    public boolean isComplete() {
        return missing.isEmpty() && problems.isEmpty();
    }
}

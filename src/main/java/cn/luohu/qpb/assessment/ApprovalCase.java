package cn.luohu.qpb.assessment;

import java.math.BigDecimal;

/**
 * What the district decides on: the recommendation, the star the organisation held, and any direct-grading
 * request (申请直接定级). Holds the one rule of how high an approval may go. {@code reviewedByCaller}: the
 * user asking made a reviewer's move on it at some point (four-eyes).
 */
public record ApprovalCase(long id, long cycleId, String organizationName, AssessmentState state, int starAtOpen, Integer appliedStar,
                           boolean directGradingRequested, String directGradingReason, Integer recommendedStar,
                           BigDecimal reviewTotal, String reviewerName, Integer approvedStar, Boolean directGradingGranted,
                           boolean reviewedByCaller) {

    /**
     * The highest star that may be approved: never above the recommendation, and one level above the
     * current star (逐级晋升) unless district staff grant the direct-grading request.
     */
    public int maxApprovable(boolean directGradingGranted) {
        return maxApprovable(recommendedStar, starAtOpen, directGradingRequested && directGradingGranted);
    }

    /** The same rule for a recommendation given by its parts (the quota meter counts them set-wise). */
    static int maxApprovable(Integer recommendedStar, int starAtOpen, boolean directGradingGranted) {
        int recommended = recommendedStar == null ? 0 : recommendedStar;
        return directGradingGranted ? recommended : Math.min(recommended, starAtOpen + 1);
    }
}

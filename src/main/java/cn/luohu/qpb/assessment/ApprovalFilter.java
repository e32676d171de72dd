package cn.luohu.qpb.assessment;

/**
 * What the district's approval queue is narrowed to: one cycle, and optionally a committee, a category,
 * a recommended star, or only the direct-grading requests.
 */
public record ApprovalFilter(long cycleId, Long committeeId, String category, Integer recommendedStar, boolean directGradingOnly) {

    public static ApprovalFilter of(long cycleId) {
        return new ApprovalFilter(cycleId, null, null, null, false);
    }
}

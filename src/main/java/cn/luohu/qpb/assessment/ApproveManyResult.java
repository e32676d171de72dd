package cn.luohu.qpb.assessment;

import java.util.List;

/**
 * The outcome of approving a selection at once: how many were approved, and the organisations left for
 * a decision of their own (direct-grading requests, one's own reviews) or moved by someone else meanwhile.
 */
public record ApproveManyResult(int approved, List<String> needOwnDecision, List<String> ownReviews, int overtaken) {
}

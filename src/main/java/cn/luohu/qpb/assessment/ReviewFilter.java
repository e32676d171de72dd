package cn.luohu.qpb.assessment;

import java.time.LocalDate;

/**
 * What the reviewer's queue is narrowed to; every part may be null (no narrowing).
 *
 * @param dueBy only assessments whose review is due on or before this day
 */
public record ReviewFilter(AssessmentState state, Long committeeId, String category, Integer appliedStar, LocalDate dueBy) {

    public static ReviewFilter none() {
        return new ReviewFilter(null, null, null, null, null);
    }

    public ReviewFilter withState(AssessmentState newState) {
        return new ReviewFilter(newState, committeeId, category, appliedStar, dueBy);
    }
}

package cn.luohu.qpb.assessment;

import java.util.List;

/**
 * Published inside the transaction of every move, once per call (a bulk approval or a notice batch is
 * one event for all its assessments), so listeners such as notifications can work set-based and commit
 * or roll back together with the move. {@code actorId} is null for the system's moves.
 */
public record AssessmentsMoved(List<Long> assessmentIds, AssessmentState from, AssessmentState to, Long actorId, String comment) {

    public AssessmentsMoved {
        assessmentIds = List.copyOf(assessmentIds);
    }
}

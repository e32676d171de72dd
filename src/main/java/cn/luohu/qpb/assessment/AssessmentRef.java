package cn.luohu.qpb.assessment;

import java.time.LocalDate;

/**
 * What rules about one assessment need to know: whose it is, its state, and the deadline that applies
 * to its self-assessment (the cycle's, or an extension granted to this organisation).
 */
record AssessmentRef(long id, long cycleId, boolean cycleOpen, long organizationId, long standardId,
                     AssessmentState state, int starAtOpen, LocalDate selfDeadline, int rowVersion) {
}

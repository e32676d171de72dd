package cn.luohu.qpb.cycle;

import cn.luohu.qpb.assessment.AssessmentState;

import java.time.LocalDate;

/**
 * An organisation that has not (re)submitted its self-assessment: its state, the deadline that applies to
 * it (the cycle's, or its own extension) and whether that deadline has passed.
 */
public record PendingAssessment(long assessmentId, long organizationId, String code, String name,
                                String committeeName, AssessmentState state, LocalDate deadline,
                                boolean extended, String extensionReason, boolean overdue) {
}

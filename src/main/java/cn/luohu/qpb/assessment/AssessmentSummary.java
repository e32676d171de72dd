package cn.luohu.qpb.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An assessment in a list (a secretary's own, past and present), with its self-assessment deadline (extended
 * where it was).
 */
public record AssessmentSummary(long id, int year, String cycleName, AssessmentState state, BigDecimal selfTotal,
                                Integer appliedStar, LocalDate selfDeadline) {
}

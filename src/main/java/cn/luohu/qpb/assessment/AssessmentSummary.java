package cn.luohu.qpb.assessment;

import java.math.BigDecimal;

/** An assessment in a list (a secretary's own, past and present). */
public record AssessmentSummary(long id, int year, String cycleName, AssessmentState state, BigDecimal selfTotal,
                                Integer appliedStar) {
}

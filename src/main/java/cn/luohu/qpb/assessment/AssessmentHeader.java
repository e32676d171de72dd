package cn.luohu.qpb.assessment;

import cn.luohu.qpb.standard.StarBands;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An assessment's cycle, organisation, state, deadline and application, as the form shows them. */
public record AssessmentHeader(long id, int year, String cycleName, String organizationName, AssessmentState state,
                               LocalDate deadline, int starAtOpen, Integer appliedStar, boolean directGrading,
                               String directGradingReason, String standardName, StarBands bands, BigDecimal bonusCap,
                               int rowVersion) {
}

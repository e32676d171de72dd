package cn.luohu.qpb.assessment;

import java.math.BigDecimal;

/** One recommendation in the district's approval queue. */
public record ApprovalRow(long id, String organizationName, String committeeName, String category, int starAtOpen,
                          Integer appliedStar, boolean directGrading, BigDecimal selfTotal, BigDecimal reviewTotal,
                          int recommendedStar, String reviewerName) {
}

package cn.luohu.qpb.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One assessment in the reviewer's queue. {@code overdue}: still waiting for its review after the review deadline. */
public record ReviewQueueRow(long id, int year, String organizationName, String committeeName, String category,
                             AssessmentState state, Integer appliedStar, BigDecimal selfTotal, LocalDate dueDate,
                             boolean overdue) {
}

package cn.luohu.qpb.cycle;

import cn.luohu.qpb.organization.Category;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/** A cycle as lists and forms show it; times are UTC; {@code assessments} is 0 until it is opened. */
public record CycleSummary(long id, int year, String name, CycleStatus status, LocalDate selfDeadline,
                           LocalDate reviewDeadline, LocalDate approvalDeadline, int noticeDays,
                           Map<Integer, BigDecimal> quotas, Map<Category, Long> standards, LocalDateTime openedAt,
                           LocalDateTime closedAt, int assessments, int rowVersion) {

    /** The cycle's settings, to edit them. */
    public CycleInput input() {
        return new CycleInput(year, name, standards, selfDeadline, reviewDeadline, approvalDeadline, noticeDays, quotas);
    }
}

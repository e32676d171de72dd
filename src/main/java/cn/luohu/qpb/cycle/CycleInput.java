package cn.luohu.qpb.cycle;

import cn.luohu.qpb.organization.Category;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What district staff set for a cycle: the year and a name, the published standard for each category,
 * the three deadlines, the length of the public notice in days, and optional quotas per star level
 * (star 1..5 → the highest share of assessed organisations, in percent; absent = no quota).
 * Values come straight from a form, so any of them may be missing; {@link CycleService} checks them all.
 */
public record CycleInput(Integer year, String name, Map<Category, Long> standards, LocalDate selfDeadline,
                         LocalDate reviewDeadline, LocalDate approvalDeadline, Integer noticeDays,
                         Map<Integer, BigDecimal> quotas) {

    public static final int DEFAULT_NOTICE_DAYS = 5;
    public static final int NOTICE_MIN = 1;
    public static final int NOTICE_MAX = 60;
    public static final int NAME_MAX = 200;
    public static final int YEAR_MIN = 2000;
    public static final int YEAR_MAX = 9999;

    public CycleInput {
        standards = standards == null ? Map.of() : Map.copyOf(standards);
        quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
    }

    /** The same settings with the defaults filled in: a public notice of {@value #DEFAULT_NOTICE_DAYS} days. */
    public CycleInput withDefaults() {
        return noticeDays != null ? this : new CycleInput(year, name, standards, selfDeadline, reviewDeadline,
                approvalDeadline, DEFAULT_NOTICE_DAYS, quotas);
    }
}

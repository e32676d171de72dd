package cn.luohu.qpb.cycle;

import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.standard.StandardSummary;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;

/**
 * Cycles for tests. A cycle is one per year and the demo district shares the database, so tests take
 * far-future years (3000 and on) that nothing else uses, one fresh year per cycle.
 */
public final class CycleFixtures {

    public static final int FIRST_TEST_YEAR = 3000;
    private static int lastYear = FIRST_TEST_YEAR - 1;

    private CycleFixtures() {
    }

    /** A year no cycle has yet. */
    public static synchronized int nextYear(DSLContext dsl) {
        int highest = dsl.select(DSL.max(ASSESSMENT_CYCLE.YEAR)).from(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.YEAR.ge(FIRST_TEST_YEAR)).fetchSingle().value1() instanceof Integer max ? max : 0;
        lastYear = Math.max(lastYear, highest) + 1;
        return lastYear;
    }

    /** For each category, a published standard that serves it (the caller is district staff). */
    public static Map<Category, Long> standards(CycleService cycles) {
        Map<Category, Long> chosen = new EnumMap<>(Category.class);
        for (Map.Entry<Category, List<StandardSummary>> entry : cycles.publishedStandards().entrySet()) {
            // the seeded standard of the category (code without a test prefix) when there is one
            StandardSummary standard = entry.getValue().stream().filter(s -> s.code().startsWith("LH-") && s.version() == 1)
                    .findFirst().orElse(entry.getValue().getFirst());
            chosen.put(entry.getKey(), standard.id());
        }
        return chosen;
    }

    /** Valid settings: the self-assessment deadline given, review two weeks and approval four weeks later. */
    public static CycleInput input(int year, LocalDate selfDeadline, Map<Category, Long> standards) {
        return new CycleInput(year, year + "年度质量党建星级评定", standards, selfDeadline, selfDeadline.plusDays(14),
                selfDeadline.plusDays(28), 5, Map.of());
    }
}

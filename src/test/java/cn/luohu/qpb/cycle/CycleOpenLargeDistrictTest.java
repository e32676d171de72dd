package cn.luohu.qpb.cycle;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_EVENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A district of 20,000 more assessed organisations (ten test committees of 2,000 branches, all six
 * categories, stars 0 to 5, made with set-based SQL), and a cycle opened for it and the demo district.
 * Prints the time (nothing is asserted about it). Afterwards the cycle, its assessments and the generated
 * branches are removed, so later tests see the usual district.
 */
class CycleOpenLargeDistrictTest extends IntegrationTest {

    private static final int COMMITTEES = 10;
    private static final int BRANCHES_EACH = 2_000;

    @Autowired
    private CycleService cycles;
    @Autowired
    private DSLContext dsl;

    private final List<String> committeePaths = new ArrayList<>();
    private Long cycleId;

    @AfterEach
    void removeTheCycleAndTheGeneratedDistrict() {
        if (cycleId != null) {
            var ofCycle = DSL.select(ASSESSMENT.ID).from(ASSESSMENT).where(ASSESSMENT.CYCLE_ID.eq(cycleId));
            dsl.deleteFrom(ASSESSMENT_EVENT).where(ASSESSMENT_EVENT.ASSESSMENT_ID.in(ofCycle)).execute();
            dsl.deleteFrom(ASSESSMENT_ITEM).where(ASSESSMENT_ITEM.ASSESSMENT_ID.in(ofCycle)).execute();
            dsl.deleteFrom(ASSESSMENT).where(ASSESSMENT.CYCLE_ID.eq(cycleId)).execute();
            dsl.deleteFrom(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycleId)).execute();
        }
        for (String path : committeePaths) {
            dsl.deleteFrom(ORGANIZATION).where(ORGANIZATION.PATH.startsWith(path).and(ORGANIZATION.DEPTH.gt(1))).execute();
        }
    }

    @Test
    void twentyThousandOrganisationsOpenInSeconds() {
        long generateStart = System.nanoTime();
        for (int c = 1; c <= COMMITTEES; c++) {
            generateCommittee(c);
        }
        System.out.printf("generated %,d branches under %d test committees in %,d ms%n", COMMITTEES * BRANCHES_EACH,
                COMMITTEES, (System.nanoTime() - generateStart) / 1_000_000);

        actAs(data.user(data.districtId(), Role.APPROVER));
        cycleId = cycles.create(CycleFixtures.input(CycleFixtures.nextYear(dsl), cycles.today().plusDays(30),
                CycleFixtures.standards(cycles)));
        int expected = dsl.fetchCount(ORGANIZATION, ORGANIZATION.ACTIVE.isTrue().and(ORGANIZATION.KIND.in("BRANCH", "COMMUNITY_COMMITTEE")));
        assertTrue(expected >= COMMITTEES * BRANCHES_EACH);

        AtomicInteger reports = new AtomicInteger();
        long start = System.nanoTime();
        OpenResult result = cycles.open(cycleId, (done, total) -> reports.incrementAndGet());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(expected, result.assessments());
        assertEquals(expected, result.events());
        assertEquals(expected, dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(cycleId)));
        assertEquals(result.items(), dsl.fetchCount(dsl.select().from(ASSESSMENT_ITEM).join(ASSESSMENT)
                .on(ASSESSMENT.ID.eq(ASSESSMENT_ITEM.ASSESSMENT_ID)).where(ASSESSMENT.CYCLE_ID.eq(cycleId))));
        assertTrue(reports.get() > COMMITTEES * BRANCHES_EACH / CycleService.OPEN_CHUNK, "progress after each range: " + reports.get());
        System.out.printf("opened a cycle for %,d organisations (%,d generated): %,d assessments, %,d item rows, %,d events in %,d ms%n",
                expected, COMMITTEES * BRANCHES_EACH, result.assessments(), result.items(), result.events(), millis);

        long overviewStart = System.nanoTime();
        CycleOverview overview = cycles.overview(cycleId);
        List<PendingAssessment> firstPage = cycles.pending(cycleId, false, 0, 50);
        int pending = cycles.countPending(cycleId, false);
        System.out.printf("overview (%d committees) + first page + count of %,d pending: %,d ms%n",
                overview.committees().size(), pending, (System.nanoTime() - overviewStart) / 1_000_000);
        assertEquals(expected, overview.total());
        assertEquals(50, firstPage.size());
    }

    /** One committee and its 2,000 branches, with three statements whatever the number. */
    private void generateCommittee(int number) {
        long committee = data.committee("两万组织开启测试党工委" + number);
        String path = dsl.select(ORGANIZATION.PATH).from(ORGANIZATION).where(ORGANIZATION.ID.eq(committee)).fetchSingle().value1();
        committeePaths.add(path);
        String prefix = TestData.unique("BIG" + number);
        StringBuilder categories = new StringBuilder();
        for (Category category : Category.values()) {
            categories.append(", '").append(category.name()).append('\'');
        }
        dsl.execute("INSERT INTO organization (parent_id, path, depth, kind, category, code, name, short_name, member_count, current_star) "
                        + "SELECT ?, 'pending', 2, 'BRANCH', ELT(1 + seq % 6" + categories + "), CONCAT(?, '-', seq), "
                        + "CONCAT('中共两万组织测试第', ?, '党工委第', seq, '支部委员会'), CONCAT('测试', ?, '-', seq, '支部'), 3 + seq % 40, seq % 6 "
                        + "FROM seq_1_to_" + BRANCHES_EACH,
                committee, prefix, number, number);
        dsl.update(ORGANIZATION).set(ORGANIZATION.PATH, DSL.concat(DSL.val(path), ORGANIZATION.ID.cast(String.class), DSL.val("/")))
                .where(ORGANIZATION.CODE.startsWith(prefix + "-")).execute();
    }
}

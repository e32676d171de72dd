package cn.luohu.qpb.standard;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static cn.luohu.qpb.jooq.Tables.STANDARD_INDICATOR;
import static cn.luohu.qpb.jooq.Tables.STANDARD_VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing rules, immutability (in the service and in the database) and versions. */
class StandardServiceTest extends IntegrationTest {

    @Autowired
    private StandardService standards;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private cn.luohu.qpb.audit.AuditService audit;

    @BeforeEach
    void loginAsDistrictStaff() {
        actAs(data.user(data.districtId(), Role.APPROVER));
    }

    private static IndicatorDefinition indicator(String code, String max, boolean bonus) {
        return new IndicatorDefinition(code, "指标" + code, "业务指引" + code, "质量标准" + code, ScoringMethod.SCALE,
                new BigDecimal(max), new BigDecimal("0.5"), null, false, null, false, null, bonus);
    }

    /** A small standard that passes every rule: 60 + 40 base points, one bonus, one veto. */
    static StandardDefinition valid(String code) {
        IndicatorDefinition veto = new IndicatorDefinition(code + "-V", "发生严重违纪违法问题", "如实报告", "未发生",
                ScoringMethod.CHECK, BigDecimal.ZERO, null, null, false, null, true, 0, false);
        return new StandardDefinition(code, "测试标准", 1, Set.of(Category.AGENCY), "备注",
                List.of(new DimensionDefinition("组织设置", List.of(indicator(code + "-1", "60", false), veto)),
                        new DimensionDefinition("班子建设", List.of(indicator(code + "-2", "40", false),
                                indicator(code + "-B", "5", true)))),
                StarBands.of("60", "65", "75", "85", "95"), new BigDecimal("5"));
    }

    private String status(long id) {
        return dsl.select(STANDARD_VERSION.STATUS).from(STANDARD_VERSION).where(STANDARD_VERSION.ID.eq(id)).fetchSingle().value1();
    }

    @Test
    void aDraftIsStoredExactlyAndPublished() {
        String code = TestData.unique("STD");
        long id = standards.createDraft(valid(code));
        assertEquals(valid(code), standards.definition(id), "what is read back is what was stored");
        standards.publish(id);
        assertEquals("PUBLISHED", status(id));
        assertTrue(standards.list().stream().anyMatch(s -> s.id() == id && s.indicatorCount() == 4
                && s.status() == StandardStatus.PUBLISHED && s.publishedAt() != null));
    }

    @Test
    void publishingListsEveryProblemAtOnce() {
        StandardDefinition valid = valid(TestData.unique("STD"));
        StandardDefinition broken = new StandardDefinition(valid.code(), valid.name(), 1, Set.of(), null,
                List.of(new DimensionDefinition("空维度", List.of()),
                        new DimensionDefinition("组织设置", List.of(new IndicatorDefinition("X1", "标题", "", "质量标准",
                                ScoringMethod.SCALE, new BigDecimal("50"), new BigDecimal("0.3"), null, false, null, false, null, false)))),
                StarBands.of("60", "65", "65", "85", "95"), null);
        long id = standards.createDraft(broken);
        StandardProblemsException refused = assertThrows(StandardProblemsException.class, () -> standards.publish(id));
        List<String> keys = refused.problems().stream().map(StandardRules.Problem::key).toList();
        assertEquals(List.of("standard.problem.no-category", "standard.problem.empty-dimension",
                "standard.problem.guidance-missing", "standard.problem.step", "standard.problem.base-not-100",
                "standard.problem.bands-order"), keys);
        assertEquals("DRAFT", status(id), "nothing changed");
    }

    @Test
    void aPublishedStandardIsFrozenByTheServiceAndByTheDatabase() {
        long id = standards.createDraft(valid(TestData.unique("STD")));
        int rowVersion = standards.draftVersion(id);
        standards.publish(id);
        assertEquals("standard.error.frozen", assertThrows(PortalException.class,
                () -> standards.saveDraft(id, valid("X"), rowVersion)).messageKey());
        assertEquals("standard.error.frozen", assertThrows(PortalException.class, () -> standards.publish(id)).messageKey());

        assertThrows(DataAccessException.class, () -> dsl.update(STANDARD_VERSION).set(STANDARD_VERSION.NAME, "改名")
                .where(STANDARD_VERSION.ID.eq(id)).execute());
        assertThrows(DataAccessException.class, () -> dsl.update(STANDARD_INDICATOR).set(STANDARD_INDICATOR.MAX_SCORE, BigDecimal.ONE)
                .where(STANDARD_INDICATOR.STANDARD_ID.eq(id)).execute());
        assertThrows(DataAccessException.class, () -> dsl.deleteFrom(STANDARD_INDICATOR)
                .where(STANDARD_INDICATOR.STANDARD_ID.eq(id)).execute());
        assertThrows(DataAccessException.class, () -> dsl.deleteFrom(STANDARD_VERSION).where(STANDARD_VERSION.ID.eq(id)).execute());
        assertEquals(4, dsl.fetchCount(STANDARD_INDICATOR, STANDARD_INDICATOR.STANDARD_ID.eq(id)));
    }

    @Test
    void aCopyBecomesTheNextDraftVersionAndAPublishedOneCanBeRetired() {
        String code = TestData.unique("STD");
        long first = standards.createDraft(valid(code));
        standards.publish(first);
        long second = standards.copyToDraft(first);
        StandardDefinition copy = standards.definition(second);
        assertEquals(2, copy.version());
        assertEquals(standards.definition(first).dimensions(), copy.dimensions());
        assertEquals("DRAFT", status(second));

        standards.retire(first);
        assertEquals("RETIRED", status(first));
        actAs(data.user(data.districtId(), Role.ADMIN));
        assertEquals(List.of("STANDARD_RETIRED", "STANDARD_PUBLISHED", "STANDARD_DRAFT_CREATED"),
                audit.latestFor("standard", first, 3).stream().map(cn.luohu.qpb.audit.AuditEvent::action).toList());
        assertTrue(audit.latestFor("standard", second, 1).getFirst().beforeJson().contains(String.valueOf(first)),
                "the copy records where it came from");
        assertEquals("standard.error.only-published-retire",
                assertThrows(PortalException.class, () -> standards.retire(second)).messageKey());
    }

    @Test
    void aSecondTabCannotOverwriteADraft() {
        long id = standards.createDraft(valid(TestData.unique("STD")));
        int loaded = standards.draftVersion(id);
        StandardDefinition current = standards.definition(id);
        StandardDefinition renamed = new StandardDefinition(current.code(), "第一个窗口的名称", current.version(),
                current.categories(), current.notes(), current.dimensions(), current.bands(), current.bonusCap());
        standards.saveDraft(id, renamed, loaded);
        assertEquals("第一个窗口的名称", standards.definition(id).name());
        assertEquals("error.concurrent-change",
                assertThrows(PortalException.class, () -> standards.saveDraft(id, current, loaded)).messageKey());
    }

    @Test
    void theSixSeededStandardsArePublishedOnePerCategory() {
        List<StandardSummary> seeded = standards.list().stream()
                .filter(s -> s.code().startsWith("LH-") && s.version() == 1).toList();
        assertEquals(6, seeded.size());
        assertTrue(seeded.stream().allMatch(s -> s.status() == StandardStatus.PUBLISHED && s.indicatorCount() >= 25));
        assertEquals(Set.of(Category.values()), seeded.stream().flatMap(s -> s.categories().stream())
                .collect(java.util.stream.Collectors.toSet()));
        StandardSummary community = seeded.stream().filter(s -> s.categories().contains(Category.COMMUNITY)).findFirst().orElseThrow();
        assertEquals(SeedStandards.load().stream().filter(d -> d.code().equals(community.code())).findFirst().orElseThrow(),
                standards.definition(community.id()), "stored exactly as written in the seed file");
    }

    @Test
    void onlyDistrictStaffAndAdministratorsManageStandards() {
        actAs(data.user(data.committee("标准权限测试"), Role.REVIEWER));
        assertThrows(AccessDeniedException.class, () -> standards.list());
        assertThrows(AccessDeniedException.class, () -> standards.createDraft(valid(TestData.unique("STD"))));
        actAs(data.user(data.districtId(), Role.ADMIN));
        assertTrue(standards.createDraft(valid(TestData.unique("STD"))) > 0);
    }
}

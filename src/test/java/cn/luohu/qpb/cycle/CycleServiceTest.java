package cn.luohu.qpb.cycle;

import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.standard.StandardService;
import cn.luohu.qpb.standard.StandardSummary;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_EVENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STANDARD_INDICATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CycleServiceTest extends IntegrationTest {

    @Autowired
    private CycleService cycles;
    @Autowired
    private StandardService standardService;
    @Autowired
    private DSLContext dsl;

    private String staff;
    private Map<Category, Long> standards;
    private LocalDate today;

    @BeforeEach
    void logInAsDistrictStaff() {
        staff = data.user(data.districtId(), Role.APPROVER);
        actAs(staff);
        standards = CycleFixtures.standards(cycles);
        today = cycles.today();
    }

    private int year() {
        return CycleFixtures.nextYear(dsl);
    }

    private CycleInput valid() {
        return CycleFixtures.input(year(), today.plusDays(30), standards);
    }

    private static String refusal(Executable call) {
        return assertThrows(PortalException.class, call).messageKey();
    }

    private static List<String> problems(Executable call) {
        return assertThrows(CycleProblemsException.class, call).problems().stream().map(PortalException::messageKey).toList();
    }

    private static CycleInput with(CycleInput in, LocalDate self, LocalDate review, LocalDate approval, Integer notice,
                                   Map<Integer, BigDecimal> quotas) {
        return new CycleInput(in.year(), in.name(), in.standards(), self, review, approval, notice, quotas);
    }

    private int audits(String action, String entityType, Object entityId) {
        return dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action).and(AUDIT_EVENT.ENTITY_TYPE.eq(entityType))
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(entityId))));
    }

    @Test
    void aCycleIsCreatedWithItsSettingsAndAFiveDayNoticeByDefault() {
        CycleInput in = valid();
        CycleInput noNotice = new CycleInput(in.year(), "  " + in.name() + " ", standards, in.selfDeadline(),
                in.reviewDeadline(), in.approvalDeadline(), null, Map.of(5, new BigDecimal("10"), 4, new BigDecimal("40.5")));
        long id = cycles.create(noNotice);

        CycleSummary stored = cycles.get(id);
        assertEquals(in.year(), stored.year());
        assertEquals(in.name(), stored.name());
        assertEquals(CycleStatus.PLANNED, stored.status());
        assertEquals(5, stored.noticeDays());
        assertEquals(standards, stored.standards());
        assertEquals(in.selfDeadline(), stored.selfDeadline());
        assertEquals(in.approvalDeadline(), stored.approvalDeadline());
        assertEquals(0, new BigDecimal("10").compareTo(stored.quotas().get(5)));
        assertEquals(0, new BigDecimal("40.5").compareTo(stored.quotas().get(4)));
        assertFalse(stored.quotas().containsKey(3), "no quota where none was set");
        assertEquals(0, stored.assessments());
        assertEquals(1, audits("CYCLE_CREATED", "cycle", id));
        assertTrue(cycles.list().stream().anyMatch(c -> c.id() == id));
    }

    @Test
    void thereIsOneCyclePerYear() {
        CycleInput first = valid();
        cycles.create(first);
        assertEquals(List.of("cycle.error.year-taken"), problems(() -> cycles.create(first)));

        long other = cycles.create(valid());
        CycleInput moved = cycles.get(other).input();
        CycleInput clash = new CycleInput(first.year(), moved.name(), moved.standards(), moved.selfDeadline(),
                moved.reviewDeadline(), moved.approvalDeadline(), moved.noticeDays(), moved.quotas());
        assertEquals(List.of("cycle.error.year-taken"), problems(() -> cycles.update(other, clash, cycles.get(other).rowVersion())));
        assertEquals(List.of("cycle.error.year-range"), problems(() -> cycles.create(new CycleInput(1999, "x", standards,
                today, today, today, 5, Map.of()))));
    }

    @Test
    void everyCategoryNeedsAPublishedStandardThatServesIt() {
        Map<Category, Long> withoutAgency = new EnumMap<>(standards);
        withoutAgency.remove(Category.AGENCY);
        CycleInput in = valid();
        assertEquals(List.of("cycle.error.standard-required"), problems(() -> cycles.create(new CycleInput(in.year(),
                in.name(), withoutAgency, in.selfDeadline(), in.reviewDeadline(), in.approvalDeadline(), 5, Map.of()))));

        Map<Category, Long> wrong = new EnumMap<>(standards);
        wrong.put(Category.AGENCY, standards.get(Category.COMMUNITY)); // the community standard does not serve agencies
        CycleProblemsException refused = assertThrows(CycleProblemsException.class, () -> cycles.create(new CycleInput(
                in.year(), in.name(), wrong, in.selfDeadline(), in.reviewDeadline(), in.approvalDeadline(), 5, Map.of())));
        assertEquals("cycle.error.standard-wrong-category", refused.messageKey());
        assertEquals(new PortalException.Key("org.category.AGENCY"), refused.arguments()[0]);

        long draft = standardService.copyToDraft(standards.get(Category.AGENCY));
        Map<Category, Long> unpublished = new EnumMap<>(standards);
        unpublished.put(Category.AGENCY, draft);
        assertEquals(List.of("cycle.error.standard-not-published"), problems(() -> cycles.create(new CycleInput(in.year(),
                in.name(), unpublished, in.selfDeadline(), in.reviewDeadline(), in.approvalDeadline(), 5, Map.of()))));
        assertTrue(cycles.publishedStandards().get(Category.AGENCY).stream().noneMatch(s -> s.id() == draft),
                "the form offers published standards only");
        assertFalse(dsl.fetchExists(ASSESSMENT_CYCLE, ASSESSMENT_CYCLE.YEAR.eq(in.year())), "nothing stored when refused");
    }

    @Test
    void deadlinesAreInOrderAndTheNoticeAndQuotasWithinBounds() {
        CycleInput in = valid();
        LocalDate d = in.selfDeadline();
        assertEquals(List.of("cycle.error.review-before-self"), problems(() -> cycles.create(with(in, d, d.minusDays(1), d, 5, Map.of()))));
        assertEquals(List.of("cycle.error.approval-before-review"), problems(() -> cycles.create(with(in, d, d.plusDays(2), d.plusDays(1), 5, Map.of()))));
        assertEquals(List.of("cycle.error.deadlines-required"), problems(() -> cycles.create(with(in, d, null, d, 5, Map.of()))));
        assertEquals(List.of("cycle.error.notice-days"), problems(() -> cycles.create(with(in, d, d, d, 0, Map.of()))));
        assertEquals(List.of("cycle.error.notice-days"), problems(() -> cycles.create(with(in, d, d, d, 61, Map.of()))));
        assertEquals(List.of("cycle.error.quota-range", "cycle.error.quota-range"), problems(() -> cycles.create(with(in, d, d, d, 5,
                Map.of(1, new BigDecimal("-1"), 5, new BigDecimal("100.01"))))));
        assertEquals(List.of("cycle.error.name-required", "cycle.error.review-before-self", "cycle.error.notice-days"),
                problems(() -> cycles.create(new CycleInput(in.year(), " ", standards, d, d.minusDays(1), d, 99, Map.of()))),
                "every problem at once");

        // the boundaries themselves are allowed: the same day for all three deadlines, 1 and 60 days, 0 and 100 %
        long sameDay = cycles.create(with(in, d, d, d, 1, Map.of(1, BigDecimal.ZERO, 5, new BigDecimal("100"))));
        assertEquals(1, cycles.get(sameDay).noticeDays());
        long longest = cycles.create(with(valid(), d, d, d, 60, Map.of()));
        assertEquals(60, cycles.get(longest).noticeDays());
    }

    @Test
    void aPlannedCycleIsEditedOnceAndAStaleFormIsRefused() {
        long id = cycles.create(valid());
        CycleSummary loaded = cycles.get(id);
        CycleInput changed = new CycleInput(loaded.year(), "改名后的评定", loaded.standards(), loaded.selfDeadline().plusDays(1),
                loaded.reviewDeadline().plusDays(1), loaded.approvalDeadline().plusDays(1), 7, Map.of(5, BigDecimal.TEN));
        cycles.update(id, changed, loaded.rowVersion());
        CycleSummary saved = cycles.get(id);
        assertEquals("改名后的评定", saved.name());
        assertEquals(7, saved.noticeDays());
        assertEquals(loaded.selfDeadline().plusDays(1), saved.selfDeadline());
        assertEquals(1, audits("CYCLE_UPDATED", "cycle", id));

        assertEquals("error.concurrent-change", refusal(() -> cycles.update(id, changed, loaded.rowVersion())));

        cycles.open(id, OpenProgress.NONE);
        CycleSummary open = cycles.get(id);
        assertEquals("cycle.error.not-planned", refusal(() -> cycles.update(id, open.input(), open.rowVersion())));
    }

    @Test
    void openingMakesOneNotStartedAssessmentWithItsItemsForEachActiveAssessedOrganisation() {
        long committee = data.committee("开启测试党工委");
        long community = data.organization(committee, OrgKind.COMMUNITY_COMMITTEE, Category.COMMUNITY, "开启测试社区党委");
        long generalBranch = data.organization(committee, OrgKind.GENERAL_BRANCH, null, "开启测试党总支");
        long agencyBranch = data.organization(generalBranch, OrgKind.BRANCH, Category.AGENCY, "开启测试机关支部");
        long villageBranch = data.organization(community, OrgKind.BRANCH, Category.URBAN_VILLAGE, "开启测试同乡村支部");
        long inactive = data.organization(committee, OrgKind.BRANCH, Category.COMMUNITY, "已撤销支部");
        dsl.update(ORGANIZATION).set(ORGANIZATION.CURRENT_STAR, 3).where(ORGANIZATION.ID.eq(agencyBranch)).execute();
        dsl.update(ORGANIZATION).set(ORGANIZATION.CURRENT_STAR, 5).where(ORGANIZATION.ID.eq(villageBranch)).execute();
        dsl.update(ORGANIZATION).set(ORGANIZATION.ACTIVE, false).where(ORGANIZATION.ID.eq(inactive)).execute();

        long id = cycles.create(valid());
        int expected = dsl.fetchCount(ORGANIZATION, ORGANIZATION.ACTIVE.isTrue()
                .and(ORGANIZATION.KIND.in(OrgKind.BRANCH.name(), OrgKind.COMMUNITY_COMMITTEE.name())));
        OpenPlan plan = cycles.openPlan(id);
        assertTrue(plan.openable());
        assertEquals(expected, plan.organizations());

        List<int[]> reports = new ArrayList<>();
        OpenResult result = cycles.open(id, (done, total) -> reports.add(new int[]{done, total}));

        assertEquals(expected, result.assessments());
        assertEquals(expected, dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id)));
        assertEquals(expected, dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id)
                .and(ASSESSMENT.STATE.eq(AssessmentState.NOT_STARTED.name()))));
        assertEquals(plan.items(), result.items());
        assertArrayEquals(new int[]{expected, expected}, reports.getLast());
        assertEquals(0, reports.getFirst()[0]);
        assertEquals(CycleStatus.OPEN, cycles.get(id).status());
        assertEquals(expected, cycles.get(id).assessments());

        // each assessment has exactly one item per indicator of its standard
        var items = ASSESSMENT_ITEM.as("i");
        int itemRows = dsl.fetchCount(dsl.select().from(ASSESSMENT).join(items).on(items.ASSESSMENT_ID.eq(ASSESSMENT.ID))
                .where(ASSESSMENT.CYCLE_ID.eq(id)));
        int indicators = dsl.fetchCount(dsl.select().from(ASSESSMENT).join(STANDARD_INDICATOR)
                .on(STANDARD_INDICATOR.STANDARD_ID.eq(ASSESSMENT.STANDARD_ID)).where(ASSESSMENT.CYCLE_ID.eq(id)));
        assertEquals(indicators, itemRows);
        assertEquals(result.items(), itemRows);
        assertTrue(itemRows > 30 * expected, "about forty indicators each: " + itemRows);

        // the right standard, star and committee; only the assessed kinds, only active ones
        var row = dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.CYCLE_ID.eq(id).and(ASSESSMENT.ORGANIZATION_ID.eq(agencyBranch))).fetchSingle();
        assertEquals(standards.get(Category.AGENCY), row.getStandardId());
        assertEquals(3, row.getStarAtOpen());
        assertEquals(committee, row.getCommitteeId(), "the committee above the general branch");
        var village = dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.CYCLE_ID.eq(id).and(ASSESSMENT.ORGANIZATION_ID.eq(villageBranch))).fetchSingle();
        assertEquals(standards.get(Category.URBAN_VILLAGE), village.getStandardId());
        assertEquals(5, village.getStarAtOpen());
        assertEquals(committee, village.getCommitteeId());
        assertTrue(dsl.fetchExists(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id).and(ASSESSMENT.ORGANIZATION_ID.eq(community))));
        for (long left : List.of(inactive, generalBranch, committee, data.districtId())) {
            assertFalse(dsl.fetchExists(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id).and(ASSESSMENT.ORGANIZATION_ID.eq(left))), "left out: " + left);
        }

        // every assessment starts with one event: NOT_STARTED, made by the opener
        long opener = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(staff)).fetchSingle().value1();
        assertEquals(expected, dsl.fetchCount(dsl.select().from(ASSESSMENT_EVENT).join(ASSESSMENT).on(ASSESSMENT.ID.eq(ASSESSMENT_EVENT.ASSESSMENT_ID))
                .where(ASSESSMENT.CYCLE_ID.eq(id).and(ASSESSMENT_EVENT.TO_STATE.eq("NOT_STARTED"))
                        .and(ASSESSMENT_EVENT.FROM_STATE.isNull()).and(ASSESSMENT_EVENT.ACTOR_ID.eq(opener)))));
        assertEquals(expected, result.events());
        assertEquals(1, audits("CYCLE_OPENED", "cycle", id));
    }

    private static void assertArrayEquals(int[] expected, int[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    @Test
    void anOpenedCycleIsNeitherOpenedAgainNorDeletedNorReopenedOnceClosed() {
        long id = cycles.create(valid());
        assertEquals("cycle.error.close-not-open", refusal(() -> cycles.close(id)));
        cycles.open(id, OpenProgress.NONE);
        int assessments = dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id));

        assertEquals("cycle.error.already-open", refusal(() -> cycles.open(id, OpenProgress.NONE)));
        assertEquals("cycle.error.delete-opened", refusal(() -> cycles.delete(id)));
        assertEquals(assessments, dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id)), "nothing made twice");

        // a result recommended but not yet final would be stranded by closing
        long pending = dsl.select(ASSESSMENT.ID).from(ASSESSMENT).where(ASSESSMENT.CYCLE_ID.eq(id)).limit(1).fetchSingle().value1();
        dsl.update(ASSESSMENT).set(ASSESSMENT.STATE, "RECOMMENDED").where(ASSESSMENT.ID.eq(pending)).execute();
        assertEquals("cycle.error.results-pending", refusal(() -> cycles.close(id)));
        dsl.update(ASSESSMENT).set(ASSESSMENT.STATE, "FINAL").where(ASSESSMENT.ID.eq(pending)).execute();

        cycles.close(id);
        assertEquals(CycleStatus.CLOSED, cycles.get(id).status());
        assertEquals(1, audits("CYCLE_CLOSED", "cycle", id));
        assertEquals("cycle.error.closed-no-reopen", refusal(() -> cycles.open(id, OpenProgress.NONE)));
        assertEquals("cycle.error.already-closed", refusal(() -> cycles.close(id)));
        assertEquals("cycle.error.delete-opened", refusal(() -> cycles.delete(id)));
        assertEquals(CycleStatus.CLOSED, cycles.get(id).status());
    }

    @Test
    void aPlannedCycleMayBeDeleted() {
        long id = cycles.create(valid());
        cycles.delete(id);
        assertThrows(NotFoundException.class, () -> cycles.get(id));
        assertEquals(1, audits("CYCLE_DELETED", "cycle", id));
        assertThrows(NotFoundException.class, () -> cycles.delete(id));
    }

    @Test
    void organisationsWithoutAStandardAreListedAndTheOpeningRefused() {
        // a published standard for community organisations that is retired after the cycle chose it
        long copy = standardService.copyToDraft(standards.get(Category.COMMUNITY));
        standardService.publish(copy);
        Map<Category, Long> chosen = new EnumMap<>(standards);
        chosen.put(Category.COMMUNITY, copy);
        long id = cycles.create(CycleFixtures.input(year(), today.plusDays(30), chosen));
        standardService.retire(copy);

        // and an assessed organisation that has no category at all
        long committee = data.committee("无类别测试党工委");
        long uncategorised = data.organization(committee, OrgKind.BRANCH, null, "无类别支部");
        try {
            OpenPlan plan = cycles.openPlan(id);
            assertFalse(plan.openable());
            MissingStandardsException refused = assertThrows(MissingStandardsException.class, () -> cycles.open(id, OpenProgress.NONE));
            List<Category> categories = refused.missing().stream().map(MissingStandard::category).toList();
            assertTrue(categories.contains(null), categories.toString());
            assertTrue(categories.contains(Category.COMMUNITY), categories.toString());
            assertEquals(1, refused.missing().stream().filter(m -> m.category() == null).findFirst().orElseThrow().organizations());
            int communities = dsl.fetchCount(ORGANIZATION, ORGANIZATION.ACTIVE.isTrue().and(ORGANIZATION.CATEGORY.eq("COMMUNITY"))
                    .and(ORGANIZATION.KIND.in("BRANCH", "COMMUNITY_COMMITTEE")));
            assertEquals(communities, refused.missing().stream().filter(m -> m.category() == Category.COMMUNITY).findFirst()
                    .orElseThrow().organizations());
            assertEquals(CycleStatus.PLANNED, cycles.get(id).status(), "nothing opened");
            assertEquals(0, dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id)));
        } finally {
            // other tests open cycles for every active organisation: this one must not stand in their way
            dsl.update(ORGANIZATION).set(ORGANIZATION.ACTIVE, false).where(ORGANIZATION.ID.eq(uncategorised)).execute();
        }
    }

    @Test
    void theOverviewCountsPerStateAndCommitteeAndListsTheOverdue() {
        long committee = data.committee("逾期测试党工委");
        long late = data.branch(committee, "逾期支部");
        long submitted = data.branch(committee, "已提交支部");
        long returned = data.branch(committee, "已退回支部");
        long id = cycles.create(CycleFixtures.input(year(), today.minusDays(3), standards));
        cycles.open(id, OpenProgress.NONE);
        setState(id, submitted, AssessmentState.SUBMITTED);
        setState(id, returned, AssessmentState.RETURNED);

        CycleOverview overview = cycles.overview(id);
        int total = dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id));
        assertEquals(total, overview.total());
        assertEquals(1, overview.count(AssessmentState.SUBMITTED));
        assertEquals(1, overview.count(AssessmentState.RETURNED));
        assertEquals(total - 2, overview.count(AssessmentState.NOT_STARTED));
        CommitteeProgress mine = overview.committees().stream().filter(c -> c.committeeId() == committee).findFirst().orElseThrow();
        assertEquals("逾期测试党工委", mine.committeeName());
        assertEquals(3, mine.total());
        assertEquals(1, mine.count(AssessmentState.NOT_STARTED));
        assertEquals(1, mine.count(AssessmentState.SUBMITTED));
        assertEquals(total, overview.committees().stream().mapToInt(CommitteeProgress::total).sum());
        assertEquals(total - 1, overview.overdue(), "everybody but the submitted one is past the deadline");
        assertEquals(total - 1, cycles.countPending(id, true));
        assertTrue(overdueIds(id).containsAll(List.of(late, returned)));
        assertFalse(overdueIds(id).contains(submitted));

        // paging: the pages together are the whole list, each organisation once
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < total; offset += 50) {
            cycles.pending(id, true, offset, 50).forEach(p -> paged.add(p.organizationId()));
        }
        assertEquals(total - 1, paged.size());
        assertEquals(total - 1, Set.copyOf(paged).size());
    }

    private List<Long> overdueIds(long cycleId) {
        return cycles.pending(cycleId, true, 0, 100_000).stream().map(PendingAssessment::organizationId).toList();
    }

    private void setState(long cycleId, long organizationId, AssessmentState state) {
        dsl.update(ASSESSMENT).set(ASSESSMENT.STATE, state.name())
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.ORGANIZATION_ID.eq(organizationId))).execute();
    }

    private long guard(long cycleId) {
        return dsl.select(ASSESSMENT_CYCLE.GUARD_SEQ).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycleId)).fetchSingle().value1();
    }

    /** An extension writes no cycle row of its own: the guard makes it conflict with closing on another node. */
    @Test
    void extendingAndClosingWriteTheCyclesGuard() {
        long branch = data.branch(data.committee("守卫测试党工委"), "守卫测试支部");
        long id = cycles.create(CycleFixtures.input(year(), today.minusDays(3), standards));
        cycles.open(id, OpenProgress.NONE);
        long before = guard(id);

        cycles.extendDeadline(id, List.of(branch), today.plusDays(7), "因台风停工");
        assertEquals(before + 1, guard(id));
        cycles.close(id);
        assertEquals(before + 2, guard(id));
    }

    @Test
    void aDeadlineIsExtendedWithAReasonForChosenOrganisationsAndAudited() {
        long committee = data.committee("延期测试党工委");
        long first = data.branch(committee, "延期支部一");
        long second = data.branch(committee, "延期支部二");
        long submitted = data.branch(committee, "已提交支部");
        LocalDate deadline = today.minusDays(3);
        long id = cycles.create(CycleFixtures.input(year(), deadline, standards));

        LocalDate until = today.plusDays(7);
        assertEquals(List.of("cycle.error.extend-not-open"), problems(() -> cycles.extendDeadline(id, List.of(first), until, "因疫情封控")));
        cycles.open(id, OpenProgress.NONE);
        setState(id, submitted, AssessmentState.SUBMITTED);
        int overdueBefore = cycles.overview(id).overdue();

        assertEquals(List.of("cycle.error.extend-reason-required"), problems(() -> cycles.extendDeadline(id, List.of(first), until, "  ")));
        assertEquals(List.of("cycle.error.extend-reason-required"), problems(() -> cycles.extendDeadline(id, List.of(first), until, null)));
        assertEquals(List.of("cycle.error.extend-not-after-deadline", "cycle.error.extend-in-past"),
                problems(() -> cycles.extendDeadline(id, List.of(first), deadline, "理由")));
        assertEquals(List.of("cycle.error.extend-after-review"),
                problems(() -> cycles.extendDeadline(id, List.of(first), deadline.plusDays(15), "理由")));
        assertEquals(List.of("cycle.error.extend-none-chosen"), problems(() -> cycles.extendDeadline(id, List.of(), until, "理由")));
        assertEquals(List.of("cycle.error.extend-date-required"), problems(() -> cycles.extendDeadline(id, List.of(first), null, "理由")));
        assertEquals("cycle.error.extend-already-submitted", refusal(() -> cycles.extendDeadline(id, List.of(first, submitted), until, "理由")));
        assertThrows(NotFoundException.class, () -> cycles.extendDeadline(id, List.of(first, committee), until, "理由"));
        assertEquals(overdueBefore, cycles.overview(id).overdue(), "a refusal changes nothing");

        assertEquals(2, cycles.extendDeadline(id, List.of(first, second), until, " 支部书记住院，换届中 "));

        assertEquals(overdueBefore - 2, cycles.overview(id).overdue());
        assertFalse(overdueIds(id).contains(first));
        PendingAssessment extended = cycles.pending(id, false, 0, 100_000).stream()
                .filter(p -> p.organizationId() == first).findFirst().orElseThrow();
        assertTrue(extended.extended());
        assertFalse(extended.overdue());
        assertEquals(until, extended.deadline());
        assertEquals("支部书记住院，换届中", extended.extensionReason());
        long assessment = extended.assessmentId();
        var audit = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("ASSESSMENT_DEADLINE_EXTENDED")
                .and(AUDIT_EVENT.ENTITY_TYPE.eq("assessment")).and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(assessment)))).fetchSingle();
        assertEquals(staff, audit.getActor());
        assertTrue(audit.getAfterJson().contains("支部书记住院") && audit.getAfterJson().contains(until.toString()), audit.getAfterJson());

        // the extension, too, runs out
        clock.advance(Duration.ofDays(8));
        assertTrue(overdueIds(id).contains(first));
        assertEquals(overdueBefore, cycles.overview(id).overdue());
    }

    @Test
    void onlyDistrictStaffRunCycles() {
        long id = cycles.create(valid());
        long committee = data.committee("权限测试党工委");
        for (String user : List.of(data.user(data.districtId(), Role.ADMIN), data.user(committee, Role.REVIEWER),
                data.user(data.branch(committee, "权限测试支部"), Role.SECRETARY))) {
            actAs(user);
            List<Executable> calls = List.of(cycles::list, () -> cycles.get(id), () -> cycles.create(valid()),
                    () -> cycles.open(id, OpenProgress.NONE), () -> cycles.close(id), () -> cycles.delete(id),
                    () -> cycles.overview(id), () -> cycles.pending(id, true, 0, 10), () -> cycles.openPlan(id),
                    () -> cycles.extendDeadline(id, List.of(1L), today, "x"), cycles::publishedStandards);
            for (Executable call : calls) {
                assertInstanceOf(AccessDeniedException.class, assertThrows(Exception.class, call), user);
            }
        }
        actAs(staff);
        assertEquals(CycleStatus.PLANNED, cycles.get(id).status());
    }

    @Test
    void anUnknownCycleIsNotFound() {
        assertThrows(NotFoundException.class, () -> cycles.get(-1));
        assertThrows(NotFoundException.class, () -> cycles.open(-1, OpenProgress.NONE));
        assertThrows(NotFoundException.class, () -> cycles.overview(-1));
        List<StandardSummary> none = cycles.publishedStandards().values().stream().flatMap(List::stream)
                .filter(s -> s.status() != cn.luohu.qpb.standard.StandardStatus.PUBLISHED).toList();
        assertEquals(List.of(), none);
        assertEquals(0, dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(-1L)));
    }

    /** A closed cycle takes no review move, so nothing may be left in a reviewer's hands when it closes. */
    @Test
    void aCycleDoesNotCloseWhileSelfAssessmentsAreSubmittedOrUnderReview() {
        var fixtures = new cn.luohu.qpb.assessment.AssessmentFixtures(dsl);
        long cycle = fixtures.cycle();
        long committee = data.committee("结束测试党工委");
        long submitted = fixtures.assessment(cycle, data.branch(committee, "结束测试甲支部"), AssessmentState.SUBMITTED);
        long inReview = fixtures.assessment(cycle, data.branch(committee, "结束测试乙支部"), AssessmentState.UNDER_REVIEW);
        fixtures.assessment(cycle, data.branch(committee, "结束测试丙支部"), AssessmentState.DRAFT);

        PortalException refused = assertThrows(PortalException.class, () -> cycles.close(cycle));
        assertEquals("cycle.error.in-review", refused.messageKey());
        assertEquals(2, refused.arguments()[0]);
        assertEquals("结束测试甲支部、结束测试乙支部", refused.arguments()[1], "staff learn which ones, in code order");
        assertEquals(CycleStatus.OPEN, cycles.get(cycle).status());

        fixtures.state(submitted, AssessmentState.RETURNED);
        fixtures.state(inReview, AssessmentState.RETURNED);
        cycles.close(cycle);
        assertEquals(CycleStatus.CLOSED, cycles.get(cycle).status());
    }
}

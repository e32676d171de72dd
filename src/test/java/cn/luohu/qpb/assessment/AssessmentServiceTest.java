package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.ScoringMethod;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestDatabase;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_SCORE_CHANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule and refusal of the self-assessment: scope, state, deadline, applied star, completeness, locking. */
class AssessmentServiceTest extends IntegrationTest {

    @Autowired
    private AssessmentService assessments;
    @Autowired
    private ReviewService reviews;
    @Autowired
    private DSLContext dsl;

    private long committee;
    private long organization;
    private String secretary;
    private long assessmentId;

    /** An open cycle with one assessment, of a new branch measured by the seeded community standard. */
    @BeforeEach
    void openAnAssessment() {
        committee = data.committee("自评测试党工委");
        organization = data.branch(committee, "自评测试支部");
        secretary = data.user(organization, Role.SECRETARY);
        assessmentId = new AssessmentFixtures(dsl).openAssessment(organization, 2);
        actAs(secretary);
    }

    private SheetItem item(int index) {
        return assessments.sheet(assessmentId).items().get(index);
    }


    private String state() {
        return dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1();
    }

    /** The states the timeline's moves went to, oldest first. */
    private List<AssessmentState> moves() {
        return assessments.timeline(assessmentId).stream().filter(TimelineEntry.Move.class::isInstance)
                .map(entry -> ((TimelineEntry.Move) entry).to()).toList();
    }

    /** The score change rows of the assessment as "side before→after" (points as stored), oldest first. */
    private List<String> scoreChangeRows() {
        return dsl.selectFrom(ASSESSMENT_SCORE_CHANGE).where(ASSESSMENT_SCORE_CHANGE.ASSESSMENT_ID.eq(assessmentId))
                .orderBy(ASSESSMENT_SCORE_CHANGE.ID)
                .fetch(r -> r.getSide() + " " + plain(r.getPointsBefore()) + "→" + plain(r.getPointsAfter()));
    }

    private static String plain(java.math.BigDecimal points) {
        return points == null ? "-" : points.stripTrailingZeros().toPlainString();
    }

    /** The first item scored by this method that is worth points (a veto may be worth none). */
    private SheetItem firstOf(ScoringMethod method) {
        return assessments.sheet(assessmentId).items().stream()
                .filter(i -> i.indicator().method() == method && i.indicator().maxScore().signum() > 0).findFirst().orElseThrow();
    }

    private String refusal(Runnable action) {
        return assertThrows(PortalException.class, action::run).messageKey();
    }

    /** Fills every item with full marks and adds one evidence file wherever evidence is required. */
    private void fillCompletely() {
        for (SheetItem item : assessments.sheet(assessmentId).items()) {
            assessments.saveItem(item.itemId(), AssessmentFixtures.fullMarks(item.indicator()), "已完成", item.rowVersion());
            if (item.indicator().evidenceRequired()) {
                new AssessmentFixtures(dsl).evidence(assessmentId, item.itemId(), data.userId(secretary));
            }
        }
    }

    @Test
    void theSheetHoldsEveryIndicatorAndTheFirstSaveStartsTheAssessment() {
        AssessmentSheet sheet = assessments.sheet(assessmentId);
        assertEquals(dsl.fetchCount(ASSESSMENT_ITEM, ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId)), sheet.items().size());
        assertEquals(AssessmentState.NOT_STARTED, sheet.header().state());
        SheetItem first = sheet.items().getFirst();
        SavedItem saved = assessments.saveItem(first.itemId(), AssessmentFixtures.fullMarks(first.indicator()), "说明", first.rowVersion());
        assertEquals(first.rowVersion() + 1, saved.itemVersion());
        assertEquals(assessments.sheet(assessmentId).header().rowVersion(), saved.assessmentVersion(), "started: a new version");
        assertEquals("DRAFT", state());
        assertEquals(AssessmentFixtures.fullMarks(first.indicator()).met(), item(0).input().met());
        assertEquals(List.of(AssessmentState.DRAFT), moves());
    }

    @Test
    void anInvalidScoreIsRefusedAndNothingIsSaved() {
        SheetItem scaled = assessments.sheet(assessmentId).items().stream()
                .filter(i -> i.indicator().method() == cn.luohu.qpb.standard.ScoringMethod.SCALE).findFirst().orElseThrow();
        IndicatorInput tooHigh = new IndicatorInput(null, scaled.indicator().maxScore().add(java.math.BigDecimal.ONE), null);
        assertEquals("scoring.problem.OUT_OF_RANGE", refusal(() -> assessments.saveItem(scaled.itemId(), tooHigh, null, scaled.rowVersion())));
        assertEquals("assessment.error.explanation-too-long", refusal(() -> assessments.saveItem(scaled.itemId(), null,
                "长".repeat(cn.luohu.qpb.standard.IndicatorDefinition.EXPLANATION_MAX + 1), scaled.rowVersion())));
        assertEquals("NOT_STARTED", state());
    }

    @Test
    void aSaveFromASecondTabWithAnOldVersionIsRefused() {
        SheetItem first = item(0);
        assessments.saveItem(first.itemId(), AssessmentFixtures.fullMarks(first.indicator()), "第一个窗口", first.rowVersion());
        assertEquals("assessment.error.saved-elsewhere",
                refusal(() -> assessments.saveItem(first.itemId(), null, "第二个窗口", first.rowVersion())));
        assertEquals("第一个窗口", item(0).explanation());
    }

    @Test
    void ofTwoConcurrentSavesExactlyOneWins() throws Exception {
        SheetItem first = item(0);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> saves = new ArrayList<>();
            for (String text : List.of("设备甲", "设备乙")) {
                Callable<Boolean> save = () -> {
                    SecurityContextHolder.getContext().setAuthentication(authentication);
                    start.await();
                    try {
                        assessments.saveItem(first.itemId(), null, text, first.rowVersion());
                        return true;
                    } catch (PortalException refused) {
                        return false;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                saves.add(pool.submit(save));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> save : saves) {
                won += save.get() ? 1 : 0;
            }
            assertEquals(1, won);
            assertEquals(first.rowVersion() + 1, item(0).rowVersion());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStarAppliedForIsAtMostOneAboveTheCurrentUnlessDirectGradingIsAsked() {
        int version = assessments.sheet(assessmentId).header().rowVersion();
        assertEquals("assessment.error.star-too-high", refusal(() -> assessments.saveApplication(assessmentId, 4, false, null, version)));
        assertEquals("assessment.error.star-range", refusal(() -> assessments.saveApplication(assessmentId, 6, false, null, version)));
        assertEquals("assessment.error.direct-grading-reason",
                refusal(() -> assessments.saveApplication(assessmentId, 5, true, " ", version)));
        int saved = assessments.saveApplication(assessmentId, 3, false, null, version);
        assertEquals(3, assessments.sheet(assessmentId).header().appliedStar());
        assessments.saveApplication(assessmentId, 5, true, "获评全国先进基层党组织", saved);
        assertTrue(assessments.sheet(assessmentId).header().directGrading());
        assertEquals("assessment.error.saved-elsewhere", refusal(() -> assessments.saveApplication(assessmentId, 3, false, null, version)));
    }

    @Test
    void submittingListsEveryGapThenLocksTheForm() {
        SubmissionRefusedException refused = assertThrows(SubmissionRefusedException.class, () -> assessments.submit(assessmentId));
        List<String> keys = refused.gaps().stream().map(SubmissionGap::key).distinct().toList();
        assertTrue(keys.containsAll(List.of("assessment.gap.not-scored", "assessment.gap.evidence-missing",
                "assessment.gap.no-applied-star")), keys.toString());

        fillCompletely();
        assessments.saveApplication(assessmentId, 3, false, null, assessments.sheet(assessmentId).header().rowVersion());
        assertEquals(List.of(), assessments.gaps(assessmentId));
        assessments.submit(assessmentId);
        assertEquals("SUBMITTED", state());
        assertFalse(assessments.isEditableByMe(assessmentId));
        SheetItem first = item(0);
        assertEquals("assessment.error.not-editable", refusal(() -> assessments.saveItem(first.itemId(), null, "改", first.rowVersion())));
        assertEquals(List.of(AssessmentState.DRAFT, AssessmentState.SUBMITTED), moves());
        java.math.BigDecimal total = dsl.select(ASSESSMENT.SELF_TOTAL).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId))
                .fetchSingle().value1();
        assertEquals(0, new java.math.BigDecimal("105").compareTo(total), "full base 100 plus the bonus cap of 5: " + total);
    }

    @Test
    void submittingIsClosedAfterTheDeadlineUnlessExtended() {
        fillCompletely();
        assessments.saveApplication(assessmentId, 3, false, null, assessments.sheet(assessmentId).header().rowVersion());
        clock.advance(Duration.ofDays(11));
        SubmissionRefusedException refused = assertThrows(SubmissionRefusedException.class, () -> assessments.submit(assessmentId));
        assertEquals(List.of("assessment.gap.deadline-passed"), refused.gaps().stream().map(SubmissionGap::key).toList());
        dsl.update(ASSESSMENT).set(ASSESSMENT.DEADLINE_EXTENDED_TO, LocalDate.now().plusDays(15)).where(ASSESSMENT.ID.eq(assessmentId)).execute();
        assessments.submit(assessmentId);
        assertEquals("SUBMITTED", state());
    }

    @Test
    void aClosedCycleTakesNoMoreEntries() {
        SheetItem first = item(0);
        dsl.update(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE).set(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.STATUS, "CLOSED")
                .where(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.ID.eq(dsl.select(ASSESSMENT.CYCLE_ID).from(ASSESSMENT)
                        .where(ASSESSMENT.ID.eq(assessmentId)))).execute();
        assertEquals("assessment.error.cycle-not-open", refusal(() -> assessments.saveItem(first.itemId(), null, "晚了", first.rowVersion())));
        assertFalse(assessments.isEditableByMe(assessmentId));
    }

    @Test
    void anotherOrganisationCannotReadOrChangeTheAssessmentByItsIds() {
        long itemId = item(0).itemId();
        actAs(data.user(data.branch(committee, "邻居支部"), Role.SECRETARY));
        assertThrows(NotFoundException.class, () -> assessments.sheet(assessmentId));
        assertThrows(NotFoundException.class, () -> assessments.timeline(assessmentId));
        assertThrows(NotFoundException.class, () -> assessments.saveItem(itemId, null, "篡改", 0));
        assertThrows(NotFoundException.class, () -> assessments.submit(assessmentId));
        actAs(data.user(data.committee("另一党工委"), Role.REVIEWER));
        assertThrows(NotFoundException.class, () -> assessments.timeline(assessmentId));

        actAs(data.user(committee, Role.REVIEWER));
        assertEquals(assessmentId, assessments.sheet(assessmentId).header().id(), "the committee's reviewer may read it");
        assertThrows(AccessDeniedException.class, () -> assessments.saveItem(itemId, null, "评审员不能改", 0));
    }

    @Test
    void aScoreChangeIsRecordedWithWhoOnlyWhenTheItemsPointsChange() {
        SheetItem scaled = firstOf(ScoringMethod.SCALE);
        java.math.BigDecimal max = scaled.indicator().maxScore();
        int version = assessments.saveItem(scaled.itemId(), new IndicatorInput(null, max, null), null, scaled.rowVersion()).itemVersion();
        version = assessments.saveItem(scaled.itemId(), new IndicatorInput(null, max, null), "只改说明", version).itemVersion();
        version = assessments.saveItem(scaled.itemId(), new IndicatorInput(null, max.setScale(3), null), "只改说明", version).itemVersion();
        assessments.saveItem(scaled.itemId(), null, "清空", version);
        SheetItem deduct = firstOf(ScoringMethod.DEDUCT);
        version = assessments.saveItem(deduct.itemId(), IndicatorInput.occurrences(999), null, deduct.rowVersion()).itemVersion();
        assessments.saveItem(deduct.itemId(), IndicatorInput.occurrences(1000), null, version); // another count, still no points
        SheetItem check = firstOf(ScoringMethod.CHECK);
        version = assessments.saveItem(check.itemId(), IndicatorInput.met(true), null, check.rowVersion()).itemVersion();
        assessments.saveItem(check.itemId(), IndicatorInput.met(false), null, version);

        String full = plain(max);
        assertEquals(List.of("SELF -→" + full, "SELF " + full + "→-", "SELF -→0", "SELF -→" + plain(check.indicator().maxScore()),
                "SELF " + plain(check.indicator().maxScore()) + "→0"), scoreChangeRows());
        assertEquals(List.of(data.userId(secretary)), dsl.selectDistinct(ASSESSMENT_SCORE_CHANGE.ACTOR_ID).from(ASSESSMENT_SCORE_CHANGE)
                .where(ASSESSMENT_SCORE_CHANGE.ASSESSMENT_ID.eq(assessmentId)).fetch(ASSESSMENT_SCORE_CHANGE.ACTOR_ID));
    }

    @Test
    void scoreChangesAreAppendOnly() {
        SheetItem check = firstOf(ScoringMethod.CHECK);
        assessments.saveItem(check.itemId(), IndicatorInput.met(true), null, check.rowVersion());
        var changes = ASSESSMENT_SCORE_CHANGE.ASSESSMENT_ID.eq(assessmentId);
        // the application's account may not even try (SELECT and INSERT only) ...
        Exception update = assertThrows(org.springframework.dao.DataAccessException.class,
                () -> dsl.update(ASSESSMENT_SCORE_CHANGE).set(ASSESSMENT_SCORE_CHANGE.POINTS_AFTER, java.math.BigDecimal.ZERO)
                        .where(changes).execute());
        assertTrue(TestDatabase.cause(update).contains("UPDATE command denied"), TestDatabase.cause(update));
        Exception delete = assertThrows(org.springframework.dao.DataAccessException.class,
                () -> dsl.deleteFrom(ASSESSMENT_SCORE_CHANGE).where(changes).execute());
        assertTrue(TestDatabase.cause(delete).contains("DELETE command denied"), TestDatabase.cause(delete));
        // ... and the triggers stop an account that may
        Exception adminUpdate = assertThrows(IllegalStateException.class, () -> data.executeAsAdministrator(
                "UPDATE assessment_score_change SET points_after = 0 WHERE assessment_id = " + assessmentId));
        assertTrue(adminUpdate.getMessage().contains("append-only"), adminUpdate.getMessage());
        Exception adminDelete = assertThrows(IllegalStateException.class, () -> data.executeAsAdministrator(
                "DELETE FROM assessment_score_change WHERE assessment_id = " + assessmentId));
        assertTrue(adminDelete.getMessage().contains("append-only"), adminDelete.getMessage());
        assertEquals(1, dsl.fetchCount(ASSESSMENT_SCORE_CHANGE, changes));
    }

    @Test
    void theTimelineHoldsMovesAndBothSidesScoreChangesInTimeOrder() {
        SheetItem scaled = firstOf(ScoringMethod.SCALE);
        String code = scaled.indicator().code();
        assessments.saveItem(scaled.itemId(), IndicatorInput.score("0"), null, scaled.rowVersion());
        clock.advance(Duration.ofMinutes(11)); // a later change of the same item is an entry of its own
        fillCompletely();
        assessments.saveApplication(assessmentId, 3, false, null, assessments.sheet(assessmentId).header().rowVersion());
        clock.advance(Duration.ofMinutes(11));
        assessments.submit(assessmentId);
        String reviewer = data.user(committee, Role.REVIEWER);
        actAs(reviewer);
        clock.advance(Duration.ofMinutes(11));
        reviews.startReview(assessmentId);
        clock.advance(Duration.ofMinutes(11));
        reviews.saveReviewItem(scaled.itemId(), IndicatorInput.score("1"), "扣分", 0);
        clock.advance(Duration.ofMinutes(11));
        reviews.returnAssessment(assessmentId, "请补充会议记录");

        actAs(secretary);
        List<TimelineEntry> timeline = assessments.timeline(assessmentId);
        for (int i = 1; i < timeline.size(); i++) {
            assertFalse(timeline.get(i).at().isBefore(timeline.get(i - 1).at()), "oldest first: " + timeline);
        }
        String max = plain(scaled.indicator().maxScore());
        List<String> ofTheItem = timeline.stream().map(entry -> switch (entry) {
            case TimelineEntry.Move move -> move.to() + (move.comment() == null ? "" : " " + move.comment());
            case TimelineEntry.ScoreChange change -> change.indicatorCode().equals(code)
                    ? change.side() + " " + plain(change.before()) + "→" + plain(change.after()) + " " + change.actorName() : null;
        }).filter(java.util.Objects::nonNull).toList();
        String secretaryName = displayName(secretary);
        String reviewerName = displayName(reviewer);
        assertEquals(List.of("DRAFT", "SELF -→0 " + secretaryName, "SELF 0→" + max + " " + secretaryName, "SUBMITTED", "UNDER_REVIEW",
                "REVIEW -→1 " + reviewerName, "RETURNED 请补充会议记录"), ofTheItem);
        TimelineEntry.ScoreChange first = (TimelineEntry.ScoreChange) timeline.get(1);
        assertEquals(code, first.indicatorCode());
        assertEquals(scaled.indicator().title(), first.indicatorTitle());
    }

    private String displayName(String username) {
        return dsl.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
    }
}

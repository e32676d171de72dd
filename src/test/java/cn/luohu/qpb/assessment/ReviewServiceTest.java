package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_EVENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_SCORE_CHANGE;
import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reviewer's queue, scope, four-eyes, moves, review entries, the star limit and racing moves. */
class ReviewServiceTest extends IntegrationTest {

    @Autowired
    private ReviewService reviews;
    @Autowired
    private AssessmentService assessments;
    @Autowired
    private DSLContext dsl;

    private AssessmentFixtures fixtures;
    private long committee;
    private long organization;
    private String reviewer;
    private long assessmentId;

    @BeforeEach
    void submittedAssessment() {
        fixtures = new AssessmentFixtures(dsl);
        committee = data.committee("评审测试党工委");
        organization = data.branch(committee, "评审测试支部");
        reviewer = data.user(committee, Role.REVIEWER);
        assessmentId = fixtures.openAssessment(organization, 2);
        fixtures.state(assessmentId, AssessmentState.SUBMITTED);
        actAs(reviewer);
    }

    /** The newest audit event about the assessment (read directly: the audit service is for administrators). */
    private String lastAudit() {
        return dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("assessment").and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(assessmentId))))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchSingle().value1();
    }

    private String state() {
        return dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1();
    }

    private String refusal(Runnable action) {
        return assertThrows(PortalException.class, action::run).messageKey();
    }

    /** Reviews every item with full marks, except the given indicator code, which gets this input. */
    private void reviewAll(String exceptCode, IndicatorInput exceptInput) {
        ReviewSheet sheet = reviews.sheet(assessmentId);
        for (SheetItem item : sheet.sheet().items()) {
            IndicatorInput input = item.indicator().code().equals(exceptCode) ? exceptInput : AssessmentFixtures.fullMarks(item.indicator());
            reviews.saveReviewItem(item.itemId(), input, null, sheet.entry(item.itemId()).version());
        }
    }

    @Test
    void theQueueHoldsOnlyTheReviewersSubtreeAndCountsByState() {
        long otherCommittee = data.committee("另一评审党工委");
        long foreign = fixtures.assessment(data.branch(otherCommittee, "别处支部"), AssessmentState.SUBMITTED);
        long own = fixtures.assessment(data.branch(committee, "第二支部"), AssessmentState.UNDER_REVIEW);

        List<Long> ids = reviews.queue(ReviewFilter.none(), 0, 100).stream().map(ReviewQueueRow::id).toList();
        assertTrue(ids.contains(assessmentId));
        assertTrue(ids.contains(own));
        assertFalse(ids.contains(foreign), "another committee's assessment never appears");
        assertEquals(ids.size(), reviews.count(ReviewFilter.none()));
        assertEquals(List.of(own), reviews.queue(ReviewFilter.none().withState(AssessmentState.UNDER_REVIEW), 0, 100)
                .stream().map(ReviewQueueRow::id).toList());
        assertEquals(1, reviews.countsByState(ReviewFilter.none()).get(AssessmentState.UNDER_REVIEW));
        assertEquals(1, reviews.countsByState(ReviewFilter.none()).get(AssessmentState.SUBMITTED));
        assertThrows(NotFoundException.class, () -> reviews.startReview(foreign));
    }

    @Test
    void overdueComesFirst() {
        long late = fixtures.assessment(data.branch(committee, "逾期支部"), AssessmentState.SUBMITTED);
        long cycle = dsl.select(ASSESSMENT.CYCLE_ID).from(ASSESSMENT).where(ASSESSMENT.ID.eq(late)).fetchSingle().value1();
        // fixtures' own cycles lie in the far future; this one is long past its review deadline
        dsl.update(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE)
                .set(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.SELF_DEADLINE, java.time.LocalDate.of(2001, 1, 1))
                .set(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.REVIEW_DEADLINE, java.time.LocalDate.of(2001, 2, 1))
                .set(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.APPROVAL_DEADLINE, java.time.LocalDate.of(2001, 3, 1))
                .where(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.ID.eq(cycle)).execute();
        ReviewQueueRow first = reviews.queue(ReviewFilter.none(), 0, 1).getFirst();
        assertEquals(late, first.id());
        assertTrue(first.overdue());
    }

    @Test
    void onlyReviewersUseIt() {
        actAs(data.user(organization, Role.SECRETARY));
        assertThrows(AccessDeniedException.class, () -> reviews.queue(ReviewFilter.none(), 0, 10));
        assertThrows(AccessDeniedException.class, () -> reviews.startReview(assessmentId));
    }

    @Test
    void nobodyReviewsTheirOwnOrganisation() {
        actAs(data.user(organization, Role.REVIEWER));
        assertEquals("review.error.own-organization", refusal(() -> reviews.startReview(assessmentId)));
        assertFalse(reviews.canStart(assessmentId));
        assertEquals("SUBMITTED", state());
    }

    @Test
    void startingRecordsTheMoveAndAnAuditEvent() {
        assertTrue(reviews.canStart(assessmentId));
        reviews.startReview(assessmentId);
        assertEquals("UNDER_REVIEW", state());
        var event = dsl.selectFrom(ASSESSMENT_EVENT).where(ASSESSMENT_EVENT.ASSESSMENT_ID.eq(assessmentId)).fetchSingle();
        assertEquals("SUBMITTED", event.getFromState());
        assertEquals("UNDER_REVIEW", event.getToState());
        assertEquals(data.userId(reviewer), event.getActorId());
        assertEquals("REVIEW_STARTED", lastAudit());
        assertEquals("assessment.move.not-allowed", refusal(() -> reviews.startReview(assessmentId)));
    }

    @Test
    void returningNeedsAComment() {
        reviews.startReview(assessmentId);
        assertEquals("assessment.move.comment-required", refusal(() -> reviews.returnAssessment(assessmentId, " ")));
        reviews.returnAssessment(assessmentId, "请补充三会一课记录");
        assertEquals("RETURNED", state());
        assertEquals("ASSESSMENT_RETURNED", lastAudit());
    }

    @Test
    void reviewEntriesAreCheckedAndLocked() {
        assertEquals("review.error.not-under-review", refusal(() -> reviewAll(null, null)));
        reviews.startReview(assessmentId);
        SheetItem item = reviews.sheet(assessmentId).sheet().items().getFirst();
        IndicatorInput wrong = item.indicator().method() == cn.luohu.qpb.standard.ScoringMethod.CHECK
                ? IndicatorInput.occurrences(1) : IndicatorInput.met(true);
        assertEquals("scoring.problem.WRONG_INPUT", refusal(() -> reviews.saveReviewItem(item.itemId(), wrong, null, 0)));
        int version = reviews.saveReviewItem(item.itemId(), AssessmentFixtures.fullMarks(item.indicator()), "材料齐全", 0);
        assertEquals(1, version);
        assertEquals("review.error.saved-elsewhere",
                refusal(() -> reviews.saveReviewItem(item.itemId(), AssessmentFixtures.fullMarks(item.indicator()), null, 0)));
        assertEquals("材料齐全", reviews.sheet(assessmentId).entry(item.itemId()).comment());
    }

    @Test
    void recommendingNeedsEveryItemAndAStarTheTotalEarns() {
        reviews.startReview(assessmentId);
        assertEquals("review.error.incomplete", refusal(() -> reviews.recommend(assessmentId, 1, null)));
        reviewAll(null, null);
        int earned = reviews.reviewScore(assessmentId).stars();
        assertEquals(5, earned);
        reviews.recommend(assessmentId, 4, "推荐四星");
        assertEquals("RECOMMENDED", state());
        var row = dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle();
        assertEquals(4, row.getRecommendedStar());
        assertEquals(data.userId(reviewer), row.getReviewerId());
        assertEquals(0, reviews.reviewScore(assessmentId).total().compareTo(row.getReviewTotal()));
        assertEquals("ASSESSMENT_RECOMMENDED", lastAudit());
    }

    @Test
    void aFailedVetoCapsTheStar() {
        reviews.startReview(assessmentId);
        reviewAll("SQ-09-02", IndicatorInput.met(false)); // a veto that caps the result at two stars
        assertEquals(2, reviews.reviewScore(assessmentId).stars());
        assertEquals("review.error.star-too-high", refusal(() -> reviews.recommend(assessmentId, 3, null)));
        assertEquals("UNDER_REVIEW", state());
        assertNull(dsl.select(ASSESSMENT.RECOMMENDED_STAR).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1());
        reviews.recommend(assessmentId, 2, null);
        assertEquals("RECOMMENDED", state());
    }

    @Test
    void ofTwoRacingMovesExactlyOneWins() throws Exception {
        String second = data.user(committee, Role.REVIEWER);
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String user : List.of(reviewer, second)) {
                Callable<String> start = () -> {
                    data.authenticate(user);
                    try {
                        ready.countDown();
                        go.await();
                        reviews.startReview(assessmentId);
                        return "won";
                    } catch (PortalException refused) {
                        return refused.messageKey();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                results.add(pool.submit(start));
            }
            ready.await();
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
            String loser = outcomes.stream().filter(o -> !"won".equals(o)).findFirst().orElseThrow();
            assertTrue(loser.equals("review.error.overtaken") || loser.equals("assessment.move.not-allowed"), loser);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("UNDER_REVIEW", state());
        assertEquals(1, dsl.fetchCount(ASSESSMENT_EVENT, ASSESSMENT_EVENT.ASSESSMENT_ID.eq(assessmentId)));
    }

    @Test
    void theReviewersScoreChangesAreRecordedOnTheReviewSideOnlyWhenThePointsChange() {
        reviews.startReview(assessmentId);
        SheetItem item = reviews.sheet(assessmentId).sheet().items().stream()
                .filter(i -> i.indicator().method() == cn.luohu.qpb.standard.ScoringMethod.SCALE).findFirst().orElseThrow();
        int version = reviews.saveReviewItem(item.itemId(), IndicatorInput.score("2"), null, 0);
        version = reviews.saveReviewItem(item.itemId(), IndicatorInput.score("2.0"), "只改意见", version);
        version = reviews.saveReviewItem(item.itemId(), IndicatorInput.score("2"), "又改意见", version);
        reviews.saveReviewItem(item.itemId(), IndicatorInput.score("1.5"), "又改意见", version);

        var rows = dsl.selectFrom(ASSESSMENT_SCORE_CHANGE).where(ASSESSMENT_SCORE_CHANGE.ASSESSMENT_ID.eq(assessmentId))
                .orderBy(ASSESSMENT_SCORE_CHANGE.ID).fetch();
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(List.of("REVIEW", "REVIEW"), rows.map(r -> r.getSide()));
        assertNull(rows.get(0).getPointsBefore());
        assertEquals(0, new java.math.BigDecimal("2").compareTo(rows.get(0).getPointsAfter()));
        assertEquals(0, new java.math.BigDecimal("2").compareTo(rows.get(1).getPointsBefore()));
        assertEquals(0, new java.math.BigDecimal("1.5").compareTo(rows.get(1).getPointsAfter()));
        assertEquals(data.userId(reviewer), rows.get(1).getActorId());
        assertEquals(item.itemId(), rows.get(1).getItemId());

        // typed within a minute: one entry in the timeline, from the first points to the last
        List<TimelineEntry.ScoreChange> entries = assessments.timeline(assessmentId).stream()
                .filter(TimelineEntry.ScoreChange.class::isInstance).map(TimelineEntry.ScoreChange.class::cast).toList();
        assertEquals(1, entries.size(), entries.toString());
        TimelineEntry.ScoreChange entry = entries.getFirst();
        assertEquals(ScoreSide.REVIEW, entry.side());
        assertEquals(item.indicator().code(), entry.indicatorCode());
        assertNull(entry.before());
        assertEquals(0, new java.math.BigDecimal("1.5").compareTo(entry.after()));
        assertTrue(entry.actorName().endsWith(reviewer), entry.actorName());
    }

    /** Issue 11, item 4: once its cycle is closed, an assessment takes no review move and no review entry. */
    @Test
    void aClosedCycleTakesNoReviewMoveAndNoReviewEntry() {
        long underReview = fixtures.openAssessment(data.branch(committee, "结束后支部"), 2);
        fixtures.state(underReview, AssessmentState.UNDER_REVIEW);
        fixtures.reviewedInFull(underReview, data.userId(reviewer));
        long item = assessments.sheet(underReview).dimensions().getFirst().items().getFirst().itemId();
        for (long id : List.of(assessmentId, underReview)) {
            long cycle = dsl.select(ASSESSMENT.CYCLE_ID).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1();
            dsl.update(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE).set(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.STATUS, "CLOSED")
                    .where(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.ID.eq(cycle)).execute();
        }

        assertFalse(reviews.canStart(assessmentId));
        assertEquals("assessment.error.cycle-not-open", refusal(() -> reviews.startReview(assessmentId)));
        assertFalse(reviews.isReviewableByMe(underReview));
        assertEquals("assessment.error.cycle-not-open", refusal(() -> reviews.saveReviewItem(item, null, "晚了", 0)));
        assertEquals("assessment.error.cycle-not-open", refusal(() -> reviews.returnAssessment(underReview, "晚了")));
        assertEquals("assessment.error.cycle-not-open", refusal(() -> reviews.recommend(underReview, 0, null)));
        assertEquals(AssessmentState.SUBMITTED.name(), state());
        assertEquals(AssessmentState.UNDER_REVIEW.name(), dsl.select(ASSESSMENT.STATE).from(ASSESSMENT)
                .where(ASSESSMENT.ID.eq(underReview)).fetchSingle().value1());
    }

    @Test
    void adoptingTheSelfScoresTakesOnlyWhatHeHasNotReviewedAsHisOwnEntries() {
        fixtures.readyToSubmit(assessmentId, data.userId(data.user(organization, Role.SECRETARY)), 3);
        reviews.startReview(assessmentId);
        List<SheetItem> items = reviews.sheet(assessmentId).sheet().items();
        SheetItem reviewed = items.stream().filter(i -> i.indicator().method() == cn.luohu.qpb.standard.ScoringMethod.SCALE)
                .findFirst().orElseThrow();
        reviews.saveReviewItem(reviewed.itemId(), IndicatorInput.score("1"), "我的评分", 0);

        assertEquals(items.size() - 1, reviews.adoptSelfScores(assessmentId));

        ReviewSheet sheet = reviews.sheet(assessmentId);
        for (SheetItem item : sheet.sheet().items()) {
            IndicatorInput review = sheet.entry(item.itemId()).input();
            if (item.itemId() == reviewed.itemId()) {
                assertEquals(0, java.math.BigDecimal.ONE.compareTo(review.score()), "his own entry stays");
            } else {
                assertEquals(item.input(), review, item.indicator().code());
            }
        }
        assertEquals(data.userId(reviewer), dsl.select(ASSESSMENT_ITEM.REVIEWED_BY).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ID.eq(items.getLast().itemId())).fetchSingle().value1());
        List<TimelineEntry.ScoreChange> changes = assessments.timeline(assessmentId).stream()
                .filter(TimelineEntry.ScoreChange.class::isInstance).map(TimelineEntry.ScoreChange.class::cast)
                .filter(change -> change.side() == ScoreSide.REVIEW).toList();
        assertEquals(items.size(), changes.size(), "his one entry and every adopted one, each in the timeline");
        assertTrue(changes.stream().allMatch(change -> change.actorName().endsWith(reviewer)));
        assertEquals(0, reviews.adoptSelfScores(assessmentId), "nothing is left to adopt; nothing is overwritten");
    }

    @Test
    void onlyTheCommitteesReviewerAdoptsAndOnlyWhileItIsUnderReview() {
        fixtures.readyToSubmit(assessmentId, data.userId(data.user(organization, Role.SECRETARY)), 3);
        assertEquals("review.error.not-under-review", refusal(() -> reviews.adoptSelfScores(assessmentId)));
        reviews.startReview(assessmentId);
        actAs(data.user(data.committee("别的党工委"), Role.REVIEWER));
        assertThrows(NotFoundException.class, () -> reviews.adoptSelfScores(assessmentId));
        actAs(data.user(organization, Role.SECRETARY));
        assertThrows(AccessDeniedException.class, () -> reviews.adoptSelfScores(assessmentId));
        assertEquals(0, dsl.fetchCount(ASSESSMENT_ITEM, ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId)
                .and(ASSESSMENT_ITEM.REVIEWED_BY.isNotNull())));
    }
}

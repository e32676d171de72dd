package cn.luohu.qpb.notice;

import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.assessment.ReviewSheet;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.assessment.TimelineEntry;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_EVENT;
import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static cn.luohu.qpb.jooq.Tables.NOTICE_BATCH;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STAR_HISTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public notice and the final result: the whole flow from submission to a changed star, objections
 * upheld and dismissed, finalisation exactly once with two runners, and who may do what.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoticeServiceTest extends IntegrationTest {

    @Autowired
    private NoticeService notices;
    @Autowired
    private NoticeFinalizer finalizer;
    @Autowired
    private ApprovalService approvals;
    @Autowired
    private AssessmentService assessments;
    @Autowired
    private ReviewService reviews;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private cn.luohu.qpb.base.time.DisplayZone zone;

    private AssessmentFixtures fixtures;
    private long committee;
    private long reviewerId;
    private String approver;
    private long cycle;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(dsl);
        committee = data.committee("公示测试党工委");
        reviewerId = data.userId(data.user(committee, Role.REVIEWER));
        approver = data.user(data.districtId(), Role.APPROVER);
        cycle = fixtures.cycle();
    }

    /** An organisation holding {@code star}, with an approved result at {@code approvedStar} in the test cycle. */
    private long approved(int star, int approvedStar) {
        long organization = organizationWithStar(star);
        long id = fixtures.recommended(cycle, organization, star, approvedStar, reviewerId, false);
        actAs(approver);
        approvals.approve(id, approvedStar, null, null);
        return id;
    }

    private long organizationWithStar(int star) {
        long organization = data.branch(committee, "公示测试支部");
        dsl.update(ORGANIZATION).set(ORGANIZATION.CURRENT_STAR, star).where(ORGANIZATION.ID.eq(organization)).execute();
        return organization;
    }

    private String state(long id) {
        return dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1();
    }

    private int starOf(long assessmentId) {
        return dsl.select(ORGANIZATION.CURRENT_STAR).from(ORGANIZATION).join(ASSESSMENT).on(ASSESSMENT.ORGANIZATION_ID.eq(ORGANIZATION.ID))
                .where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1();
    }

    private List<String> historyKinds(long assessmentId) {
        return dsl.select(STAR_HISTORY.CHANGE_KIND).from(STAR_HISTORY).join(ASSESSMENT)
                .on(ASSESSMENT.ORGANIZATION_ID.eq(STAR_HISTORY.ORGANIZATION_ID))
                .where(ASSESSMENT.ID.eq(assessmentId)).orderBy(STAR_HISTORY.ID).fetch(STAR_HISTORY.CHANGE_KIND);
    }

    private String refusal(Runnable action) {
        return assertThrows(PortalException.class, action::run).messageKey();
    }

    /** Today where the users are (the notice counts their days). */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone.zone()));
    }

    /** Moves the clock to the day after the batch's notice period. */
    private void noticeEnds(NoticeBatch batch) {
        clock.advance(Duration.ofDays(batch.endsOn().toEpochDay() - today().toEpochDay() + 1));
    }

    @Test
    void theWholeFlowFromSubmissionToANewStar() {
        long organization = organizationWithStar(2);
        String secretary = data.user(organization, Role.SECRETARY);
        String reviewer = data.user(committee, Role.REVIEWER);
        long id = fixtures.openAssessment(organization, 2);

        // the secretary fills in everything, applies for three stars and submits
        actAs(secretary);
        for (SheetItem item : assessments.sheet(id).items()) {
            assessments.saveItem(item.itemId(), AssessmentFixtures.fullMarks(item.indicator()), "已完成", item.rowVersion());
            if (item.indicator().evidenceRequired()) {
                fixtures.evidence(id, item.itemId(), data.userId(secretary));
            }
        }
        assessments.saveApplication(id, 3, false, null, assessments.sheet(id).header().rowVersion());
        assessments.submit(id);

        // the reviewer returns it, she resubmits, he recommends three stars
        actAs(reviewer);
        reviews.startReview(id);
        reviews.returnAssessment(id, "请补充党员大会记录");
        actAs(secretary);
        SheetItem first = assessments.sheet(id).items().get(0);
        assessments.saveItem(first.itemId(), first.input(), "已补充党员大会记录", first.rowVersion());
        assessments.submit(id);
        actAs(reviewer);
        reviews.startReview(id);
        ReviewSheet sheet = reviews.sheet(id);
        for (SheetItem item : sheet.sheet().items()) {
            reviews.saveReviewItem(item.itemId(), AssessmentFixtures.fullMarks(item.indicator()), null, sheet.entry(item.itemId()).version());
        }
        reviews.recommend(id, 3, "推荐三星");

        // district staff approve and publish
        actAs(approver);
        approvals.approve(id, 3, null, "同意");
        long assessmentCycle = dsl.select(ASSESSMENT.CYCLE_ID).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1();
        NoticeBatch batch = notices.publish(assessmentCycle);
        assertEquals(1, batch.size());
        assertEquals(today(), batch.startsOn());
        assertEquals(batch.startsOn().plusDays(4), batch.endsOn()); // the cycle's five notice days, today included
        NoticeRow row = notices.rows(batch.id(), 0, 10).get(0);
        assertEquals(2, row.oldStar());
        assertEquals(3, row.newStar());

        // someone objects, district staff dismiss it with a reason
        actAs(data.user(data.branch(committee, "异议人支部"), Role.SECRETARY));
        long objection = notices.lodgeObjection(id, "该支部三会一课记录不全");
        actAs(approver);
        notices.dismiss(objection, "经核查记录齐全");

        // on the last day of the notice nothing is final yet; the day after, the star changes
        clock.advance(Duration.ofDays(4));
        notices.finalizeDue();
        assertEquals("IN_NOTICE", state(id));
        assertEquals(2, starOf(id));
        clock.advance(Duration.ofDays(1));
        assertTrue(notices.finalizeDue() >= 1);

        assertEquals("FINAL", state(id));
        assertEquals(3, starOf(id));
        assertEquals(List.of("PROMOTION"), historyKinds(id));
        assertNotNull(dsl.select(NOTICE_BATCH.FINALIZED_AT).from(NOTICE_BATCH).where(NOTICE_BATCH.ID.eq(batch.id())).fetchSingle().value1());
        actAs(secretary);
        List<AssessmentState> moves = assessments.timeline(id).stream().filter(TimelineEntry.Move.class::isInstance)
                .map(entry -> ((TimelineEntry.Move) entry).to()).toList();
        assertEquals(List.of(AssessmentState.DRAFT, AssessmentState.SUBMITTED, AssessmentState.UNDER_REVIEW, AssessmentState.RETURNED,
                AssessmentState.SUBMITTED, AssessmentState.UNDER_REVIEW, AssessmentState.RECOMMENDED, AssessmentState.APPROVED,
                AssessmentState.IN_NOTICE, AssessmentState.FINAL), moves);
        // every move is also an audit event, and so are the objection and its dismissal
        List<String> audited = dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("assessment").and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(id))))
                .orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION);
        assertEquals(List.of("ASSESSMENT_STARTED", "ASSESSMENT_SUBMITTED", "REVIEW_STARTED", "ASSESSMENT_RETURNED",
                "ASSESSMENT_SUBMITTED", "REVIEW_STARTED", "ASSESSMENT_RECOMMENDED", "ASSESSMENT_APPROVED", "NOTICE_PUBLISHED",
                "OBJECTION_LODGED", "OBJECTION_DISMISSED", "ASSESSMENT_FINAL"), audited.stream().filter(a -> a.startsWith("ASSESSMENT_")
                || a.startsWith("REVIEW_") || a.startsWith("NOTICE_") || a.startsWith("OBJECTION_")).toList());
    }

    @Test
    void demotionAndNoChangeAreRecordedToo() {
        long down = approved(4, 2);
        long same = approved(3, 3);
        actAs(approver);
        NoticeBatch batch = notices.publish(cycle);
        noticeEnds(batch);

        notices.finalizeDue();
        assertEquals(List.of("DEMOTION"), historyKinds(down));
        assertEquals(2, starOf(down));
        assertEquals(List.of("UNCHANGED"), historyKinds(same));
    }

    @Test
    void anUpheldObjectionReopensTheDecision() {
        long disputed = approved(1, 2);
        long other = approved(1, 2);
        actAs(approver);
        NoticeBatch batch = notices.publish(cycle);
        actAs(data.user(committee, Role.REVIEWER));
        long first = notices.lodgeObjection(disputed, "评分依据有误");
        actAs(data.user(data.branch(committee, "第二异议人"), Role.SECRETARY));
        long second = notices.lodgeObjection(disputed, "材料造假");

        actAs(approver);
        assertEquals("notice.error.reason-required", refusal(() -> notices.uphold(first, "")));
        notices.uphold(first, "经核查情况属实，重新审批");

        assertEquals("RECOMMENDED", state(disputed));
        assertEquals(List.of(other), notices.rows(batch.id(), 0, 10).stream().map(NoticeRow::assessmentId).toList(),
                "the reopened result is withdrawn from the notice");
        assertEquals(1, notices.batch(batch.id()).size());
        assertEquals(0, notices.countObjections(ObjectionStatus.OPEN) - countOpenOutsideThisTest());
        assertEquals("notice.error.objection-decided", refusal(() -> notices.dismiss(second, "已处理")));
        assertTrue(approvals.queue(cn.luohu.qpb.assessment.ApprovalFilter.of(cycle), 0, 10).stream()
                .anyMatch(r -> r.id() == disputed), "back in the approval queue");

        noticeEnds(batch);
        notices.finalizeDue();
        assertEquals("FINAL", state(other));
        assertEquals("RECOMMENDED", state(disputed));
        assertEquals(1, starOf(disputed));
        assertTrue(historyKinds(disputed).isEmpty());
    }

    private int countOpenOutsideThisTest() {
        return dsl.fetchCount(cn.luohu.qpb.jooq.Tables.OBJECTION, cn.luohu.qpb.jooq.Tables.OBJECTION.STATUS.eq("OPEN")
                .and(cn.luohu.qpb.jooq.Tables.OBJECTION.ASSESSMENT_ID.notIn(
                        org.jooq.impl.DSL.select(ASSESSMENT.ID).from(ASSESSMENT).where(ASSESSMENT.CYCLE_ID.eq(cycle)))));
    }

    @Test
    void anOpenObjectionHoldsTheResultUntilItIsDismissed() {
        long id = approved(2, 3);
        actAs(approver);
        NoticeBatch batch = notices.publish(cycle);
        actAs(data.user(committee, Role.REVIEWER));
        long objection = notices.lodgeObjection(id, "有群众反映问题");

        noticeEnds(batch);
        finalizer.finalizeDue();
        assertEquals("IN_NOTICE", state(id));
        assertNull(dsl.select(NOTICE_BATCH.FINALIZED_AT).from(NOTICE_BATCH).where(NOTICE_BATCH.ID.eq(batch.id())).fetchSingle().value1());
        actAs(approver);
        notices.dismiss(objection, "反映问题已整改");
        notices.finalizeDue();
        assertEquals("FINAL", state(id));
        assertEquals(3, starOf(id));
    }

    @Test
    void objectionsOnlyDuringTheNoticePeriodOncePerPersonWithAReason() {
        long id = approved(2, 3);
        String someone = data.user(data.branch(committee, "异议支部"), Role.SECRETARY);
        actAs(someone);
        assertEquals("notice.error.not-open-for-objections", refusal(() -> notices.lodgeObjection(id, "太早了")));

        actAs(approver);
        NoticeBatch batch = notices.publish(cycle);
        actAs(someone);
        assertEquals("notice.error.reason-required", refusal(() -> notices.lodgeObjection(id, "  ")));
        assertEquals("notice.error.reason-too-long", refusal(() -> notices.lodgeObjection(id, "长".repeat(2001))));
        notices.lodgeObjection(id, "情况不实");
        assertEquals("notice.error.objection-pending", refusal(() -> notices.lodgeObjection(id, "再提一次")));

        noticeEnds(batch);
        assertEquals("notice.error.not-open-for-objections", refusal(() -> notices.lodgeObjection(id, "太晚了")));
        assertEquals("notice.error.not-open-for-objections", refusal(() -> notices.lodgeObjection(Long.MAX_VALUE, "没有这个结果")));
    }

    @Test
    void publishingNeedsApprovedResultsAndDistrictStaff() {
        actAs(approver);
        assertEquals("notice.error.nothing-approved", refusal(() -> notices.publish(cycle)));
        long id = approved(0, 1);
        actAs(data.user(committee, Role.REVIEWER));
        assertThrows(AccessDeniedException.class, () -> notices.publish(cycle));
        assertThrows(AccessDeniedException.class, () -> notices.finalizeDue());
        assertThrows(AccessDeniedException.class, () -> notices.objections(ObjectionStatus.OPEN, 0, 10));
        assertEquals("APPROVED", state(id));
    }

    /** On a cluster a lock holds only on its node: publishing writes the cycle's guard, an objection its result's. */
    @Test
    void publishingAndObjectionsWriteTheirGuards() {
        long id = approved(2, 3);
        long cycleGuard = dsl.select(ASSESSMENT_CYCLE.GUARD_SEQ).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycle)).fetchSingle().value1();
        actAs(approver);
        notices.publish(cycle);
        assertEquals(cycleGuard + 1, dsl.select(ASSESSMENT_CYCLE.GUARD_SEQ).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycle))
                .fetchSingle().value1());

        long resultGuard = dsl.select(ASSESSMENT.GUARD_SEQ).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1();
        actAs(data.user(committee, Role.REVIEWER));
        notices.lodgeObjection(id, "评分依据有误");
        assertEquals(resultGuard + 1, dsl.select(ASSESSMENT.GUARD_SEQ).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1(),
                "the finaliser's move of this result on another node conflicts with the objection");
    }

    @Test
    void finalisationHappensExactlyOnceWithTwoRunnersAtTheSameTime() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(approved(i % 4, i % 4 + 1));
        }
        actAs(approver);
        NoticeBatch batch = notices.publish(cycle);
        noticeEnds(batch);

        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> runner = () -> {
            start.await();
            return finalizer.finalizeDue(); // as the scheduled job runs: no user
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = pool.submit(runner);
            Future<Integer> two = pool.submit(runner);
            start.countDown();
            // other tests' ended notices may be finalised by the same runs, so at least ours
            assertTrue(one.get() + two.get() >= 40);
        } finally {
            pool.shutdownNow();
        }

        for (long id : ids) {
            assertEquals("FINAL", state(id));
            assertEquals(List.of("PROMOTION"), historyKinds(id), "one history row per organisation");
        }
        assertEquals(40, dsl.fetchCount(ASSESSMENT_EVENT, ASSESSMENT_EVENT.ASSESSMENT_ID.in(ids).and(ASSESSMENT_EVENT.TO_STATE.eq("FINAL"))));
        assertEquals(0, finalizer.finalizeDue());
    }

    @Test
    void theNoticeListIsReadableByEveryoneAndStreamsInOrder() {
        for (int i = 0; i < 3; i++) {
            approved(1, 2);
        }
        actAs(approver);
        NoticeBatch batch = notices.publish(cycle);

        actAs(data.user(data.branch(committee, "读者支部"), Role.SECRETARY));
        assertEquals(3, notices.countRows(batch.id()));
        assertEquals(batch.id(), notices.batches(0, 5).get(0).id());
        List<NoticeRow> streamed = new ArrayList<>();
        notices.withRows(batch.id(), rows -> rows.forEach(streamed::add));
        assertEquals(notices.rows(batch.id(), 0, 10), streamed);
        assertThrows(NotFoundException.class, () -> notices.batch(Long.MAX_VALUE));
    }

    @Test
    void theListExportsToExcelAndPdfInTheReadersLanguage() throws Exception {
        long id = approved(1, 2);
        actAs(approver);
        NoticeBatch batch = notices.publish(cycle);
        String name = dsl.select(ORGANIZATION.NAME).from(ORGANIZATION).join(ASSESSMENT).on(ASSESSMENT.ORGANIZATION_ID.eq(ORGANIZATION.ID))
                .where(ASSESSMENT.ID.eq(id)).fetchSingle().value1();

        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        notices.exportWorkbook(batch.id(), java.util.Locale.SIMPLIFIED_CHINESE, xlsx);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
            StringBuilder cells = new StringBuilder();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
            assertTrue(cells.toString().contains(name), cells.toString());
            assertTrue(cells.toString().contains("升星"), cells.toString());
        }
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        notices.exportPdf(batch.id(), java.util.Locale.ENGLISH, pdf);
        assertTrue(new String(pdf.toByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertTrue(notices.exportFileName(batch.id(), java.util.Locale.SIMPLIFIED_CHINESE, false).endsWith(".xlsx"));
    }

    @Test
    void aClosedCycleTakesNoMoreNotices() {
        approved(1, 2);
        dsl.update(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE).set(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.STATUS, "CLOSED")
                .where(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.ID.eq(cycle)).execute();
        actAs(approver);
        assertEquals("notice.error.cycle-not-open", refusal(() -> notices.publish(cycle)));
    }

    @Test
    void theScheduledRunMakesEndedNoticesFinalAndWaitsWhileAnotherInstanceRunsIt(CapturedOutput output) {
        long id = approved(1, 2);
        actAs(approver);
        noticeEnds(notices.publish(cycle));
        SecurityContextHolder.clearContext(); // the scheduler's thread has no user

        data.jobLockedElsewhere("notice-finalizer");
        try {
            finalizer.scheduledRun(); // the entry point the scheduler calls, on the bean as the context holds it
            assertEquals("IN_NOTICE", state(id), "another instance has the job: this one leaves it alone");
        } finally {
            data.releaseJobLock("notice-finalizer");
        }
        finalizer.scheduledRun();
        assertEquals("FINAL", state(id));
        assertEquals(List.of("PROMOTION"), historyKinds(id));
        assertFalse(output.getAll().contains(" ERROR "), "an expected conflict is no error: " + output.getAll());
    }
}

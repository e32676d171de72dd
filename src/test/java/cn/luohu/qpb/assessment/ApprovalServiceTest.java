package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.List;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_EVENT;
import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** District approval: the star limits, direct grading, four-eyes, quotas, rejection and approving many. */
class ApprovalServiceTest extends IntegrationTest {

    @Autowired
    private ApprovalService approvals;
    @Autowired
    private DSLContext dsl;

    private AssessmentFixtures fixtures;
    private long committee;
    private long reviewerId;
    private String approver;
    private long cycle;

    @BeforeEach
    void cycleWithAReviewer() {
        fixtures = new AssessmentFixtures(dsl);
        committee = data.committee("审批测试党工委");
        reviewerId = data.userId(data.user(committee, Role.REVIEWER));
        approver = data.user(data.districtId(), Role.APPROVER);
        cycle = fixtures.cycle();
        actAs(approver);
    }

    private long recommended(int starAtOpen, int recommendedStar, boolean directGrading) {
        return fixtures.recommended(cycle, data.branch(committee, "审批测试支部"), starAtOpen, recommendedStar, reviewerId, directGrading);
    }

    private String state(long id) {
        return dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1();
    }

    private Integer approvedStar(long id) {
        return dsl.select(ASSESSMENT.APPROVED_STAR).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1();
    }

    private String refusal(Runnable action) {
        return assertThrows(PortalException.class, action::run).messageKey();
    }

    @Test
    void approvesAtTheRecommendedStarOrLowerWithEventAndAudit() {
        long id = recommended(2, 3, false);
        long lower = recommended(2, 3, false);

        approvals.approve(id, 3, null, "同意");
        approvals.approve(lower, 1, null, null);

        assertEquals("APPROVED", state(id));
        assertEquals(3, approvedStar(id));
        assertEquals(1, approvedStar(lower));
        var event = dsl.selectFrom(ASSESSMENT_EVENT).where(ASSESSMENT_EVENT.ASSESSMENT_ID.eq(id)).fetchSingle();
        assertEquals("RECOMMENDED", event.getFromState());
        assertEquals("APPROVED", event.getToState());
        assertEquals("同意", event.getComment());
        assertEquals(data.userId(approver), event.getActorId());
        assertEquals("ASSESSMENT_APPROVED", dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("assessment").and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(id))))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchSingle().value1());
    }

    @Test
    void neverAboveTheRecommendationNorMoreThanOneLevelUpWithoutDirectGrading() {
        long id = recommended(1, 4, false);

        assertEquals("approval.error.star-too-high", refusal(() -> approvals.approve(id, 4, null, null)));
        assertEquals("approval.error.star-too-high", refusal(() -> approvals.approve(id, 3, null, null)));
        approvals.approve(id, 2, null, null);
        assertEquals(2, approvedStar(id));
    }

    @Test
    void directGradingMustBeDecidedExplicitly() {
        long granted = recommended(0, 4, true);
        long refused = recommended(0, 4, true);

        assertEquals("approval.error.direct-grading-undecided", refusal(() -> approvals.approve(granted, 4, null, null)));
        assertEquals("RECOMMENDED", state(granted));

        approvals.approve(granted, 4, true, "区级先进");
        assertEquals(4, approvedStar(granted));
        assertEquals(true, dsl.select(ASSESSMENT.DIRECT_GRADING_GRANTED).from(ASSESSMENT).where(ASSESSMENT.ID.eq(granted))
                .fetchSingle().value1());

        // refusing the request caps the approval at one level up
        assertEquals("approval.error.star-too-high", refusal(() -> approvals.approve(refused, 4, false, null)));
        approvals.approve(refused, 1, false, null);
        assertEquals(false, dsl.select(ASSESSMENT.DIRECT_GRADING_GRANTED).from(ASSESSMENT).where(ASSESSMENT.ID.eq(refused))
                .fetchSingle().value1());
    }

    @Test
    void theApproverCannotBeTheReviewer() {
        String both = data.user(data.districtId(), Role.APPROVER, Role.REVIEWER);
        long id = fixtures.recommended(cycle, data.branch(committee, "四眼支部"), 2, 3, data.userId(both), false);
        actAs(both);

        assertEquals("approval.error.own-review", refusal(() -> approvals.approve(id, 3, null, null)));
        assertEquals("approval.error.own-review", refusal(() -> approvals.reject(id, "请复核")));
        ApproveManyResult result = approvals.approveMany(cycle, List.of(id));
        assertEquals(0, result.approved());
        assertEquals(1, result.ownReviews().size());
        assertEquals("RECOMMENDED", state(id));
    }

    @Test
    void rejectingSendsItBackToTheReviewerWithARequiredComment() {
        long id = recommended(2, 3, false);

        assertEquals("assessment.move.comment-required", refusal(() -> approvals.reject(id, " ")));
        approvals.reject(id, "佐证材料不足，请复核第 3 项");

        assertEquals("UNDER_REVIEW", state(id));
        assertEquals("佐证材料不足，请复核第 3 项", dsl.select(ASSESSMENT_EVENT.COMMENT).from(ASSESSMENT_EVENT)
                .where(ASSESSMENT_EVENT.ASSESSMENT_ID.eq(id)).fetchSingle().value1());
    }

    @Test
    void onlyRecommendationsCanBeDecided() {
        long id = recommended(2, 3, false);
        approvals.approve(id, 3, null, null);

        assertEquals("assessment.move.not-allowed", refusal(() -> approvals.approve(id, 3, null, null)));
        assertEquals("assessment.move.not-allowed", refusal(() -> approvals.reject(id, "再看看")));
    }

    private long cycleGuard() {
        return dsl.select(ASSESSMENT_CYCLE.GUARD_SEQ).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycle)).fetchSingle().value1();
    }

    /** On a cluster a lock holds only on its node: each decision writes the cycle's guard, so two nodes conflict. */
    @Test
    void everyDecisionWritesTheCyclesGuard() {
        long first = recommended(2, 3, false);
        long second = recommended(2, 3, false);
        long third = recommended(2, 3, false);
        long before = cycleGuard();

        approvals.approve(first, 3, null, null);
        assertEquals(before + 1, cycleGuard());
        approvals.approveMany(cycle, List.of(second));
        assertEquals(before + 2, cycleGuard());
        approvals.reject(third, "请复核");
        assertEquals(before + 3, cycleGuard());
        assertEquals("approval.error.quota", refusal(() -> {
            fixtures.quotas(cycle, null, null, 1.0, null, null);
            approvals.approve(recommended(2, 3, false), 3, null, null);
        }));
        assertEquals(before + 3, cycleGuard(), "a refused approval writes nothing");
    }

    @Test
    void quotasAreNeverExceeded() {
        // ten assessed organisations, five stars at most 10 % (one), four stars at most 20 % (two)
        List<Long> fives = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            fives.add(recommended(4, 5, false));
        }
        List<Long> fours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fours.add(recommended(3, 4, false));
        }
        for (int i = 0; i < 5; i++) {
            fixtures.assessment(cycle, data.branch(committee, "未评支部"), AssessmentState.DRAFT);
        }
        fixtures.quotas(cycle, null, null, null, 20.0, 10.0);

        approvals.approve(fives.get(0), 5, null, null);
        assertEquals("approval.error.quota", refusal(() -> approvals.approve(fives.get(1), 5, null, null)));
        approvals.approve(fives.get(1), 4, null, null); // a lower star is still free

        // the batch would make three four-star holders: refused as a whole
        assertEquals("approval.error.quota", refusal(() -> approvals.approveMany(cycle, fours)));
        fours.forEach(id -> assertEquals("RECOMMENDED", state(id)));
        approvals.approveMany(cycle, fours.subList(0, 1));

        QuotaLine fourStars = approvals.quotaMeter(cycle).stream().filter(l -> l.star() == 4).findFirst().orElseThrow();
        assertEquals(2, fourStars.approved());
        assertEquals(2, fourStars.limit());
        assertEquals(4, fourStars.projected()); // two approved and two recommendations still pending
        assertTrue(fourStars.overQuota());
        assertEquals(10, fourStars.assessed());
    }

    @Test
    void theQuotaMeterProjectsWhatApprovingWouldReallyGive() {
        List<Long> leaps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leaps.add(recommended(2, 5, false)); // recommended five stars, but one level up is three
        }
        recommended(0, 4, true); // a direct-grading request: granting it may give the recommendation
        recommended(3, 2, false); // recommended below the current star: approving gives two

        List<QuotaLine> before = approvals.quotaMeter(cycle);
        assertEquals(0, projected(before, 5), "no approval can give five stars here");
        assertEquals(3, projected(before, 3));
        assertEquals(1, projected(before, 4), "the direct-grading request, at its recommendation");
        assertEquals(1, projected(before, 2));
        approvals.approveMany(cycle, leaps);
        List<QuotaLine> after = approvals.quotaMeter(cycle);
        for (int star = 0; star <= 5; star++) {
            assertEquals(projected(before, star), projected(after, star), "approving many changed the projection of " + star);
        }
        assertEquals(3, approved(after, 3));
    }

    private static int projected(List<QuotaLine> meter, int star) {
        return meter.stream().filter(l -> l.star() == star).findFirst().orElseThrow().projected();
    }

    private static int approved(List<QuotaLine> meter, int star) {
        return meter.stream().filter(l -> l.star() == star).findFirst().orElseThrow().approved();
    }

    @Test
    void approvingManyApprovesEachAtItsHighestStarAndLeavesTheRestNamed() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(recommended(i % 3, 3, false));
        }
        long direct = recommended(0, 5, true);
        ids.add(direct);

        ApproveManyResult result = approvals.approveMany(cycle, ids);

        assertEquals(30, result.approved());
        assertEquals(1, result.needOwnDecision().size());
        assertEquals("RECOMMENDED", state(direct));
        for (int i = 0; i < 30; i++) {
            assertEquals("APPROVED", state(ids.get(i)));
            assertEquals(Math.min(3, i % 3 + 1), approvedStar(ids.get(i)));
        }
        assertEquals(30, dsl.fetchCount(ASSESSMENT_EVENT, ASSESSMENT_EVENT.ASSESSMENT_ID.in(ids)
                .and(ASSESSMENT_EVENT.TO_STATE.eq("APPROVED"))));
        assertEquals(30, dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ASSESSMENT_APPROVED")
                .and(AUDIT_EVENT.ENTITY_ID.in(ids.stream().map(String::valueOf).toList()))));

        // a second click finds them moved already
        ApproveManyResult again = approvals.approveMany(cycle, ids.subList(0, 30));
        assertEquals(0, again.approved());
        assertEquals(30, again.overtaken());
    }

    @Test
    void theQueueListsTheCycleRecommendationsWithFilters() {
        long plain = recommended(2, 3, false);
        long direct = recommended(0, 5, true);
        recommended(1, 2, false);

        assertEquals(3, approvals.count(ApprovalFilter.of(cycle)));
        List<ApprovalRow> page = approvals.queue(ApprovalFilter.of(cycle), 0, 50);
        assertEquals(direct, page.get(0).id()); // direct-grading requests first
        assertEquals(1, approvals.count(new ApprovalFilter(cycle, null, null, 3, false)));
        assertEquals(plain, approvals.queue(new ApprovalFilter(cycle, null, null, 3, false), 0, 50).get(0).id());
        assertEquals(1, approvals.count(new ApprovalFilter(cycle, null, null, null, true)));
        assertEquals(3, approvals.ids(new ApprovalFilter(cycle, committee, null, null, false)).size());
    }

    @Test
    void onlyDistrictStaffDecide() {
        long id = recommended(2, 3, false);
        actAs(data.user(committee, Role.REVIEWER));
        assertThrows(AccessDeniedException.class, () -> approvals.approve(id, 3, null, null));
        assertThrows(AccessDeniedException.class, () -> approvals.queue(ApprovalFilter.of(cycle), 0, 10));
        actAs(data.user(data.districtId(), Role.ADMIN));
        assertThrows(AccessDeniedException.class, () -> approvals.approveMany(cycle, List.of(id)));
        assertEquals("RECOMMENDED", state(id));
    }

    @Test
    void whoReviewedItInAnEarlierRoundCannotApproveItEither() {
        String both = data.user(data.districtId(), Role.APPROVER, Role.REVIEWER);
        long id = recommended(2, 3, false); // recommended now by the committee's reviewer
        dsl.insertInto(ASSESSMENT_EVENT).set(ASSESSMENT_EVENT.ASSESSMENT_ID, id).set(ASSESSMENT_EVENT.FROM_STATE, "UNDER_REVIEW")
                .set(ASSESSMENT_EVENT.TO_STATE, "RECOMMENDED").set(ASSESSMENT_EVENT.ACTOR_ID, data.userId(both))
                .set(ASSESSMENT_EVENT.OCCURRED_AT, java.time.LocalDateTime.now()).execute(); // his recommendation, rejected since
        actAs(both);

        assertEquals("approval.error.own-review", refusal(() -> approvals.approve(id, 3, null, null)));
        assertEquals(1, approvals.approveMany(cycle, List.of(id)).ownReviews().size());
        assertEquals("RECOMMENDED", state(id));
    }

    @Test
    void aClosedCycleTakesNoMoreDecisions() {
        long id = recommended(2, 3, false);
        dsl.update(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE).set(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.STATUS, "CLOSED")
                .where(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.ID.eq(cycle)).execute();

        assertEquals("approval.error.cycle-not-open", refusal(() -> approvals.approve(id, 3, null, null)));
        assertEquals("approval.error.cycle-not-open", refusal(() -> approvals.reject(id, "再看看")));
        assertEquals("approval.error.cycle-not-open", refusal(() -> approvals.approveMany(cycle, List.of(id))));
        assertEquals("RECOMMENDED", state(id));
    }
}

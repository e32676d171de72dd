package cn.luohu.qpb.notification;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.AssessmentsMoved;
import cn.luohu.qpb.assessment.ObjectionLodged;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.NOTIFICATION;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Notifications received: each move of an assessment tells the users it concerns (never the one who made
 * it, never a disabled account, never another committee), in the move's transaction, set-based.
 */
class AssessmentNotifierTest extends IntegrationTest {

    @Autowired
    private AssessmentService assessments;
    @Autowired
    private ReviewService reviews;
    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private DSLContext dsl;

    private AssessmentFixtures fixtures;
    private long committee;
    private long assessmentId;
    private String secretary;
    private String secondSecretary;
    private String disabledSecretary;
    private String reviewer;
    private String secondReviewer;
    private String disabledReviewer;
    private String foreignReviewer;
    private String approver;
    private String secondApprover;

    @BeforeEach
    void anAssessmentAndTheUsersAroundIt() {
        fixtures = new AssessmentFixtures(dsl);
        committee = data.committee("通知测试党工委");
        long branch = data.branch(committee, "通知测试支部");
        secretary = data.user(branch, Role.SECRETARY);
        secondSecretary = data.user(branch, Role.SECRETARY);
        disabledSecretary = disabled(data.user(branch, Role.SECRETARY));
        reviewer = data.user(committee, Role.REVIEWER);
        secondReviewer = data.user(committee, Role.REVIEWER);
        disabledReviewer = disabled(data.user(committee, Role.REVIEWER));
        foreignReviewer = data.user(data.committee("别的党工委"), Role.REVIEWER);
        approver = data.user(data.districtId(), Role.APPROVER);
        secondApprover = data.user(data.districtId(), Role.APPROVER);
        assessmentId = fixtures.openAssessment(branch, 2);
    }

    private String disabled(String username) {
        dsl.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.USERNAME.eq(username)).execute();
        return username;
    }

    /** What this user was told about the test's assessment, oldest first. */
    private List<NotificationKind> told(String username) {
        return dsl.select(NOTIFICATION.KIND).from(NOTIFICATION)
                .where(NOTIFICATION.RECIPIENT_ID.eq(data.userId(username)).and(NOTIFICATION.ASSESSMENT_ID.eq(assessmentId)))
                .orderBy(NOTIFICATION.ID).fetch(r -> NotificationKind.valueOf(r.value1()));
    }

    /** Publishes a move as AssessmentMoves would, inside a transaction (for the moves of later features). */
    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private void moved(AssessmentState from, AssessmentState to, String actor) {
        publish(new AssessmentsMoved(List.of(assessmentId), from, to, actor == null ? null : data.userId(actor), "说明"));
    }

    @Test
    void submittingReviewingReturningAndRecommendingTellEachUserWhatConcernsHim() {
        fixtures.state(assessmentId, AssessmentState.DRAFT);
        fixtures.readyToSubmit(assessmentId, data.userId(secretary), 3);
        actAs(secretary);
        assessments.submit(assessmentId);
        assertEquals(List.of(NotificationKind.SUBMITTED), told(reviewer));
        assertEquals(List.of(NotificationKind.SUBMITTED), told(secondReviewer));
        assertEquals(List.of(), told(secretary));

        actAs(reviewer);
        reviews.startReview(assessmentId);
        reviews.returnAssessment(assessmentId, "请补充三会一课记录");
        assertEquals(List.of(NotificationKind.REVIEW_STARTED, NotificationKind.RETURNED), told(secretary));

        actAs(secondSecretary);
        assessments.submit(assessmentId);
        actAs(reviewer);
        reviews.startReview(assessmentId);
        fixtures.reviewedInFull(assessmentId, data.userId(reviewer));
        reviews.recommend(assessmentId, 1, null);

        assertEquals(List.of(NotificationKind.SUBMITTED, NotificationKind.SUBMITTED), told(reviewer));
        assertEquals(List.of(NotificationKind.SUBMITTED, NotificationKind.SUBMITTED), told(secondReviewer));
        assertEquals(List.of(NotificationKind.REVIEW_STARTED, NotificationKind.RETURNED, NotificationKind.REVIEW_STARTED),
                told(secretary));
        assertEquals(List.of(NotificationKind.REVIEW_STARTED, NotificationKind.RETURNED, NotificationKind.REVIEW_STARTED),
                told(secondSecretary));
        assertEquals(List.of(NotificationKind.RECOMMENDED), told(approver));
        assertEquals(List.of(NotificationKind.RECOMMENDED), told("district"), "every district staff member");
        for (String nobody : List.of(disabledSecretary, disabledReviewer, foreignReviewer)) {
            assertEquals(List.of(), told(nobody), nobody);
        }
    }

    @Test
    void theDistrictsDecisionsAndObjectionsTellTheSecretariesAndTheReviewer() {
        dsl.update(ASSESSMENT).set(ASSESSMENT.REVIEWER_ID, data.userId(reviewer)).where(ASSESSMENT.ID.eq(assessmentId)).execute();
        moved(AssessmentState.RECOMMENDED, AssessmentState.UNDER_REVIEW, approver);
        assertEquals(List.of(NotificationKind.REJECTED), told(reviewer));
        assertEquals(List.of(), told(secondReviewer), "only the reviewer of the assessment");
        assertEquals(List.of(), told(secretary));

        moved(AssessmentState.RECOMMENDED, AssessmentState.APPROVED, approver);
        moved(AssessmentState.APPROVED, AssessmentState.IN_NOTICE, approver);
        publish(new ObjectionLodged(assessmentId, 1, data.userId(secondSecretary)));
        moved(AssessmentState.IN_NOTICE, AssessmentState.RECOMMENDED, approver);
        moved(AssessmentState.IN_NOTICE, AssessmentState.FINAL, null);

        assertEquals(List.of(NotificationKind.REJECTED, NotificationKind.APPROVED, NotificationKind.IN_NOTICE,
                NotificationKind.OBJECTION_LODGED, NotificationKind.FINAL), told(reviewer));
        assertEquals(List.of(NotificationKind.APPROVED, NotificationKind.IN_NOTICE, NotificationKind.OBJECTION_LODGED,
                NotificationKind.FINAL), told(secretary));
        assertEquals(List.of(NotificationKind.APPROVED, NotificationKind.IN_NOTICE, NotificationKind.FINAL),
                told(secondSecretary), "who lodged the objection is not told of it");
        assertEquals(List.of(NotificationKind.OBJECTION_LODGED, NotificationKind.REOPENED), told(secondApprover));
        assertEquals(List.of(NotificationKind.OBJECTION_LODGED), told(approver), "he made every other move himself");
        assertEquals(List.of(), told(secondReviewer));
    }

    @Test
    void aMoveThatRollsBackLeavesNoNotification() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            events.publishEvent(new AssessmentsMoved(List.of(assessmentId), AssessmentState.DRAFT, AssessmentState.SUBMITTED,
                    data.userId(secretary), null));
            status.setRollbackOnly();
        });
        assertEquals(List.of(), told(reviewer));
    }

    @Test
    void aBulkApprovalIsToldWithAFewInsertSelectsWhateverItsSize() {
        int size = cn.luohu.qpb.base.db.InLists.SIZE + 150;
        long bulkCommittee = data.committee("批量审定党工委");
        long bulkReviewer = data.userId(data.user(bulkCommittee, Role.REVIEWER));
        List<Long> ids = assessmentsWithSecretaries(bulkCommittee, size, bulkReviewer);
        long staff = data.userId(approver);

        long[] statements = new long[2];
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            statements[0] = sessionCounter("Com_insert_select") + sessionCounter("Com_insert");
            events.publishEvent(new AssessmentsMoved(ids, AssessmentState.RECOMMENDED, AssessmentState.APPROVED, staff, null));
            statements[1] = sessionCounter("Com_insert_select") + sessionCounter("Com_insert");
        });

        // two audiences (secretaries, the reviewer) times two chunks of ids
        assertEquals(4, statements[1] - statements[0]);
        assertEquals(size, dsl.fetchCount(NOTIFICATION, NOTIFICATION.ASSESSMENT_ID.in(ids)
                .and(NOTIFICATION.RECIPIENT_ROLE.eq("SECRETARY")).and(NOTIFICATION.KIND.eq("APPROVED"))));
        assertEquals(size, dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(bulkReviewer)
                .and(NOTIFICATION.KIND.eq("APPROVED"))));
        assertEquals(0, dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(staff)));
    }

    /** A statement counter of this connection's MariaDB session. */
    private long sessionCounter(String name) {
        return Long.parseLong(dsl.fetchSingle("SHOW SESSION STATUS LIKE {0}", DSL.inline(name)).get(1, String.class));
    }

    /**
     * {@code count} branches of the committee, each with a secretary and a RECOMMENDED assessment that
     * {@code reviewerId} reviewed, in one cycle: written in a few statements, not one per branch.
     */
    private List<Long> assessmentsWithSecretaries(long committeeId, int count, long reviewerId) {
        String prefix = TestData.unique("BULK");
        var parent = dsl.select(ORGANIZATION.PATH, ORGANIZATION.DEPTH).from(ORGANIZATION).where(ORGANIZATION.ID.eq(committeeId))
                .fetchSingle();
        var insert = dsl.insertInto(ORGANIZATION, ORGANIZATION.PARENT_ID, ORGANIZATION.PATH, ORGANIZATION.DEPTH, ORGANIZATION.KIND,
                ORGANIZATION.CATEGORY, ORGANIZATION.CODE, ORGANIZATION.NAME, ORGANIZATION.SHORT_NAME);
        for (int i = 0; i < count; i++) {
            insert = insert.values(committeeId, "pending", parent.value2() + 1, "BRANCH", "COMMUNITY", prefix + "-" + i,
                    "批量支部 " + i, "批量支部 " + i);
        }
        insert.execute();
        dsl.update(ORGANIZATION).set(ORGANIZATION.PATH, DSL.concat(DSL.inline(parent.value1()), ORGANIZATION.ID.cast(String.class),
                DSL.inline("/"))).where(ORGANIZATION.PARENT_ID.eq(committeeId)).execute();
        dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH, APP_USER.ORGANIZATION_ID)
                .select(DSL.select(DSL.lower(ORGANIZATION.CODE), ORGANIZATION.NAME, DSL.inline("-"), ORGANIZATION.ID)
                        .from(ORGANIZATION).where(ORGANIZATION.PARENT_ID.eq(committeeId)))
                .execute();
        dsl.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE)
                .select(DSL.select(APP_USER.ID, DSL.inline("SECRETARY")).from(APP_USER).join(ORGANIZATION)
                        .on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID)).where(ORGANIZATION.PARENT_ID.eq(committeeId)))
                .execute();
        long cycle = fixtures.cycle();
        dsl.insertInto(ASSESSMENT, ASSESSMENT.CYCLE_ID, ASSESSMENT.ORGANIZATION_ID, ASSESSMENT.COMMITTEE_ID, ASSESSMENT.STANDARD_ID,
                        ASSESSMENT.STATE, ASSESSMENT.STAR_AT_OPEN, ASSESSMENT.REVIEWER_ID)
                .select(DSL.select(DSL.val(cycle), ORGANIZATION.ID, DSL.val(committeeId), DSL.val(fixtures.publishedStandard("COMMUNITY")),
                                DSL.inline("RECOMMENDED"), DSL.inline(0), DSL.val(reviewerId))
                        .from(ORGANIZATION).where(ORGANIZATION.PARENT_ID.eq(committeeId)))
                .execute();
        return dsl.select(ASSESSMENT.ID).from(ASSESSMENT).where(ASSESSMENT.CYCLE_ID.eq(cycle)).fetch(ASSESSMENT.ID);
    }
}

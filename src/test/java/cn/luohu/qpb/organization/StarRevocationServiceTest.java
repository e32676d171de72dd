package cn.luohu.qpb.organization;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STAR_HISTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Revocation (摘星): district staff only, with a reason, into the history and the audit trail. */
class StarRevocationServiceTest extends IntegrationTest {

    @Autowired
    private StarRevocationService revocations;
    @Autowired
    private OrganizationService organizations;
    @Autowired
    private DSLContext dsl;

    private long organization;

    @BeforeEach
    void fourStarBranch() {
        organization = data.branch(data.committee("摘星测试党工委"), "摘星测试支部");
        dsl.update(ORGANIZATION).set(ORGANIZATION.CURRENT_STAR, 4).where(ORGANIZATION.ID.eq(organization)).execute();
        actAs(data.user(data.districtId(), Role.APPROVER));
    }

    private String refusal(Runnable action) {
        return assertThrows(PortalException.class, action::run).messageKey();
    }

    @Test
    void takesTheStarAwayWithAReasonIntoHistoryAndAudit() {
        revocations.revoke(organization, 4, 0, "支部书记受到党纪处分");

        assertEquals(0, organizations.get(organization).currentStar());
        var history = dsl.selectFrom(STAR_HISTORY).where(STAR_HISTORY.ORGANIZATION_ID.eq(organization)).fetchSingle();
        assertEquals("REVOCATION", history.getChangeKind());
        assertEquals(4, history.getFromStar());
        assertEquals(0, history.getToStar());
        assertEquals("支部书记受到党纪处分", history.getReason());
        assertEquals(StarChangeKind.REVOCATION, organizations.starHistory(organization).get(0).kind());
        assertEquals(1, dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("STAR_REVOKED")
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(organization)))));
    }

    @Test
    void refusesWithoutReasonWithoutLoweringOrWhenTheStarChangedMeanwhile() {
        assertEquals("star.revoke.error.reason-required", refusal(() -> revocations.revoke(organization, 4, 0, " ")));
        assertEquals("star.revoke.error.not-lower", refusal(() -> revocations.revoke(organization, 4, 4, "无")));
        assertEquals("star.revoke.error.not-lower", refusal(() -> revocations.revoke(organization, 4, -1, "无")));
        assertEquals("star.revoke.error.changed", refusal(() -> revocations.revoke(organization, 3, 0, "看到的是旧星级")));
        assertEquals("star.revoke.error.reason-too-long", refusal(() -> revocations.revoke(organization, 4, 0, "长".repeat(501))));
        assertEquals(4, organizations.get(organization).currentStar());
        assertEquals(0, dsl.fetchCount(STAR_HISTORY, STAR_HISTORY.ORGANIZATION_ID.eq(organization)));
    }

    @Test
    void onlyDistrictStaffRevoke() {
        long committee = data.committee("无权摘星党工委");
        actAs(data.user(committee, Role.REVIEWER));
        assertThrows(AccessDeniedException.class, () -> revocations.revoke(organization, 4, 0, "越权"));
        actAs(data.user(data.districtId(), Role.ADMIN));
        assertThrows(AccessDeniedException.class, () -> revocations.revoke(organization, 4, 0, "越权"));
        actAs(data.user(data.districtId(), Role.APPROVER));
        assertThrows(NotFoundException.class, () -> revocations.revoke(Long.MAX_VALUE, 4, 0, "不存在"));
        assertEquals(4, dsl.select(ORGANIZATION.CURRENT_STAR).from(ORGANIZATION).where(ORGANIZATION.ID.eq(organization)).fetchSingle().value1());
    }

    @Test
    void anAssessmentUnderWayCountsFromTheLoweredStarAndAPendingResultMustBeWithdrawnFirst() {
        var fixtures = new cn.luohu.qpb.assessment.AssessmentFixtures(dsl);
        long draft = fixtures.openAssessment(organization, 4);
        revocations.revoke(organization, 4, 1, "整改不到位");
        assertEquals(1, dsl.select(cn.luohu.qpb.jooq.Tables.ASSESSMENT.STAR_AT_OPEN).from(cn.luohu.qpb.jooq.Tables.ASSESSMENT)
                .where(cn.luohu.qpb.jooq.Tables.ASSESSMENT.ID.eq(draft)).fetchSingle().value1());

        fixtures.state(draft, cn.luohu.qpb.assessment.AssessmentState.APPROVED);
        assertEquals("star.revoke.error.result-pending", refusal(() -> revocations.revoke(organization, 1, 0, "再次违纪")));
        assertEquals(1, organizations.get(organization).currentStar());
    }
}

package cn.luohu.qpb.organization;

import cn.luohu.qpb.audit.AuditEvent;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.ValidationException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.List;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.NOTIFICATION;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule and refusal of changing the tree, with its audit trail. */
class OrganizationAdminServiceTest extends IntegrationTest {

    @Autowired
    private OrganizationAdminService admin;
    @Autowired
    private OrganizationAdminRepository stored;
    @Autowired
    private AuditService audit;
    @Autowired
    private DSLContext dsl;

    private long committee;
    private String committeeCode;
    private long otherCommittee;

    @BeforeEach
    void setUp() {
        committee = data.committee("管理测试党工委");
        otherCommittee = data.committee("另一个党工委");
        committeeCode = stored.byId(committee).orElseThrow().code();
        actAs(data.user(data.districtId(), Role.ADMIN));
    }

    private static NewOrganization branch(String code, String parentCode) {
        return new NewOrganization(code, parentCode, OrgKind.BRANCH, Category.NON_PUBLIC_ENTERPRISE,
                RegionalSystem.BUILDING_PARK_INDUSTRY, "中共" + code + "支部委员会", code + "党支部", "张三", 12, "0755-1234");
    }

    private String refusal(Runnable action) {
        return assertThrows(PortalException.class, action::run).messageKey();
    }

    private StoredOrganization load(long id) {
        return stored.byId(id).orElseThrow();
    }

    @Test
    void createsABranchWithItsPathAndAnAuditEvent() {
        String code = TestData.unique("B");
        long id = admin.create(branch(code, committeeCode));
        StoredOrganization created = load(id);
        assertEquals(TreePath.child(load(committee).path(), id), created.path());
        assertEquals(committee, created.parentId());
        AuditEvent event = audit.latestFor("organization", code, 1).getFirst();
        assertEquals("ORGANIZATION_CREATED", event.action());
        assertTrue(event.afterJson().contains(code));
    }

    @Test
    void refusesBadFieldsDuplicateCodesUnknownParentsAndWrongKinds() {
        String code = TestData.unique("B");
        admin.create(branch(code, committeeCode));
        assertEquals("org.error.code-taken", refusal(() -> admin.create(branch(code, committeeCode))));
        assertEquals("org.error.parent-unknown", refusal(() -> admin.create(branch(TestData.unique("B"), "NO-SUCH"))));
        assertEquals("org.error.wrong-parent-kind", refusal(() -> admin.create(
                new NewOrganization(TestData.unique("C"), committeeCode, OrgKind.COMMITTEE, null, null, "委", "委", null, 0, null))));
        ValidationException invalid = assertThrows(ValidationException.class, () -> admin.create(
                new NewOrganization("bad code!", committeeCode, OrgKind.BRANCH, null, null, "x".repeat(201), null, null, -1, null)));
        assertEquals(List.of("org.error.code-format", "org.error.category-required", "org.error.name-too-long",
                "org.error.members-range"), invalid.problemKeys());
    }

    @Test
    void createAllInsertsParentsBeforeChildrenInAnyOrder() {
        String general = TestData.unique("G");
        String child = TestData.unique("B");
        List<NewOrganization> orgs = List.of(
                branch(child, general),
                new NewOrganization(general, committeeCode, OrgKind.GENERAL_BRANCH, null, null, "总支", "总支", null, 0, null));
        admin.createAll(orgs);
        StoredOrganization generalRow = stored.byCode(general).orElseThrow();
        StoredOrganization childRow = stored.byCode(child).orElseThrow();
        assertEquals(generalRow.id(), childRow.parentId());
        assertEquals(TreePath.child(generalRow.path(), childRow.id()), childRow.path());
        assertEquals(3, TreePath.depth(childRow.path()));
    }

    @Test
    void createAllIsAllOrNothing() {
        String good = TestData.unique("B");
        assertEquals("org.error.parent-unknown", refusal(() -> admin.createAll(List.of(
                branch(good, committeeCode), branch(TestData.unique("B"), "MISSING-PARENT")))));
        assertFalse(stored.byCode(good).isPresent());
        String twice = TestData.unique("B");
        assertEquals("org.error.code-duplicate-in-list", refusal(() -> admin.createAll(List.of(
                branch(twice, committeeCode), branch(twice, committeeCode)))));
        String self = TestData.unique("G");
        assertEquals("org.error.wrong-parent-kind", refusal(() -> admin.createAll(List.of(
                new NewOrganization(self, self, OrgKind.GENERAL_BRANCH, null, null, "甲", "甲", null, 0, null)))),
                "its own parent: kinds are layered, so no loop can pass the kind rule");
    }

    @Test
    void createAllHandlesThousandsInOneGo() {
        List<NewOrganization> orgs = new ArrayList<>();
        String prefix = TestData.unique("M");
        for (int i = 0; i < 2000; i++) {
            orgs.add(branch(prefix + "-" + i, committeeCode));
        }
        long start = System.nanoTime();
        admin.createAll(orgs);
        System.out.printf("createAll: 2,000 organisations in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(2000, dsl.fetchCount(ORGANIZATION, ORGANIZATION.CODE.startsWith(prefix + "-")
                .and(ORGANIZATION.PATH.startsWith(load(committee).path())).and(ORGANIZATION.DEPTH.eq(2))));
    }

    @Test
    void editsAreCheckedAndAConcurrentEditIsRefused() {
        long id = admin.create(branch(TestData.unique("B"), committeeCode));
        OrganizationChanges loaded = admin.editable(id);
        OrganizationChanges renamed = new OrganizationChanges(loaded.code(), loaded.category(), loaded.regionalSystem(),
                "新名称党支部", "新名称", loaded.secretaryName(), 30, loaded.contact(), loaded.version());
        admin.update(id, renamed);
        assertEquals("新名称党支部", load(id).name());
        assertEquals("error.concurrent-change", refusal(() -> admin.update(id, renamed)), "the second tab loses");
        AuditEvent event = audit.latestFor("organization", loaded.code(), 1).getFirst();
        assertEquals("ORGANIZATION_UPDATED", event.action());
        assertTrue(event.beforeJson().contains("中共") && event.afterJson().contains("新名称党支部"));
        OrganizationChanges fresh = admin.editable(id);
        assertEquals("org.error.category-required", refusal(() -> admin.update(id, new OrganizationChanges(fresh.code(),
                null, null, fresh.name(), null, null, 0, null, fresh.version()))));
        String taken = load(committee).code();
        assertEquals("org.error.code-taken", refusal(() -> admin.update(id, new OrganizationChanges(taken,
                fresh.category(), null, fresh.name(), null, null, 0, null, fresh.version()))));
    }

    @Test
    void aMoveCarriesTheSubtreeAndRefusesCyclesAndWrongParents() {
        long general = admin.create(new NewOrganization(TestData.unique("G"), committeeCode, OrgKind.GENERAL_BRANCH,
                null, null, "移动总支", "移动总支", null, 0, null));
        long child = admin.create(branch(TestData.unique("B"), load(general).code()));
        admin.move(general, otherCommittee, load(general).version());
        assertEquals(TreePath.child(load(otherCommittee).path(), general), load(general).path());
        assertEquals(TreePath.child(load(general).path(), child), load(child).path(), "the child moved along");
        assertEquals("ORGANIZATION_MOVED", audit.latestFor("organization", load(general).code(), 1).getFirst().action());

        assertEquals("org.error.move-cycle", refusal(() -> admin.move(otherCommittee, child, load(otherCommittee).version())));
        assertEquals("org.error.wrong-parent-kind", refusal(() -> admin.move(child, data.districtId(), load(child).version())));
        assertEquals("org.error.move-root", refusal(() -> admin.move(data.districtId(), committee, 0)));
        assertEquals("error.concurrent-change", refusal(() -> admin.move(child, committee, load(child).version() - 1)));
    }

    @Test
    void deactivationKeepsHistoryAndFollowsTheTree() {
        long general = admin.create(new NewOrganization(TestData.unique("G"), committeeCode, OrgKind.GENERAL_BRANCH,
                null, null, "停用总支", "停用总支", null, 0, null));
        long child = admin.create(branch(TestData.unique("B"), load(general).code()));
        assertEquals("org.error.active-children", refusal(() -> admin.deactivate(general, load(general).version())));
        admin.deactivate(child, load(child).version());
        admin.deactivate(general, load(general).version());
        assertFalse(load(general).active());
        assertEquals("org.error.parent-inactive", refusal(() -> admin.reactivate(child, load(child).version())));
        assertEquals("org.error.parent-inactive", refusal(() -> admin.create(branch(TestData.unique("B"), load(general).code()))));
        admin.reactivate(general, load(general).version());
        admin.reactivate(child, load(child).version());
        assertTrue(load(child).active());
        assertEquals("ORGANIZATION_REACTIVATED", audit.latestFor("organization", load(child).code(), 1).getFirst().action());
        assertEquals("org.error.deactivate-root", refusal(() -> admin.deactivate(data.districtId(), 0)));
    }

    @Test
    void onlyAdministratorsChangeTheTree() {
        for (Role role : List.of(Role.APPROVER, Role.REVIEWER, Role.SECRETARY)) {
            long org = role == Role.SECRETARY ? data.branch(committee, "书记支部") : role == Role.REVIEWER ? committee : data.districtId();
            actAs(data.user(org, role));
            assertThrows(AccessDeniedException.class, () -> admin.create(branch(TestData.unique("B"), committeeCode)), role.name());
            assertThrows(AccessDeniedException.class, () -> admin.deactivate(committee, 0), role.name());
            assertThrows(AccessDeniedException.class, () -> admin.editable(committee), role.name());
        }
    }

    @Autowired
    private cn.luohu.qpb.assessment.AssessmentService assessments;

    /**
     * Issue 11, item 5: the assessments of a moved organisation follow it to its new committee in the same
     * transaction (except those of closed cycles, which keep the committee that reviewed them), so the new
     * committee's reviewers are told of a submission and the old committee's are not.
     */
    @Test
    void aMoveCarriesTheOrganisationsAssessmentsToItsNewCommittee() {
        var fixtures = new cn.luohu.qpb.assessment.AssessmentFixtures(dsl);
        long branch = data.branch(committee, "搬迁测试支部");
        String secretary = data.user(branch, Role.SECRETARY);
        String oldReviewer = data.user(committee, Role.REVIEWER);
        String newReviewer = data.user(otherCommittee, Role.REVIEWER);
        long open = fixtures.openAssessment(branch, 2);
        long closedCycle = fixtures.cycle();
        long closed = fixtures.assessment(closedCycle, branch, cn.luohu.qpb.assessment.AssessmentState.FINAL);
        dsl.update(ASSESSMENT_CYCLE).set(ASSESSMENT_CYCLE.STATUS, "CLOSED").where(ASSESSMENT_CYCLE.ID.eq(closedCycle)).execute();

        admin.move(branch, otherCommittee, load(branch).version());

        assertEquals(otherCommittee, committeeOf(open));
        assertEquals(committee, committeeOf(closed), "a closed cycle keeps the committee that reviewed it");
        fixtures.state(open, cn.luohu.qpb.assessment.AssessmentState.DRAFT);
        fixtures.readyToSubmit(open, data.userId(secretary), 2);
        actAs(secretary);
        assessments.submit(open);
        assertEquals(1, dsl.fetchCount(NOTIFICATION, NOTIFICATION.ASSESSMENT_ID.eq(open)
                .and(NOTIFICATION.RECIPIENT_ID.eq(data.userId(newReviewer)))));
        assertEquals(0, dsl.fetchCount(NOTIFICATION, NOTIFICATION.ASSESSMENT_ID.eq(open)
                .and(NOTIFICATION.RECIPIENT_ID.eq(data.userId(oldReviewer)))));
    }

    private long committeeOf(long assessmentId) {
        return dsl.select(ASSESSMENT.COMMITTEE_ID).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1();
    }
}

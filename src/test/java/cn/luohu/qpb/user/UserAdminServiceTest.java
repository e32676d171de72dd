package cn.luohu.qpb.user;

import cn.luohu.qpb.assessment.ApprovalFilter;
import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.audit.AuditEvent;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.WRITE_GUARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserAdminServiceTest extends IntegrationTest {

    @Autowired
    private UserAdminService users;
    @Autowired
    private OrganizationService organizations;
    @Autowired
    private AuditService audit;
    @Autowired
    private UserDetailsService userDetails;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private ApprovalService approvals;

    private String admin;
    private long committeeId;
    private long branchId;
    private String committeeCode;
    private String branchCode;
    private String districtCode;

    @BeforeEach
    void setUp() {
        committeeId = data.committee("用户管理测试党工委");
        branchId = data.branch(committeeId, "用户管理测试支部");
        admin = data.user(data.districtId(), Role.ADMIN);
        actAs(admin);
        committeeCode = organizations.get(committeeId).code();
        branchCode = organizations.get(branchId).code();
        districtCode = organizations.get(data.districtId()).code();
    }

    private NewUser secretary(String username) {
        return new NewUser(username, "张晓梅", branchCode, EnumSet.of(Role.SECRETARY), "13800138000",
                "zhangxm@example.com");
    }

    private long idOf(String username) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
    }

    private UserSummary summary(String username) {
        return users.get(idOf(username));
    }

    private String refusal(Executable call) {
        return assertThrows(PortalException.class, call).messageKey();
    }

    private AuditEvent latestAudit(String username) {
        return audit.latestFor("user", username, 1).getFirst();
    }

    // --- create ---

    @Test
    void aNewAccountGetsAOneTimePasswordItMustChange() {
        String username = TestData.unique("new");
        String password = users.create(secretary(username));

        assertEquals(16, password.length());
        UserDetails stored = userDetails.loadUserByUsername(username);
        assertTrue(stored.getPassword().startsWith("{otp}"), "one-time passwords get the salted hash for random secrets");
        assertTrue(encoder.matches(password, stored.getPassword()));
        UserSummary created = summary(username);
        assertTrue(created.mustChangePassword());
        assertTrue(created.enabled());
        assertEquals(Set.of(Role.SECRETARY), created.roles());
        assertEquals(branchId, created.organizationId());
        assertEquals("13800138000", created.phone());

        AuditEvent event = latestAudit(username);
        assertEquals("USER_CREATED", event.action());
        assertEquals(admin, event.actor());
        assertTrue(event.afterJson().contains("\"displayName\":\"张晓梅\""), event.afterJson());
        assertTrue(event.afterJson().contains("\"roles\":[\"SECRETARY\"]"), event.afterJson());
        assertFalse(event.afterJson().contains(password), "the one-time password is never audited");
        assertFalse(event.afterJson().contains("{otp}"), "nor its hash");
    }

    @Test
    void blankOptionalFieldsAreStoredAsNothing() {
        String username = TestData.unique("bare");
        users.create(new NewUser(username, "  李明  ", branchCode, EnumSet.of(Role.SECRETARY), " ", ""));
        UserSummary created = summary(username);
        assertEquals("李明", created.displayName());
        assertNull(created.phone());
        assertNull(created.email());
    }

    @Test
    void eachFieldRuleRefusesACreation() {
        assertEquals("user.error.username-required", refusal(() -> users.create(secretary(" "))));
        assertEquals("user.error.username-too-long", refusal(() -> users.create(secretary("u".repeat(65)))));
        assertEquals("user.error.username-format", refusal(() -> users.create(secretary("张三"))));
        assertEquals("user.error.username-format", refusal(() -> users.create(secretary("zhang san"))));
        String name = TestData.unique("f");
        assertEquals("user.error.display-name-required", refusal(() -> users.create(
                new NewUser(name, " ", branchCode, EnumSet.of(Role.SECRETARY), null, null))));
        assertEquals("user.error.display-name-too-long", refusal(() -> users.create(
                new NewUser(name, "名".repeat(101), branchCode, EnumSet.of(Role.SECRETARY), null, null))));
        assertEquals("user.error.organization-required", refusal(() -> users.create(
                new NewUser(name, "王芳", null, EnumSet.of(Role.SECRETARY), null, null))));
        assertEquals("user.error.roles-required", refusal(() -> users.create(
                new NewUser(name, "王芳", branchCode, Set.of(), null, null))));
        assertEquals("user.error.phone-format", refusal(() -> users.create(
                new NewUser(name, "王芳", branchCode, EnumSet.of(Role.SECRETARY), "call me", null))));
        assertEquals("user.error.phone-too-long", refusal(() -> users.create(
                new NewUser(name, "王芳", branchCode, EnumSet.of(Role.SECRETARY), "1".repeat(33), null))));
        assertEquals("user.error.email-format", refusal(() -> users.create(
                new NewUser(name, "王芳", branchCode, EnumSet.of(Role.SECRETARY), null, "wangfang.example.com"))));
        assertEquals("user.error.email-too-long", refusal(() -> users.create(
                new NewUser(name, "王芳", branchCode, EnumSet.of(Role.SECRETARY), null, "a".repeat(250) + "@x.cn"))));
        assertEquals(0, dsl.fetchCount(APP_USER, APP_USER.USERNAME.eq(name)));
    }

    @Test
    void aTakenUsernameIsRefusedWhateverItsCase() {
        String username = TestData.unique("taken");
        users.create(secretary(username));
        PortalException refused = assertThrows(PortalException.class,
                () -> users.create(secretary(username.toUpperCase())));
        assertEquals("user.error.username-taken", refused.messageKey());
        assertEquals(username, refused.arguments()[0]);
    }

    @Test
    void anUnknownOrDissolvedOrganisationIsRefused() {
        assertEquals("user.error.organization-unknown", refusal(() -> users.create(new NewUser(TestData.unique("x"),
                "王芳", "NO-SUCH-ORG", EnumSet.of(Role.SECRETARY), null, null))));
        long dissolved = data.branch(committeeId, "已撤销支部");
        dsl.update(cn.luohu.qpb.jooq.Tables.ORGANIZATION).set(cn.luohu.qpb.jooq.Tables.ORGANIZATION.ACTIVE, false)
                .where(cn.luohu.qpb.jooq.Tables.ORGANIZATION.ID.eq(dissolved)).execute();
        String code = organizations.get(dissolved).code();
        assertEquals("user.error.organization-inactive", refusal(() -> users.create(new NewUser(TestData.unique("x"),
                "王芳", code, EnumSet.of(Role.SECRETARY), null, null))));
    }

    @Test
    void eachRoleBelongsWhereRolePlacementSays() {
        PortalException secretary = assertThrows(PortalException.class, () -> users.create(new NewUser(
                TestData.unique("p"), "王芳", committeeCode, EnumSet.of(Role.SECRETARY), null, null)));
        assertEquals("user.error.placement.SECRETARY", secretary.messageKey());
        assertEquals("用户管理测试党工委", secretary.arguments()[0]);
        assertEquals("user.error.placement.REVIEWER", refusal(() -> users.create(new NewUser(
                TestData.unique("p"), "王芳", branchCode, EnumSet.of(Role.REVIEWER), null, null))));
        assertEquals("user.error.placement.APPROVER", refusal(() -> users.create(new NewUser(
                TestData.unique("p"), "王芳", committeeCode, EnumSet.of(Role.APPROVER), null, null))));
        assertEquals("user.error.placement.SECRETARY", refusal(() -> users.create(new NewUser(
                TestData.unique("p"), "王芳", districtCode, EnumSet.of(Role.APPROVER, Role.SECRETARY), null, null))));

        users.create(new NewUser(TestData.unique("p"), "评审员", committeeCode, EnumSet.of(Role.REVIEWER), null, null));
        users.create(new NewUser(TestData.unique("p"), "组织部", districtCode, EnumSet.of(Role.APPROVER), null, null));
        users.create(new NewUser(TestData.unique("p"), "管理员", branchCode, EnumSet.of(Role.ADMIN), null, null));
    }

    /** Issue 11, item 3: ADMIN never shares an account with a workflow role, and the attempt is audited. */
    @Test
    void anAdministratorAccountHoldsNoWorkflowRole() {
        String approverAdmin = TestData.unique("p");
        assertEquals("user.error.admin-with-workflow-role", refusal(() -> users.create(new NewUser(approverAdmin,
                "组织部", districtCode, EnumSet.of(Role.APPROVER, Role.ADMIN), null, null))));
        assertEquals("ROLE_CHANGE_REFUSED", latestAudit(approverAdmin).action());
        assertEquals(admin, latestAudit(approverAdmin).actor());
        assertEquals("user.error.admin-with-workflow-role", refusal(() -> users.create(new NewUser(TestData.unique("p"),
                "管理员", branchCode, EnumSet.of(Role.ADMIN, Role.SECRETARY), null, null))));
        assertEquals(List.of(new UserProblem(0, "x", "user.error.admin-with-workflow-role", List.of())), users.problems(
                List.of(new NewUser("x", "评审员", committeeCode, EnumSet.of(Role.REVIEWER, Role.ADMIN), null, null))));

        String colleague = data.user(data.districtId(), Role.ADMIN);
        UserSummary before = summary(colleague);
        assertEquals("user.error.admin-with-workflow-role", refusal(() -> users.update(before.id(), new UserChanges(
                "同事", data.districtId(), EnumSet.of(Role.ADMIN, Role.APPROVER), null, null, before.version()))));
        assertEquals(Set.of(Role.ADMIN), summary(colleague).roles());
        AuditEvent attempt = latestAudit(colleague);
        assertEquals("ROLE_CHANGE_REFUSED", attempt.action());
        assertTrue(attempt.afterJson().contains("\"roles\":[\"APPROVER\",\"ADMIN\"]"), attempt.afterJson());
    }

    /**
     * Issue 11, item 3: an account that held ADMIN with a workflow role before the rule existed acts as an
     * administrator only, so he cannot approve with the role he once granted himself.
     */
    @Test
    void anAdministratorWhoKeptAWorkflowRoleFromBeforeTheRuleActsAsAdministratorOnly() {
        String mixed = data.user(data.districtId(), Role.ADMIN, Role.APPROVER); // as stored before the rule

        assertEquals(Set.of("ROLE_ADMIN"), userDetails.loadUserByUsername(mixed).getAuthorities().stream()
                .map(Object::toString).collect(java.util.stream.Collectors.toSet()));
        actAs(mixed);
        assertThrows(AccessDeniedException.class, () -> approvals.count(ApprovalFilter.of(1)));
        assertEquals(Set.of(Role.ADMIN, Role.APPROVER), summary(mixed).roles(), "still listed as stored, for an administrator to correct");
    }

    // --- createAll ---

    /** An import refusing ADMIN with a workflow role audits the attempt, as a single creation does. */
    @Test
    void anImportRefusingAnAdministratorWithAWorkflowRoleAuditsTheAttempt() {
        String approverAdmin = TestData.unique("p");
        UsersRefusedException refused = assertThrows(UsersRefusedException.class, () -> users.createAll(List.of(
                new NewUser(TestData.unique("p"), "评审员", committeeCode, EnumSet.of(Role.REVIEWER), null, null),
                new NewUser(approverAdmin, "组织部", districtCode, EnumSet.of(Role.APPROVER, Role.ADMIN), null, null))));
        assertEquals("user.error.admin-with-workflow-role", refused.problems().getFirst().messageKey());
        AuditEvent attempt = latestAudit(approverAdmin);
        assertEquals("ROLE_CHANGE_REFUSED", attempt.action());
        assertEquals(admin, attempt.actor());
    }

    @Test
    void createAllCreatesEveryAccountWithItsOwnPassword() {
        List<NewUser> list = List.of(secretary(TestData.unique("bulk")), secretary(TestData.unique("bulk")),
                new NewUser(TestData.unique("bulk"), "评审员", committeeCode, EnumSet.of(Role.REVIEWER), null, null));
        Map<String, String> passwords = users.createAll(list);

        assertEquals(list.stream().map(NewUser::username).toList(), List.copyOf(passwords.keySet()));
        assertEquals(3, Set.copyOf(passwords.values()).size());
        for (NewUser user : list) {
            assertTrue(encoder.matches(passwords.get(user.username()),
                    userDetails.loadUserByUsername(user.username()).getPassword()));
            UserSummary created = summary(user.username());
            assertTrue(created.mustChangePassword());
            assertEquals(user.roles(), created.roles());
            assertEquals("USER_CREATED", latestAudit(user.username()).action());
        }
    }

    @Test
    void createAllRefusesTheWholeListAndNamesEveryProblem() {
        String taken = data.user(branchId, Role.SECRETARY);
        String good = TestData.unique("good");
        String twice = TestData.unique("twice");
        List<NewUser> list = List.of(
                secretary(good),
                secretary(twice),
                secretary(twice.toUpperCase()),
                secretary(taken),
                new NewUser(TestData.unique("bad"), "王芳", "NO-SUCH-ORG", EnumSet.of(Role.SECRETARY), null, null),
                new NewUser(TestData.unique("bad"), "王芳", committeeCode, EnumSet.of(Role.SECRETARY), null, null),
                new NewUser(TestData.unique("bad"), "", branchCode, EnumSet.of(Role.SECRETARY), null, "nope"));

        assertEquals(6, users.problems(list).size());
        UsersRefusedException refused = assertThrows(UsersRefusedException.class, () -> users.createAll(list));
        assertEquals("user.error.bulk-refused", refused.messageKey());
        assertEquals(List.of(6, 3, twice.toUpperCase()), List.of(refused.arguments()));
        List<String> found = refused.problems().stream().map(p -> p.index() + ":" + p.messageKey()).toList();
        assertEquals(List.of("2:user.error.username-repeated", "3:user.error.username-taken",
                "4:user.error.organization-unknown", "5:user.error.placement.SECRETARY",
                "6:user.error.display-name-required", "6:user.error.email-format"), found);
        assertEquals(List.of(2), refused.problems().getFirst().arguments(), "the row it repeats, counted from 1");
        assertEquals(0, dsl.fetchCount(APP_USER, APP_USER.USERNAME.in(good, twice)), "nothing was created");
        assertTrue(users.problems(List.of(secretary(TestData.unique("fine")))).isEmpty());
    }

    /**
     * An import of 20,000 accounts in one transaction (rolled back afterwards so the shared database
     * stays small). Prints the time; asserts only that everything was written.
     */
    @Test
    @Transactional
    void createAllHandlesTwentyThousandAccounts() {
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(organizations.get(data.branch(committeeId, "批量支部" + i)).code());
        }
        String prefix = TestData.unique("imp") + "-";
        List<NewUser> list = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            list.add(new NewUser(prefix + i, "党务工作者" + i, codes.get(i % codes.size()), EnumSet.of(Role.SECRETARY),
                    "1380013" + String.format("%04d", i % 10_000), null));
        }
        long start = System.nanoTime();
        Map<String, String> passwords = users.createAll(list);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.printf("createAll of 20,000 users took %,d ms%n", millis);

        assertEquals(20_000, passwords.size());
        assertEquals(20_000, dsl.fetchCount(APP_USER, APP_USER.USERNAME.startsWith(prefix)));
        assertEquals(20_000, dsl.fetchCount(dsl.selectFrom(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.in(
                dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.startsWith(prefix))))));
        assertEquals(20_000, dsl.fetchCount(cn.luohu.qpb.jooq.Tables.AUDIT_EVENT,
                cn.luohu.qpb.jooq.Tables.AUDIT_EVENT.ENTITY_ID.startsWith(prefix)));
        String last = prefix + 19_999;
        assertTrue(encoder.matches(passwords.get(last), userDetails.loadUserByUsername(last).getPassword()));
    }

    // --- find and count ---

    @Test
    void searchFiltersAndSortsInSql() {
        String reviewer = data.user(committeeId, Role.REVIEWER);
        String secretaryA = data.user(branchId, Role.SECRETARY);
        String secretaryB = data.user(branchId, Role.SECRETARY);
        UserFilter inCommittee = new UserFilter(null, null, committeeId, null, null);

        assertEquals(3, users.count(inCommittee), "the committee and the organisations below it");
        assertEquals(List.of(secretaryB, secretaryA, reviewer).stream().sorted(java.util.Comparator.reverseOrder())
                        .toList(),
                users.find(inCommittee, 0, 10, List.of(new UserSort(UserSort.Column.USERNAME, false))).stream()
                        .map(UserSummary::username).toList());
        assertEquals(List.of(reviewer), users.find(new UserFilter(null, Role.REVIEWER, committeeId, null, null), 0, 10,
                List.of()).stream().map(UserSummary::username).toList());
        assertEquals(2, users.count(new UserFilter(null, null, branchId, null, null)));
        assertEquals(List.of(secretaryA), users.find(new UserFilter(secretaryA, null, null, null, null), 0, 10,
                List.of()).stream().map(UserSummary::username).toList());
        assertEquals(3, users.count(new UserFilter("测试用户", null, committeeId, null, null)), "display names match");
        assertEquals(0, users.count(new UserFilter("%", null, committeeId, null, null)), "wildcards are literal");
        assertEquals(1, users.find(inCommittee, 1, 1, List.of()).size(), "paged");

        users.disable(idOf(secretaryA));
        assertEquals(List.of(secretaryA), users.find(new UserFilter(null, null, committeeId, false, null), 0, 10,
                List.of()).stream().map(UserSummary::username).toList());
        assertEquals(2, users.count(new UserFilter(null, null, committeeId, true, null)));
    }

    @Test
    void lockedMeansLockedNowByThePortalsClock() {
        String locked = data.user(branchId, Role.SECRETARY);
        data.user(branchId, Role.SECRETARY);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        dsl.update(APP_USER).set(APP_USER.LOCKED_UNTIL, now.plusMinutes(15)).set(APP_USER.FAILED_LOGIN_COUNT, 0)
                .where(APP_USER.USERNAME.eq(locked)).execute();
        UserFilter lockedInBranch = new UserFilter(null, null, branchId, null, true);

        assertEquals(List.of(locked), users.find(lockedInBranch, 0, 10, List.of()).stream()
                .map(UserSummary::username).toList());
        assertTrue(summary(locked).locked());
        assertEquals(1, users.count(new UserFilter(null, null, branchId, null, false)));

        clock.advance(Duration.ofMinutes(16));
        assertEquals(0, users.count(lockedInBranch));
        assertEquals(2, users.count(new UserFilter(null, null, branchId, null, false)));
        assertFalse(summary(locked).locked());
    }

    // --- update ---

    @Test
    void anEditIsSavedAuditedAndBumpsTheVersion() {
        String username = TestData.unique("edit");
        users.create(secretary(username));
        UserSummary before = summary(username);
        long otherBranch = data.branch(committeeId, "另一支部");

        users.update(before.id(), new UserChanges("张晓梅（新）", committeeId, EnumSet.of(Role.REVIEWER),
                "0755-82345678", null, before.version()));

        UserSummary after = summary(username);
        assertEquals("张晓梅（新）", after.displayName());
        assertEquals(committeeId, after.organizationId());
        assertEquals(Set.of(Role.REVIEWER), after.roles());
        assertEquals("0755-82345678", after.phone());
        assertNull(after.email());
        assertNotEquals(before.version(), after.version());
        AuditEvent event = latestAudit(username);
        assertEquals("USER_UPDATED", event.action());
        assertTrue(event.beforeJson().contains("\"displayName\":\"张晓梅\""), event.beforeJson());
        assertTrue(event.afterJson().contains("\"roles\":[\"REVIEWER\"]"), event.afterJson());
    }

    @Test
    void aStaleEditIsRefusedNotApplied() {
        String username = TestData.unique("stale");
        users.create(secretary(username));
        UserSummary opened = summary(username);
        users.update(opened.id(), new UserChanges("第一位管理员", branchId, opened.roles(), null, null,
                opened.version()));

        PortalException refused = assertThrows(PortalException.class, () -> users.update(opened.id(),
                new UserChanges("第二位管理员", branchId, opened.roles(), null, null, opened.version())));
        assertEquals("user.error.stale", refused.messageKey());
        assertEquals("第一位管理员", summary(username).displayName());

        UserSummary reopened = summary(username);
        users.disable(reopened.id());
        assertEquals("user.error.stale", refusal(() -> users.update(reopened.id(), new UserChanges("第三位",
                branchId, reopened.roles(), null, null, reopened.version()))), "disabling changes the account too");
    }

    @Test
    void anEditChecksFieldsPlacementAndOrganisation() {
        String username = TestData.unique("e");
        users.create(secretary(username));
        UserSummary user = summary(username);
        assertEquals("user.error.display-name-required", refusal(() -> users.update(user.id(),
                new UserChanges("", branchId, user.roles(), null, null, user.version()))));
        assertEquals("user.error.roles-required", refusal(() -> users.update(user.id(),
                new UserChanges("王芳", branchId, Set.of(), null, null, user.version()))));
        assertEquals("user.error.placement.SECRETARY", refusal(() -> users.update(user.id(),
                new UserChanges("王芳", committeeId, user.roles(), null, null, user.version()))));
        assertEquals("user.error.placement.REVIEWER", refusal(() -> users.update(user.id(),
                new UserChanges("王芳", branchId, EnumSet.of(Role.REVIEWER), null, null, user.version()))));
        assertThrows(NotFoundException.class, () -> users.update(user.id(),
                new UserChanges("王芳", -1, user.roles(), null, null, user.version())));
        assertThrows(NotFoundException.class, () -> users.update(-1,
                new UserChanges("王芳", branchId, user.roles(), null, null, 0)));
        assertEquals(user, summary(username));
    }

    // --- the administrator safeguards ---

    @Test
    void anAdministratorCannotRemoveHisOwnAdminRoleOrDisableHimself() {
        UserSummary me = summary(admin);
        assertEquals("user.error.own-admin-role", refusal(() -> users.update(me.id(),
                new UserChanges("我自己", data.districtId(), EnumSet.of(Role.APPROVER), null, null, me.version()))));
        assertEquals("user.error.disable-self", refusal(() -> users.disable(me.id())));
        assertTrue(summary(admin).enabled());
        assertEquals(Set.of(Role.ADMIN), summary(admin).roles());

        users.update(me.id(), new UserChanges("我自己", data.districtId(), EnumSet.of(Role.ADMIN), null, null, me.version()));
        assertEquals("我自己", summary(admin).displayName(), "his other details he may change");
    }

    /** Issue 11, item 3: an administrator who grants himself a role (here APPROVER, then approves) is refused. */
    @Test
    void nobodyChangesHisOwnRoles() {
        String lead = data.user(data.districtId(), Role.ADMIN);
        actAs(lead);
        UserSummary me = summary(lead);
        assertEquals("user.error.own-roles", refusal(() -> users.update(me.id(), new UserChanges("我自己",
                data.districtId(), EnumSet.of(Role.ADMIN, Role.APPROVER), null, null, me.version()))));
        assertEquals(Set.of(Role.ADMIN), summary(lead).roles());
        AuditEvent attempt = latestAudit(lead);
        assertEquals("ROLE_CHANGE_REFUSED", attempt.action());
        assertEquals(lead, attempt.actor());
        assertTrue(attempt.afterJson().contains("user.error.own-roles"), attempt.afterJson());
    }

    @Test
    void anotherAdministratorMayBeDisabledOrLoseTheRole() {
        String other = data.user(data.districtId(), Role.ADMIN, Role.APPROVER);
        UserSummary user = summary(other);
        users.update(user.id(), new UserChanges("前管理员", data.districtId(), EnumSet.of(Role.APPROVER), null, null,
                user.version()));
        assertEquals(Set.of(Role.APPROVER), summary(other).roles());
        users.disable(user.id());
        assertFalse(summary(other).enabled());
    }

    private long enabledAdminsGuard() {
        return dsl.select(WRITE_GUARD.SEQ).from(WRITE_GUARD).where(WRITE_GUARD.NAME.eq("enabled-admins"))
                .fetchOptional(WRITE_GUARD.SEQ).orElse(0L);
    }

    /**
     * On a cluster each of two administrators disabling the other writes only the other's row, and a lock
     * holds only on its node: so every change that may remove an administrator writes one guard row too.
     */
    @Test
    void removingAnAdministratorWritesTheGuardRow() {
        String other = data.user(data.districtId(), Role.ADMIN, Role.APPROVER);
        long before = enabledAdminsGuard();

        users.disable(idOf(other));
        assertEquals(before + 1, enabledAdminsGuard());
        UserSummary user = summary(other);
        users.update(user.id(), new UserChanges("前管理员", data.districtId(), EnumSet.of(Role.APPROVER), null, null,
                user.version()));
        assertEquals(before + 2, enabledAdminsGuard());
    }

    /**
     * The last enabled administrator: every other administrator is disabled inside this test's transaction
     * (rolled back afterwards). The caller is one of them, disabled while still logged in.
     */
    @Test
    @Transactional
    void theLastEnabledAdministratorCannotBeRemoved() {
        String last = data.user(data.districtId(), Role.ADMIN);
        long lastId = idOf(last);
        dsl.update(APP_USER).set(APP_USER.ENABLED, false)
                .where(APP_USER.ID.in(dsl.select(APP_USER_ROLE.USER_ID).from(APP_USER_ROLE)
                        .where(APP_USER_ROLE.ROLE.eq(Role.ADMIN.name()))))
                .and(APP_USER.ID.ne(lastId))
                .execute();
        UserSummary target = summary(last);

        assertEquals("user.error.last-admin", refusal(() -> users.disable(lastId)));
        assertEquals("user.error.last-admin", refusal(() -> users.update(lastId, new UserChanges("最后一位",
                data.districtId(), EnumSet.of(Role.APPROVER), null, null, target.version()))));
        assertTrue(summary(last).enabled());
        assertEquals(Set.of(Role.ADMIN), summary(last).roles());

        users.enable(idOf(admin));
        users.disable(lastId);
        assertFalse(summary(last).enabled(), "with a second enabled administrator it may go");
    }

    // --- disable, enable, unlock, reset ---

    @Test
    void disableAndEnableAreAuditedAndDecideTheLogin() {
        String username = data.user(branchId, Role.SECRETARY);
        long id = idOf(username);

        users.disable(id);
        assertFalse(userDetails.loadUserByUsername(username).isEnabled());
        AuditEvent disabled = latestAudit(username);
        assertEquals("USER_DISABLED", disabled.action());
        assertEquals("{\"enabled\":false}", disabled.afterJson());
        users.disable(id);
        assertEquals(1, audit.latestFor("user", username, 5).size(), "disabling twice changes nothing");

        users.enable(id);
        assertTrue(userDetails.loadUserByUsername(username).isEnabled());
        assertEquals("USER_ENABLED", latestAudit(username).action());
        users.enable(id);
        assertEquals(2, audit.latestFor("user", username, 5).size());
        assertThrows(NotFoundException.class, () -> users.disable(-1));
    }

    @Test
    void unlockClearsTheLockAndTheFailureCount() {
        String username = data.user(branchId, Role.SECRETARY);
        LocalDateTime until = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).plusMinutes(10);
        dsl.update(APP_USER).set(APP_USER.LOCKED_UNTIL, until).set(APP_USER.FAILED_LOGIN_COUNT, 3)
                .where(APP_USER.USERNAME.eq(username)).execute();
        assertFalse(userDetails.loadUserByUsername(username).isAccountNonLocked());

        users.unlock(idOf(username));

        assertTrue(userDetails.loadUserByUsername(username).isAccountNonLocked());
        var row = dsl.select(APP_USER.LOCKED_UNTIL, APP_USER.FAILED_LOGIN_COUNT).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username)).fetchSingle();
        assertNull(row.value1());
        assertEquals(0, row.value2());
        AuditEvent event = latestAudit(username);
        assertEquals("USER_UNLOCKED", event.action());
        assertTrue(event.beforeJson().contains("lockedUntil"), event.beforeJson());
    }

    @Test
    void aResetGivesANewOneTimePasswordAndForcesAChange() {
        String username = data.user(branchId, Role.SECRETARY);
        dsl.update(APP_USER).set(APP_USER.LOCKED_UNTIL, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))
                .plusMinutes(10)).where(APP_USER.USERNAME.eq(username)).execute();

        String password = users.resetPassword(idOf(username));

        UserDetails stored = userDetails.loadUserByUsername(username);
        assertTrue(encoder.matches(password, stored.getPassword()));
        assertFalse(encoder.matches(TestData.PASSWORD, stored.getPassword()), "the old password no longer works");
        assertTrue(stored.isAccountNonLocked(), "the user can log in with it at once");
        assertTrue(summary(username).mustChangePassword());
        AuditEvent event = latestAudit(username);
        assertEquals("PASSWORD_RESET", event.action());
        assertEquals(admin, event.actor());
        assertFalse(event.afterJson().contains(password));
        assertFalse(event.afterJson().contains("{otp}"));
        assertNotEquals(password, users.resetPassword(idOf(username)));
    }

    // --- who may call ---

    @Test
    void onlyAdministratorsMayCallAnyOfIt() {
        String target = data.user(branchId, Role.SECRETARY);
        long id = idOf(target);
        UserChanges changes = new UserChanges("某人", branchId, EnumSet.of(Role.SECRETARY), null, null, 0);
        List<Executable> calls = List.of(
                () -> users.find(UserFilter.none(), 0, 10, List.of()),
                () -> users.count(UserFilter.none()),
                () -> users.get(id),
                () -> users.problems(List.of(secretary(TestData.unique("n")))),
                () -> users.create(secretary(TestData.unique("n"))),
                () -> users.createAll(List.of(secretary(TestData.unique("n")))),
                () -> users.update(id, changes),
                () -> users.disable(id),
                () -> users.enable(id),
                () -> users.unlock(id),
                () -> users.resetPassword(id));
        for (String caller : List.of(data.user(branchId, Role.SECRETARY), data.user(committeeId, Role.REVIEWER),
                data.user(data.districtId(), Role.APPROVER))) {
            actAs(caller);
            for (Executable call : calls) {
                assertThrows(AccessDeniedException.class, call, caller);
            }
        }
        actAs(admin);
        assertTrue(userDetails.loadUserByUsername(target).isEnabled());
        assertTrue(audit.latestFor("user", target, 5).isEmpty());
    }
}

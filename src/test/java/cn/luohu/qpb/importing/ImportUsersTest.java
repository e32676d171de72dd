package cn.luohu.qpb.importing;

import cn.luohu.qpb.audit.AuditEvent;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static cn.luohu.qpb.importing.ImportFiles.USER_HEADER;
import static cn.luohu.qpb.importing.ImportFiles.table;
import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing users: accounts with one-time passwords handed over once, all or nothing, audited. */
class ImportUsersTest extends IntegrationTest {

    @Autowired
    private ImportService imports;
    @Autowired
    private AuditService audit;
    @Autowired
    private UserDetailsService accounts;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private DSLContext dsl;

    private String branch;
    private String committee;
    private String admin;

    @BeforeEach
    void setUp() {
        long committeeId = data.committee("用户导入测试党工委");
        committee = code(committeeId);
        branch = code(data.branch(committeeId, "用户导入测试支部"));
        admin = data.user(data.districtId(), Role.ADMIN);
        actAs(admin);
    }

    private String code(long id) {
        return dsl.select(ORGANIZATION.CODE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchSingle().value1();
    }

    private static List<Object> user(String username, String name, String organization, String roles) {
        return Arrays.asList(username, name, organization, roles, null, null);
    }

    private ImportPreview dryRun(String fileName, List<List<?>> rows) {
        return imports.dryRun(ImportKind.USERS, fileName, ImportFiles.xlsx(rows), ImportProgress.NONE);
    }

    @Test
    void createsAccountsWithOneTimePasswordsThatMustBeChanged() {
        String secretary = TestData.unique("isec");
        String reviewer = TestData.unique("irev");
        String fileName = TestData.unique("用户") + ".xlsx";
        ImportPreview preview = dryRun(fileName, table(USER_HEADER,
                user(secretary, "张书记", branch.toLowerCase(Locale.ROOT), "支部书记"),
                user(reviewer, "李评审", committee, "党(工)委评审员、Committee reviewer")));
        assertTrue(preview.importable(), preview.rows().toString());

        ImportResult result = imports.apply(preview, ImportProgress.NONE);
        assertEquals(2, result.created());
        assertEquals(List.of(secretary, reviewer), result.passwords().stream().map(IssuedPassword::username).toList());
        IssuedPassword first = result.passwords().getFirst();
        assertEquals("张书记", first.displayName());
        assertEquals("用户导入测试支部", first.organizationName());
        assertTrue(encoder.matches(first.password(), accounts.loadUserByUsername(secretary).getPassword()),
                "the handed-over password is the account's");
        assertTrue(dsl.select(APP_USER.MUST_CHANGE_PASSWORD).from(APP_USER).where(APP_USER.USERNAME.eq(secretary))
                .fetchSingle().value1(), "changed at the first login");
        assertEquals(java.util.Set.of("ROLE_REVIEWER"), accounts.loadUserByUsername(reviewer)
                .getAuthorities().stream().map(Object::toString).collect(java.util.stream.Collectors.toSet()));
        assertFalse(result.toString().contains(first.password()), "never in a log line");

        AuditEvent event = audit.latestByActor(admin, 10).stream()
                .filter(e -> e.action().equals("IMPORT_USERS")).findFirst().orElseThrow();
        assertEquals("USERS", event.entityId());
        assertTrue(event.afterJson().contains("\"file\":\"" + fileName + "\""), event.afterJson());
        assertTrue(event.afterJson().contains("\"created\":2"), event.afterJson());
        for (IssuedPassword issued : result.passwords()) {
            assertTrue(audit.latestByActor(admin, 10).stream().noneMatch(e -> String.valueOf(e.afterJson())
                    .contains(issued.password())), "no password in the audit trail");
        }
    }

    @Test
    void oneBadRowAndNoAccountIsCreated() {
        String good = TestData.unique("isec");
        ImportPreview preview = dryRun("用户.xlsx", table(USER_HEADER,
                user(good, "张书记", branch, "支部书记"),
                user(TestData.unique("irev"), "李评审", branch, "党(工)委评审员")));
        assertEquals(1, preview.rowsWithProblems());
        assertEquals("import.error.not-importable",
                assertThrows(PortalException.class, () -> imports.apply(preview, ImportProgress.NONE)).messageKey());
        assertFalse(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(good)));
    }

    @Test
    void aUsernameTakenAfterTheDryRunRefusesTheWholeImport() {
        String first = TestData.unique("isec");
        ImportPreview preview = dryRun("用户.xlsx", table(USER_HEADER,
                user(first, "张书记", branch, "支部书记"), user("late-" + TestData.unique("x"), "李书记", branch, "支部书记")));
        String taken = (String) preview.rows().get(1).values().getFirst();
        dsl.insertInto(APP_USER).set(APP_USER.USERNAME, taken).set(APP_USER.DISPLAY_NAME, "抢先一步")
                .set(APP_USER.PASSWORD_HASH, "x").set(APP_USER.ORGANIZATION_ID, data.organizationId(branch)).execute();
        assertEquals("import.error.changed-since-preview",
                assertThrows(PortalException.class, () -> imports.apply(preview, ImportProgress.NONE)).messageKey());
        assertFalse(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(first)), "all or nothing");
    }
}

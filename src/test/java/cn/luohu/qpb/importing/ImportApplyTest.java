package cn.luohu.qpb.importing;

import cn.luohu.qpb.audit.AuditEvent;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.BackgroundJobs;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.NewOrganization;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.OrganizationAdminService;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;

import static cn.luohu.qpb.importing.ImportFiles.ORG_HEADER;
import static cn.luohu.qpb.importing.ImportFiles.table;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing after the dry run: all rows or none, one audit event, administrators only. */
class ImportApplyTest extends IntegrationTest {

    @Autowired
    private ImportService imports;
    @Autowired
    private BackgroundJobs jobs;
    @Autowired
    private OrganizationAdminService organizationAdmin;
    @Autowired
    private AuditService audit;
    @Autowired
    private DSLContext dsl;

    private String committee;
    private String admin;

    @BeforeEach
    void setUp() {
        long committeeId = data.committee("导入写入测试党工委");
        committee = dsl.select(ORGANIZATION.CODE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(committeeId))
                .fetchSingle().value1();
        admin = data.user(data.districtId(), Role.ADMIN);
        actAs(admin);
    }

    private static List<Object> org(String code, String parent, String kind, String category) {
        return Arrays.asList(code, parent, kind, category, null, "中共" + code + "委员会", null, null, null, null);
    }

    private ImportPreview dryRun(String fileName, List<List<?>> rows) {
        return imports.dryRun(ImportKind.ORGANIZATIONS, fileName, ImportFiles.xlsx(rows), ImportProgress.NONE);
    }

    private boolean exists(String code) {
        return dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq(code));
    }

    @Test
    void importsEveryRowInTheTreeWithOneAuditEvent() {
        String generalBranch = TestData.unique("GB");
        String branch = TestData.unique("B");
        String fileName = TestData.unique("组织") + ".xlsx";
        ImportPreview preview = dryRun(fileName, table(ORG_HEADER,
                org(branch, generalBranch.toLowerCase(Locale.ROOT), "党支部", "社区党组织"),
                org(generalBranch, committee, "党总支", null)));
        ImportResult result = imports.apply(preview, ImportProgress.NONE);

        assertEquals(2, result.created());
        assertTrue(result.passwords().isEmpty());
        var stored = dsl.select(ORGANIZATION.PARENT_ID, ORGANIZATION.KIND, ORGANIZATION.SHORT_NAME)
                .from(ORGANIZATION).where(ORGANIZATION.CODE.eq(branch)).fetchSingle();
        assertEquals(data.organizationId(generalBranch), stored.value1(), "hung under its parent from the file");
        assertEquals(OrgKind.BRANCH.name(), stored.value2());

        AuditEvent event = audit.latestByActor(admin, 5).stream()
                .filter(e -> e.action().equals("IMPORT_ORGANIZATIONS")).findFirst().orElseThrow();
        assertEquals("import", event.entityType());
        assertEquals("ORGANIZATIONS", event.entityId());
        assertTrue(event.afterJson().contains("\"file\":\"" + fileName + "\""), event.afterJson());
        assertTrue(event.afterJson().contains("\"rows\":2"), event.afterJson());
        assertTrue(event.afterJson().contains("\"created\":2"), event.afterJson());
    }

    @Test
    void oneBadRowAndNothingIsWritten() {
        String good = TestData.unique("B");
        ImportPreview preview = dryRun("组织.xlsx", table(ORG_HEADER,
                org(good, committee, "党支部", "社区党组织"),
                org(TestData.unique("B"), "NO-SUCH-PARENT", "党支部", "社区党组织")));
        assertEquals("import.error.not-importable",
                assertThrows(PortalException.class, () -> imports.apply(preview, ImportProgress.NONE)).messageKey());
        assertTrue(!exists(good), "the good row was not written either");
    }

    @Test
    void whatChangedSinceTheDryRunRefusesTheWholeImport() {
        String first = TestData.unique("B");
        String taken = TestData.unique("B");
        ImportPreview preview = dryRun("组织.xlsx", table(ORG_HEADER,
                org(first, committee, "党支部", "社区党组织"), org(taken, committee, "党支部", "社区党组织")));
        assertTrue(preview.importable());
        organizationAdmin.create(new NewOrganization(taken, committee, OrgKind.BRANCH,
                cn.luohu.qpb.organization.Category.COMMUNITY, null, "抢先一步的支部", null, null, 0, null));

        assertEquals("import.error.changed-since-preview",
                assertThrows(PortalException.class, () -> imports.apply(preview, ImportProgress.NONE)).messageKey());
        assertTrue(!exists(first), "all or nothing");
        assertTrue(audit.latestByActor(admin, 5).stream().noneMatch(e -> e.action().equals("IMPORT_ORGANIZATIONS")),
                "no import, no audit event");
    }

    @Test
    void aPreviewIsImportedOnlyOnce() {
        ImportPreview preview = dryRun("组织.xlsx", table(ORG_HEADER,
                org(TestData.unique("B"), committee, "党支部", "社区党组织")));
        imports.apply(preview, ImportProgress.NONE);
        assertEquals("import.error.already-imported",
                assertThrows(PortalException.class, () -> imports.apply(preview, ImportProgress.NONE)).messageKey());
    }

    @Test
    void onlyAdministratorsMayImport() {
        byte[] file = ImportFiles.xlsx(table(ORG_HEADER, org(TestData.unique("B"), committee, "党支部", "社区党组织")));
        ImportPreview preview = imports.dryRun(ImportKind.ORGANIZATIONS, "组织.xlsx", file, ImportProgress.NONE);
        for (Role role : List.of(Role.SECRETARY, Role.REVIEWER, Role.APPROVER)) {
            actAs(data.user(data.districtId(), role));
            assertThrows(AccessDeniedException.class,
                    () -> imports.dryRun(ImportKind.ORGANIZATIONS, "组织.xlsx", file, ImportProgress.NONE), role.name());
            assertThrows(AccessDeniedException.class, () -> imports.apply(preview, ImportProgress.NONE), role.name());
            assertThrows(AccessDeniedException.class,
                    () -> imports.template(ImportKind.USERS, Locale.SIMPLIFIED_CHINESE), role.name());
            assertThrows(AccessDeniedException.class, () -> imports.passwordsFile(
                    new ImportResult(ImportKind.USERS, "x.xlsx", 0, List.of()), Locale.SIMPLIFIED_CHINESE), role.name());
        }
    }

    @Test
    void backgroundWorkRunsAsTheUserWhoStartedIt() {
        byte[] file = ImportFiles.xlsx(table(ORG_HEADER, org(TestData.unique("B"), committee, "党支部", "社区党组织")));
        ImportPreview preview = jobs.start(() -> imports.dryRun(ImportKind.ORGANIZATIONS, "组织.xlsx", file,
                ImportProgress.NONE)).join();
        assertTrue(preview.importable());

        actAs(data.user(data.districtId(), Role.APPROVER));
        CompletionException refused = assertThrows(CompletionException.class, () -> jobs.start(() ->
                imports.dryRun(ImportKind.ORGANIZATIONS, "组织.xlsx", file, ImportProgress.NONE)).join());
        assertInstanceOf(AccessDeniedException.class, refused.getCause());
    }
}

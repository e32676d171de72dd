package cn.luohu.qpb.importing;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static cn.luohu.qpb.importing.ImportFiles.ORG_HEADER;
import static cn.luohu.qpb.importing.ImportFiles.USER_HEADER;
import static cn.luohu.qpb.importing.ImportFiles.table;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dry run: good files pass, each kind of broken file is caught row by row, and nothing is written. */
class ImportDryRunTest extends IntegrationTest {

    @Autowired
    private ImportService imports;
    @Autowired
    private DSLContext dsl;

    private String committee;
    private String branch;

    @BeforeEach
    void setUp() {
        long committeeId = data.committee("导入测试党工委");
        committee = code(committeeId);
        branch = code(data.branch(committeeId, "导入测试支部"));
        actAs(data.user(data.districtId(), Role.ADMIN));
    }

    private String code(long id) {
        return dsl.select(ORGANIZATION.CODE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchSingle().value1();
    }

    private ImportPreview organizations(byte[] file) {
        return imports.dryRun(ImportKind.ORGANIZATIONS, "组织.xlsx", file, ImportProgress.NONE);
    }

    private ImportPreview users(byte[] file) {
        return imports.dryRun(ImportKind.USERS, "用户.xlsx", file, ImportProgress.NONE);
    }

    /** An organisations row: code, parent, kind, category, then the optional fields. */
    private static List<Object> org(String code, String parent, String kind, String category) {
        return Arrays.asList(code, parent, kind, category, "社区党建体系", "中共" + code + "委员会", code, "李四", 15,
                "0755-8888");
    }

    private static List<Object> user(String username, String organization, String roles) {
        return Arrays.asList(username, "王五", organization, roles, "13800138000", username + "@example.cn");
    }

    private static void assertOnlyProblem(ImportPreview preview, int rowNumber, ImportColumn column, String key) {
        assertFalse(preview.importable());
        assertTrue(preview.fileProblems().isEmpty(), preview.fileProblems().toString());
        List<PreviewRow> bad = preview.rows().stream().filter(PreviewRow::hasProblems).toList();
        assertEquals(1, bad.size(), bad.toString());
        assertEquals(rowNumber, bad.getFirst().rowNumber(), "the row number Excel shows");
        assertEquals(1, bad.getFirst().problems().size(), bad.getFirst().problems().toString());
        ImportProblem problem = bad.getFirst().problems().getFirst();
        assertEquals(column, problem.column());
        assertEquals(key, problem.messageKey());
    }

    private long organizationsWithCode(String code) {
        return dsl.fetchCount(ORGANIZATION, ORGANIZATION.CODE.eq(code));
    }

    @Test
    void aGoodOrganisationsWorkbookPassesWithParentsAnywhereInTheFile() {
        String generalBranch = TestData.unique("GB");
        String child = TestData.unique("B");
        String community = TestData.unique("CC");
        ImportPreview preview = organizations(ImportFiles.xlsx(table(ORG_HEADER,
                org(child, generalBranch.toLowerCase(Locale.ROOT), "党支部", "非公有制企业党组织"), // parent comes later
                org(generalBranch, committee, "党总支", null),
                org(community, committee, "COMMUNITY_COMMITTEE", "COMMUNITY"),
                org(TestData.unique("B"), community, "Branch", "Urban or hometown village"))));
        assertTrue(preview.importable(), preview.rows().toString());
        assertEquals(4, preview.rowCount());
        assertEquals(0, preview.rowsWithProblems());
        assertEquals(child, preview.rows().getFirst().value(ImportKind.ORGANIZATIONS, ImportColumn.ORG_CODE));
        assertEquals(0, organizationsWithCode(child), "a dry run writes nothing");
    }

    @Test
    void aGoodCsvPassesInUtf8WithBomAndInGbkWithEnglishHeaders() {
        List<String> english = List.of("Code", "Parent code", "Kind", "Category", "Regional system", "Full name",
                "Short name", "Secretary", "Members", "Contact");
        var rows = table(english, org(TestData.unique("B"), committee, "BRANCH", "AGENCY"),
                org(TestData.unique("B"), committee, "党支部", "机关事业单位党组织"));
        byte[] utf8 = ImportFiles.withUtf8Bom(ImportFiles.csv(rows, StandardCharsets.UTF_8));
        assertTrue(organizations(utf8).importable());
        ImportPreview gbk = organizations(ImportFiles.csv(rows, Charset.forName("GBK")));
        assertTrue(gbk.importable(), gbk.rows().toString());
        assertEquals("机关事业单位党组织", gbk.rows().get(1).value(ImportKind.ORGANIZATIONS, ImportColumn.ORG_CATEGORY));
    }

    @Test
    void aGoodUsersFilePassesWithRolesInEitherLanguage() {
        ImportPreview preview = users(ImportFiles.xlsx(table(USER_HEADER,
                user(TestData.unique("u"), branch, "支部书记"),
                user(TestData.unique("u"), committee, "党(工)委评审员、REVIEWER"),
                user(TestData.unique("u"), branch.toLowerCase(Locale.ROOT), "Branch secretary; SECRETARY"),
                user(TestData.unique("u"), committee, "REVIEWER，党(工)委评审员"))));
        assertTrue(preview.importable(), preview.rows().toString());
        assertEquals(4, preview.rowCount());
    }

    /** Issue 11, item 3: an administrator takes no part in the workflow, in an import as anywhere. */
    @Test
    void anAdministratorWithAWorkflowRoleIsAProblem() {
        ImportPreview preview = users(ImportFiles.xlsx(table(USER_HEADER,
                user(TestData.unique("u"), committee, "党(工)委评审员、系统管理员"))));
        assertFalse(preview.importable());
        assertEquals("user.error.admin-with-workflow-role", preview.rows().getFirst().problems().getFirst().messageKey());
    }

    @Test
    void aMissingColumnIsAProblemOfTheWholeFileNamingEveryMissingColumn() {
        List<String> header = List.of("组织编码", "上级组织编码", "组织类别");
        ImportPreview preview = organizations(ImportFiles.xlsx(table(header, List.of("X1", committee, "社区党组织"))));
        assertFalse(preview.importable());
        ImportProblem problem = preview.fileProblems().getFirst();
        assertEquals("import.file.missing-columns", problem.messageKey());
        assertEquals(List.of(List.of(ImportColumn.ORG_KIND, ImportColumn.ORG_NAME)), problem.arguments());
        assertEquals(1, preview.rowCount(), "the rows are still shown");
    }

    @Test
    void unknownColumnsAreNotedNotRefused() {
        List<String> header = new java.util.ArrayList<>(ORG_HEADER);
        header.add("备注");
        List<Object> row = new java.util.ArrayList<>(org(TestData.unique("B"), committee, "党支部", "社区党组织"));
        row.add("随便写");
        ImportPreview preview = organizations(ImportFiles.xlsx(table(header, row)));
        assertTrue(preview.importable());
        assertEquals("import.file.ignored-columns", preview.notes().getFirst().messageKey());
        assertEquals(List.of("备注"), preview.notes().getFirst().arguments());
    }

    @Test
    void anUnknownParentCodeIsCaught() {
        ImportPreview preview = organizations(ImportFiles.xlsx(table(ORG_HEADER,
                org(TestData.unique("B"), committee, "党支部", "社区党组织"),
                org(TestData.unique("B"), "NO-SUCH-PARENT", "党支部", "社区党组织"))));
        assertOnlyProblem(preview, 3, ImportColumn.ORG_PARENT_CODE, "import.error.parent-unknown");
        assertEquals(List.of("NO-SUCH-PARENT"), preview.rows().get(1).problems().getFirst().arguments());
    }

    @Test
    void aParentOfTheWrongKindIsCaught() {
        ImportPreview preview = organizations(ImportFiles.xlsx(table(ORG_HEADER,
                org(TestData.unique("B"), branch, "党支部", "社区党组织"))));
        assertOnlyProblem(preview, 2, ImportColumn.ORG_PARENT_CODE, "org.error.wrong-parent-kind");
    }

    @Test
    void aDuplicateCodeInTheFileOrInThePortalIsCaught() {
        String code = TestData.unique("B");
        ImportPreview inFile = organizations(ImportFiles.xlsx(table(ORG_HEADER,
                org(code, committee, "党支部", "社区党组织"),
                org(code.toLowerCase(Locale.ROOT), committee, "党支部", "社区党组织"))));
        assertOnlyProblem(inFile, 3, ImportColumn.ORG_CODE, "import.error.code-duplicate");
        assertEquals(2, inFile.rows().get(1).problems().getFirst().arguments().get(1), "names the first row");

        ImportPreview inPortal = organizations(ImportFiles.xlsx(table(ORG_HEADER,
                org(branch, committee, "党支部", "社区党组织"))));
        assertOnlyProblem(inPortal, 2, ImportColumn.ORG_CODE, "org.error.code-taken");
    }

    @Test
    void aDuplicateUsernameInTheFileOrInThePortalIsCaught() {
        String username = TestData.unique("u");
        ImportPreview inFile = users(ImportFiles.xlsx(table(USER_HEADER,
                user(username, branch, "支部书记"), user(username.toUpperCase(Locale.ROOT), branch, "支部书记"))));
        assertOnlyProblem(inFile, 3, ImportColumn.USER_USERNAME, "import.error.username-duplicate");

        String existing = data.user(data.organizationId(branch), Role.SECRETARY);
        ImportPreview inPortal = users(ImportFiles.xlsx(table(USER_HEADER, user(existing, branch, "支部书记"))));
        assertOnlyProblem(inPortal, 2, ImportColumn.USER_USERNAME, "user.error.username-taken");
    }

    @Test
    void aBadKindOrCategoryIsCaughtOnce() {
        assertOnlyProblem(organizations(ImportFiles.xlsx(table(ORG_HEADER,
                        org(TestData.unique("B"), committee, "党小组", "社区党组织")))),
                2, ImportColumn.ORG_KIND, "import.error.bad-kind");
        assertOnlyProblem(organizations(ImportFiles.xlsx(table(ORG_HEADER,
                        org(TestData.unique("B"), committee, "党支部", "外星党组织")))),
                2, ImportColumn.ORG_CATEGORY, "import.error.bad-category");
        assertOnlyProblem(organizations(ImportFiles.xlsx(table(ORG_HEADER,
                        org(TestData.unique("B"), committee, "党支部", null)))),
                2, ImportColumn.ORG_CATEGORY, "org.error.category-required");
    }

    @Test
    void aBadRoleOrARoleInTheWrongPlaceIsCaught() {
        assertOnlyProblem(users(ImportFiles.xlsx(table(USER_HEADER, user(TestData.unique("u"), branch, "支部书记、队长")))),
                2, ImportColumn.USER_ROLES, "import.error.bad-role");
        assertOnlyProblem(users(ImportFiles.xlsx(table(USER_HEADER, user(TestData.unique("u"), branch, "REVIEWER")))),
                2, ImportColumn.USER_ROLES, "user.error.placement.REVIEWER");
        assertOnlyProblem(users(ImportFiles.xlsx(table(USER_HEADER, user(TestData.unique("u"), "NO-SUCH-ORG", "ADMIN")))),
                2, ImportColumn.USER_ORG_CODE, "user.error.organization-unknown");
    }

    @Test
    void aValueThatIsTooLongIsCaught() {
        List<Object> longName = org(TestData.unique("B"), committee, "党支部", "社区党组织");
        longName.set(5, "党".repeat(201));
        assertOnlyProblem(organizations(ImportFiles.xlsx(table(ORG_HEADER, longName))),
                2, ImportColumn.ORG_NAME, "org.error.name-too-long");
        assertOnlyProblem(users(ImportFiles.xlsx(table(USER_HEADER, user("u".repeat(65), branch, "支部书记")))),
                2, ImportColumn.USER_USERNAME, "user.error.username-too-long");
    }

    @Test
    void aBadNumberIsCaught() {
        List<Object> row = org(TestData.unique("B"), committee, "党支部", "社区党组织");
        row.set(8, "十二");
        assertOnlyProblem(organizations(ImportFiles.xlsx(table(ORG_HEADER, row))),
                2, ImportColumn.ORG_MEMBERS, "import.error.bad-number");
    }

    @Test
    void everyProblemOfARowIsListed() {
        List<Object> row = org("坏 编码", "NO-SUCH", "党小组", "外星");
        row.set(8, "-1");
        ImportPreview preview = organizations(ImportFiles.xlsx(table(ORG_HEADER, row)));
        List<String> keys = preview.rows().getFirst().problems().stream().map(ImportProblem::messageKey).toList();
        assertTrue(keys.containsAll(List.of("import.error.bad-kind", "import.error.bad-category",
                "org.error.code-format", "org.error.members-range", "import.error.parent-unknown")), keys.toString());
    }

    @Test
    void anEmptyFileIsRefusedAndAHeaderAloneHasNoRows() {
        String key = assertThrows(ImportRefusedException.class, () -> organizations(new byte[0])).messageKey();
        assertEquals("import.refused.empty", key);
        ImportPreview headerOnly = organizations(ImportFiles.csv(table(ORG_HEADER), StandardCharsets.UTF_8));
        assertFalse(headerOnly.importable());
        assertEquals("import.file.no-rows", headerOnly.fileProblems().getFirst().messageKey());
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefused() {
        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
        String key = assertThrows(ImportRefusedException.class,
                () -> imports.dryRun(ImportKind.USERS, "用户.xlsx", pdf, ImportProgress.NONE)).messageKey();
        assertEquals("import.refused.not-spreadsheet", key);
    }

    @Test
    void theTemplatesReadBackWithEveryColumnRecognisedInBothLanguages() {
        for (ImportKind kind : ImportKind.values()) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                ImportPreview empty = imports.dryRun(kind, "template.xlsx", imports.template(kind, locale),
                        ImportProgress.NONE);
                assertEquals(List.of("import.file.no-rows"),
                        empty.fileProblems().stream().map(ImportProblem::messageKey).toList(), kind + " " + locale);
                assertTrue(empty.notes().isEmpty(), "every header is known: " + empty.notes());
            }
        }
    }

    @Test
    void progressIsReported() {
        List<Integer> checked = new java.util.concurrent.CopyOnWriteArrayList<>();
        imports.dryRun(ImportKind.ORGANIZATIONS, "组织.csv", ImportFiles.csv(table(ORG_HEADER,
                        org(TestData.unique("B"), committee, "党支部", "社区党组织")), StandardCharsets.UTF_8),
                (phase, done, total) -> {
                    if (phase == ImportPhase.CHECKING) {
                        checked.add(done);
                        assertEquals(1, total);
                    }
                });
        assertEquals(List.of(1), checked);
    }
}

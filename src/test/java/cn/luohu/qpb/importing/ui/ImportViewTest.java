package cn.luohu.qpb.importing.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.importing.ImportFiles;
import cn.luohu.qpb.importing.ImportKind;
import cn.luohu.qpb.importing.ImportProgress;
import cn.luohu.qpb.importing.ImportService;
import cn.luohu.qpb.importing.PreviewRow;
import cn.luohu.qpb.support.KaribuTest;
import cn.luohu.qpb.support.TestData;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static cn.luohu.qpb.importing.ImportFiles.ORG_HEADER;
import static cn.luohu.qpb.importing.ImportFiles.table;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertEnabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportViewTest extends KaribuTest {

    @Autowired
    private ImportService imports;
    @Autowired
    private DSLContext dsl;

    private String committee;

    @BeforeEach
    void setUp() {
        long committeeId = data.committee("导入界面测试党工委");
        committee = dsl.select(ORGANIZATION.CODE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(committeeId))
                .fetchSingle().value1();
        login(data.user(data.districtId(), Role.ADMIN));
        UI.getCurrent().navigate(ImportView.class);
    }

    private static List<Object> org(String code, String parent, String kind, String category) {
        return Arrays.asList(code, parent, kind, category, null, "中共" + code + "委员会", null, null, null, null);
    }

    private static ImportView view() {
        return currentView(ImportView.class);
    }

    /** Uploads a file and lets its background dry run finish and reach the screen (no sleeping). */
    private static void upload(String fileName, byte[] content) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("import-upload")), fileName, content);
        finishBackgroundWork();
    }

    private static void finishBackgroundWork() {
        view().task().join();
        MockVaadin.clientRoundtrip(false);
    }

    @SuppressWarnings("unchecked")
    private static Grid<PreviewRow> grid() {
        return _get(Grid.class, spec -> spec.withId("import-preview"));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void theTemplateOfEachKindIsAWorkbookWithItsColumns() {
        Anchor template = _get(Anchor.class, spec -> spec.withId("import-template"));
        byte[] organizations = DownloadKt._download(template);
        assertEquals("import.file.no-rows", imports.dryRun(ImportKind.ORGANIZATIONS, "t.xlsx", organizations,
                ImportProgress.NONE).fileProblems().getFirst().messageKey());

        @SuppressWarnings("unchecked")
        RadioButtonGroup<ImportKind> kind = _get(RadioButtonGroup.class, spec -> spec.withId("import-kind"));
        _setValue(kind, ImportKind.USERS);
        byte[] users = DownloadKt._download(template);
        assertEquals("import.file.no-rows", imports.dryRun(ImportKind.USERS, "t.xlsx", users,
                ImportProgress.NONE).fileProblems().getFirst().messageKey());
    }

    @Test
    void aGoodFileIsPreviewedThenImportedAfterConfirmation() {
        String generalBranch = TestData.unique("GB");
        String branch = TestData.unique("B");
        byte[] file = ImportFiles.xlsx(table(ORG_HEADER, org(generalBranch, committee, "党总支", null),
                org(branch, generalBranch, "党支部", "社区党组织")));

        UploadKt._upload(_get(Upload.class, spec -> spec.withId("import-upload")), "新组织.xlsx", file);
        // the dry run runs in the background: controls are off and the page polls until its result is shown
        _assertDisabled(_get(Upload.class, spec -> spec.withId("import-upload")));
        _assertDisabled(button("import-confirm"));
        assertEquals(500, UI.getCurrent().getPollInterval());
        finishBackgroundWork();
        assertEquals(-1, UI.getCurrent().getPollInterval());

        assertEquals(2, GridKt._size(grid()));
        assertEquals(2, GridKt._get(grid(), 0).rowNumber());
        assertTrue(_get(Span.class, spec -> spec.withId("import-summary")).getText()
                .startsWith("文件“新组织.xlsx”：共 2 行，其中 0 行有问题"));
        _assertEnabled(button("import-confirm"));
        assertFalse(dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq(branch)), "nothing before confirmation");

        _click(button("import-confirm"));
        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("import-confirm-dialog"));
        assertTrue(ConfirmDialogKt.getText(dialog).contains("2 条党组织记录"), ConfirmDialogKt.getText(dialog));
        ConfirmDialogKt._fireConfirm(dialog);
        _assertDisabled(button("import-confirm")); // a second click cannot start a second import
        finishBackgroundWork();

        NotificationsKt.expectNotifications("已导入 2 条记录");
        assertTrue(dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq(branch)));
        _assertNone(Grid.class, spec -> spec.withId("import-preview")); // the preview is gone after the import
    }

    @Test
    void cancellingTheConfirmationWritesNothing() {
        String branch = TestData.unique("B");
        upload("组织.csv", ImportFiles.csv(table(ORG_HEADER, org(branch, committee, "党支部", "社区党组织")),
                StandardCharsets.UTF_8));
        _click(button("import-confirm"));
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class, spec -> spec.withId("import-confirm-dialog")));
        _click(button("import-cancel"));
        _assertNone(Grid.class, spec -> spec.withId("import-preview"));
        _assertDisabled(button("import-confirm"));
        assertFalse(dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq(branch)));
    }

    @Test
    void problemsAreShownPerRowInChineseAndCanBeFiltered() {
        upload("有错.xlsx", ImportFiles.xlsx(table(ORG_HEADER,
                org(TestData.unique("B"), committee, "党支部", "社区党组织"),
                org(TestData.unique("B"), "NO-SUCH", "党支部", "社区党组织"),
                org(TestData.unique("B"), committee, "党小组", "社区党组织"))));
        assertEquals(3, GridKt._size(grid()));
        _assertDisabled(button("import-confirm"));
        assertTrue(_get(Span.class, spec -> spec.withId("import-summary")).getText().contains("其中 2 行有问题"));

        _setValue(_get(Checkbox.class, spec -> spec.withId("import-errors-only")), true);
        assertEquals(2, GridKt._size(grid()));
        PreviewRow third = GridKt._get(grid(), 0);
        assertEquals(3, third.rowNumber());
        assertEquals("上级组织编码：找不到上级组织 NO-SUCH：平台中和本文件中都没有这个编码",
                GridKt._getFormatted(grid(), 0, "problems"));
        assertEquals("组织类型：不认识的组织类型“党小组”", GridKt._getFormatted(grid(), 1, "problems"));
        _setValue(_get(Checkbox.class, spec -> spec.withId("import-errors-only")), false);
        assertEquals(3, GridKt._size(grid()));
    }

    @Test
    void aMissingColumnIsExplained() {
        upload("缺列.xlsx", ImportFiles.xlsx(table(List.of("组织编码", "上级组织编码", "组织类别"),
                List.of("X1", committee, "社区党组织"))));
        assertEquals("缺少必需的列：组织类型、组织全称。请使用导入模板，或检查第一行的列标题。", text("import-file-problems"));
        _assertDisabled(button("import-confirm"));
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefusedInWords() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        upload("报表.xlsx", pdf);
        assertTrue(text("import-refusal").startsWith("这不是电子表格文件"), text("import-refusal"));
        _assertNone(Grid.class, spec -> spec.withId("import-preview"));
        _assertEnabled(_get(Upload.class, spec -> spec.withId("import-upload")));
    }

    @Test
    void anEmptyOrOversizedFileIsRefusedInWords() {
        upload("空.csv", new byte[0]);
        assertTrue(text("import-refusal").startsWith("文件是空的"), text("import-refusal"));
        byte[] large = new byte[ImportService.MAX_BYTES + 1];
        Arrays.fill(large, (byte) 'a');
        upload("大.csv", large);
        assertEquals("文件太大：最大 10 MB。请把文件拆分后分批导入。", text("import-refusal"));
    }

    @Test
    void aUsersImportHandsOverTheOneTimePasswordsOnce() {
        String branch = dsl.select(ORGANIZATION.CODE).from(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(data.branch(data.organizationId(committee), "界面导入用户支部"))).fetchSingle().value1();
        String username = TestData.unique("isec");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ImportKind> kind = _get(RadioButtonGroup.class, spec -> spec.withId("import-kind"));
        _setValue(kind, ImportKind.USERS);
        upload("用户.xlsx", ImportFiles.xlsx(table(ImportFiles.USER_HEADER,
                Arrays.asList(username, "张书记", branch, "支部书记", "13800138000", null))));
        assertEquals("支部书记", GridKt._getFormatted(grid(), 0, "roles"));
        _click(button("import-confirm"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("import-confirm-dialog")));
        finishBackgroundWork();

        OneTimePasswordsDialog dialog = _get(OneTimePasswordsDialog.class,
                spec -> spec.withId("import-passwords-dialog"));
        assertTrue(dialog.holdsPasswords());
        byte[] file = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("import-passwords-download")));
        assertTrue(file.length > 0 && file[0] == 'P' && file[1] == 'K', "an .xlsx");
        MockVaadin.clientRoundtrip(false);
        assertFalse(dialog.holdsPasswords());
        _click(button("import-passwords-close"));
        _assertNone(OneTimePasswordsDialog.class);
    }

    @Test
    void otherRolesCannotOpenTheView() {
        logout();
        login(data.user(data.districtId(), Role.APPROVER));
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate(ImportView.class);
        org.junit.jupiter.api.Assertions.assertInstanceOf(cn.luohu.qpb.base.ui.AccessDeniedView.class, UI.getCurrent().getCurrentView());
    }
}

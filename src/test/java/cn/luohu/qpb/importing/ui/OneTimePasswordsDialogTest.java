package cn.luohu.qpb.importing.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.importing.ImportKind;
import cn.luohu.qpb.importing.ImportResult;
import cn.luohu.qpb.importing.ImportService;
import cn.luohu.qpb.importing.IssuedPassword;
import cn.luohu.qpb.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-time passwords of a users import are handed over once, then forgotten. */
class OneTimePasswordsDialogTest extends KaribuTest {

    @Autowired
    private ImportService imports;

    private OneTimePasswordsDialog dialog;

    @BeforeEach
    void setUp() {
        login(data.user(data.districtId(), Role.ADMIN));
        ImportResult result = new ImportResult(ImportKind.USERS, "用户.xlsx", 2, List.of(
                new IssuedPassword("zhang-san", "张三", "翠竹社区党委", "Abcd2345Efgh6789"),
                new IssuedPassword("li-si", "李四", "翠竹街道党工委", "Wxyz2345Mnpq6789")));
        dialog = new OneTimePasswordsDialog(imports, result);
        dialog.open();
    }

    @Test
    void saysThePasswordsAreShownOnlyOnce() {
        String text = _get(Paragraph.class, spec -> spec.withId("import-passwords-text")).getText();
        assertTrue(text.contains("2 个新用户") && text.contains("只提供这一次"), text);
    }

    @Test
    void theDownloadIsAWorkbookOfThePasswordsAndWorksOnce() throws IOException {
        Anchor download = _get(Anchor.class, spec -> spec.withId("import-passwords-download"));
        byte[] file = DownloadKt._download(download);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            var sheet = workbook.getSheetAt(0);
            DataFormatter cells = new DataFormatter();
            assertEquals("用户名", cells.formatCellValue(sheet.getRow(1).getCell(0)));
            assertEquals("一次性密码", cells.formatCellValue(sheet.getRow(1).getCell(3)));
            assertEquals("zhang-san", cells.formatCellValue(sheet.getRow(2).getCell(0)));
            assertEquals("翠竹社区党委", cells.formatCellValue(sheet.getRow(2).getCell(2)));
            assertEquals("Abcd2345Efgh6789", cells.formatCellValue(sheet.getRow(2).getCell(3)));
            assertEquals("Wxyz2345Mnpq6789", cells.formatCellValue(sheet.getRow(3).getCell(3)));
        }
        MockVaadin.clientRoundtrip(false);
        assertFalse(dialog.holdsPasswords(), "the passwords are dropped once handed over");
        _assertDisabled(download);
        assertTrue(_get(Paragraph.class, spec -> spec.withId("import-passwords-downloaded")).isVisible());
    }

    @Test
    void closingDropsThePasswords() {
        _click(_get(Button.class, spec -> spec.withId("import-passwords-close")));
        assertFalse(dialog.holdsPasswords());
        _assertNoDialogs();
    }
}

package cn.luohu.qpb.importing;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.RegionalSystem;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** The .xlsx files the portal hands out: the import templates and the list of one-time passwords. */
final class Workbooks {

    /** Rows of the template that offer drop-downs for kind, category and regional system. */
    private static final int DROP_DOWN_ROWS = 5_000;

    private Workbooks() {
    }

    static byte[] template(ImportKind kind, ImportVocabulary words, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet data = workbook.createSheet(words.translate("import.template.sheet.data", locale));
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@")); // codes like 001 and phone numbers stay text
            CellStyle required = headerStyle(workbook, IndexedColors.LIGHT_ORANGE);
            CellStyle optional = headerStyle(workbook, IndexedColors.GREY_25_PERCENT);
            List<ImportColumn> columns = kind.columns();
            Row header = data.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                ImportColumn column = columns.get(i);
                var cell = header.createCell(i);
                cell.setCellValue(words.translate(column.titleKey(), locale));
                cell.setCellStyle(column.required() ? required : optional);
                data.setColumnWidth(i, 22 * 256);
                if (column != ImportColumn.ORG_MEMBERS) {
                    data.setDefaultColumnStyle(i, text);
                }
                List<String> choices = switch (column) {
                    case ORG_KIND -> words.labels(OrgKind.values(), "org.kind.", locale);
                    case ORG_CATEGORY -> words.labels(Category.values(), "org.category.", locale);
                    case ORG_REGIONAL_SYSTEM -> words.labels(RegionalSystem.values(), "org.region.", locale);
                    default -> List.of();
                };
                if (!choices.isEmpty()) {
                    dropDown(data, i, choices);
                }
            }
            data.createFreezePane(0, 1);
            instructions(workbook, kind, words, locale);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] passwords(ImportResult result, ImportVocabulary words, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(words.translate("import.passwords.sheet", locale));
            CellStyle header = headerStyle(workbook, IndexedColors.LIGHT_ORANGE);
            sheet.createRow(0).createCell(0).setCellValue(words.translate("import.passwords.notice", locale));
            Row titles = sheet.createRow(1);
            String[] keys = {"import.passwords.username", "import.passwords.display-name",
                    "import.passwords.organization", "import.passwords.password"};
            for (int i = 0; i < keys.length; i++) {
                var cell = titles.createCell(i);
                cell.setCellValue(words.translate(keys[i], locale));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, (i == 2 ? 40 : 22) * 256);
            }
            int next = 2;
            for (IssuedPassword issued : result.passwords()) {
                Row row = sheet.createRow(next++);
                row.createCell(0).setCellValue(issued.username());
                row.createCell(1).setCellValue(issued.displayName());
                row.createCell(2).setCellValue(issued.organizationName());
                row.createCell(3).setCellValue(issued.password());
            }
            sheet.createFreezePane(0, 2);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void instructions(XSSFWorkbook workbook, ImportKind kind, ImportVocabulary words, Locale locale) {
        Sheet sheet = workbook.createSheet(words.translate("import.template.sheet.help", locale));
        CellStyle header = headerStyle(workbook, IndexedColors.GREY_25_PERCENT);
        int next = 0;
        sheet.createRow(next++).createCell(0).setCellValue(words.translate("import.template.help.intro", locale,
                ImportService.MAX_ROWS, ImportService.MAX_BYTES / (1024 * 1024)));
        next++;
        Row titles = sheet.createRow(next++);
        String[] keys = {"import.template.help.column", "import.template.help.required", "import.template.help.meaning"};
        for (int i = 0; i < keys.length; i++) {
            var cell = titles.createCell(i);
            cell.setCellValue(words.translate(keys[i], locale));
            cell.setCellStyle(header);
        }
        for (ImportColumn column : kind.columns()) {
            Row row = sheet.createRow(next++);
            row.createCell(0).setCellValue(words.translate(column.titleKey(), locale));
            row.createCell(1).setCellValue(words.translate(column.required() ? "import.template.help.yes"
                    : "import.template.help.no", locale));
            row.createCell(2).setCellValue(words.translate(column.hintKey(), locale));
        }
        next++;
        if (kind == ImportKind.ORGANIZATIONS) {
            next = values(sheet, next, words.translate("import.column.kind", locale),
                    words.labels(OrgKind.values(), "org.kind.", locale), OrgKind.values());
            next = values(sheet, next, words.translate("import.column.category", locale),
                    words.labels(Category.values(), "org.category.", locale), Category.values());
            values(sheet, next, words.translate("import.column.regional_system", locale),
                    words.labels(RegionalSystem.values(), "org.region.", locale), RegionalSystem.values());
        } else {
            values(sheet, next, words.translate("import.column.roles", locale),
                    words.labels(Role.values(), "role.", locale), Role.values());
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 28 * 256);
        sheet.setColumnWidth(2, 90 * 256);
    }

    /** A list of the values a column accepts: the label, and the code that is accepted too. */
    private static int values(Sheet sheet, int next, String title, List<String> labels, Enum<?>[] values) {
        sheet.createRow(next++).createCell(0).setCellValue(title);
        for (int i = 0; i < labels.size(); i++) {
            Row row = sheet.createRow(next++);
            row.createCell(0).setCellValue(labels.get(i));
            row.createCell(1).setCellValue(values[i].name());
        }
        return next + 1;
    }

    /** A drop-down list as an aid; other spellings (the codes, English names) may still be typed. */
    private static void dropDown(Sheet sheet, int column, List<String> choices) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(choices.toArray(String[]::new)),
                new CellRangeAddressList(1, DROP_DOWN_ROWS, column, column));
        validation.setShowErrorBox(false);
        validation.setSuppressDropDownArrow(true); // for XSSF: true shows the arrow
        sheet.addValidationData(validation);
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook, IndexedColors colour) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(colour.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}

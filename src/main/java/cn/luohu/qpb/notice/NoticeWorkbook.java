package cn.luohu.qpb.notice;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The public notice list (公示名单) of a batch as an Excel workbook (.xlsx), written in constant memory:
 * POI's streaming {@link SXSSFWorkbook} keeps only the last {@value #ROW_WINDOW} rows on the heap and
 * flushes the rest to a temporary file (deleted before {@code write} returns), so the rows can come
 * straight from a lazy database cursor, however many there are.
 *
 * <p>One sheet: the title (from the cycle's name), the notice period, a frozen and filtered header row
 * (序号, 组织编码, 组织名称, 所属党（工）委, 类别, 原星级, 评定星级, 变化), then one row per organisation. Every
 * text comes from the caller's translator, so the same rows give a Chinese or an English file. Pure: no
 * Spring, no SQL, no UI.
 */
public final class NoticeWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String EXTENSION = ".xlsx";

    /** Rows kept in memory while writing; older ones are already on disk. */
    static final int ROW_WINDOW = 100;
    static final int TITLE_ROW = 0;
    static final int PERIOD_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_DATA_ROW = 3;

    /** Column widths in characters (a Chinese character counts about two), set once: no autosizing over big lists. */
    private static final int[] WIDTHS = {7, 14, 44, 26, 24, 12, 12, 10};

    private NoticeWorkbook() {
    }

    /** The download's file name, e.g. 2026年度星级评定公示名单.xlsx. */
    public static String fileName(NoticeBatch batch, BiFunction<String, Object[], String> translator) {
        return new NoticeExportTexts(translator).fileName(batch) + EXTENSION;
    }

    /**
     * Writes the batch's list to {@code out} (left open). The stream is read once, in its order, and left
     * for the caller to close (it may hold a database cursor).
     */
    public static void write(NoticeBatch batch, Stream<NoticeRow> rows, BiFunction<String, Object[], String> translator,
                             OutputStream out) throws IOException {
        write(batch, rows.iterator(), translator, out);
    }

    /** Writes the batch's list to {@code out} (left open), reading {@code rows} once. */
    public static void write(NoticeBatch batch, Iterator<NoticeRow> rows, BiFunction<String, Object[], String> translator,
                             OutputStream out) throws IOException {
        NoticeExportTexts texts = new NoticeExportTexts(translator);
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
        try {
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(texts.sheetName());
            List<String> headers = texts.headers();
            int lastColumn = headers.size() - 1;
            for (int column = 0; column <= lastColumn; column++) {
                sheet.setColumnWidth(column, WIDTHS[column] * 256);
            }

            Row title = sheet.createRow(TITLE_ROW);
            title.setHeightInPoints(28);
            text(title, 0, texts.title(batch), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, lastColumn));
            Row period = sheet.createRow(PERIOD_ROW);
            text(period, 0, texts.period(batch), styles.period);
            sheet.addMergedRegion(new CellRangeAddress(PERIOD_ROW, PERIOD_ROW, 0, lastColumn));

            Row header = sheet.createRow(HEADER_ROW);
            for (int column = 0; column <= lastColumn; column++) {
                text(header, column, headers.get(column), styles.header);
            }
            sheet.createFreezePane(0, FIRST_DATA_ROW);

            int index = FIRST_DATA_ROW;
            int number = 0;
            while (rows.hasNext()) {
                NoticeRow notice = rows.next();
                Row row = sheet.createRow(index++);
                Cell serial = row.createCell(0);
                serial.setCellValue(++number);
                serial.setCellStyle(styles.centred);
                text(row, 1, notice.organizationCode(), styles.plain);
                text(row, 2, notice.organizationName(), styles.plain);
                text(row, 3, notice.committeeName(), styles.plain);
                text(row, 4, texts.category(notice.category()), styles.plain);
                text(row, 5, texts.star(notice.oldStar()), styles.centred);
                text(row, 6, texts.star(notice.newStar()), styles.centred);
                text(row, 7, texts.change(notice), styles.centred);
            }
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, index - 1), 0, lastColumn));
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);

            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    /** The few styles of the sheet, made once per workbook (cell styles are a workbook-wide resource). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle period;
        final CellStyle header;
        final CellStyle plain;
        final CellStyle centred;

        Styles(SXSSFWorkbook workbook) {
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            period = workbook.createCellStyle();
            period.setAlignment(HorizontalAlignment.CENTER);

            Font headerFont = workbook.createFont();
            headerFont.setBold(true);
            header = bordered(workbook);
            header.setFont(headerFont);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            plain = bordered(workbook);
            centred = bordered(workbook);
            centred.setAlignment(HorizontalAlignment.CENTER);
        }

        private static CellStyle bordered(SXSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }
    }
}

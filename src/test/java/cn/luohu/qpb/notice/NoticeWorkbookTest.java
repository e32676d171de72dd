package cn.luohu.qpb.notice;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static cn.luohu.qpb.notice.NoticeExportFixtures.BATCH;
import static cn.luohu.qpb.notice.NoticeExportFixtures.CHINESE;
import static cn.luohu.qpb.notice.NoticeExportFixtures.ENGLISH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeWorkbookTest {

    private static final DataFormatter FORMAT = new DataFormatter();

    @Test
    void writesTitlePeriodHeaderAndOneRowPerOrganisationInChinese() throws IOException {
        byte[] file = write(Stream.of(NoticeExportFixtures.up(), NoticeExportFixtures.down(), NoticeExportFixtures.same()),
                CHINESE);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertEquals(1, workbook.getNumberOfSheets());
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertEquals("公示名单", sheet.getSheetName());
            assertEquals("2026年度质量党建星级评定结果公示", text(sheet, 0, 0));
            assertEquals("公示期：2026-07-01 至 2026-07-07", text(sheet, 1, 0));
            assertEquals(List.of("序号", "组织编码", "组织名称", "所属党（工）委", "类别", "原星级", "评定星级", "变化"),
                    row(sheet, 2));
            assertEquals(List.of("1", "CZ001", "翠竹社区党委", "翠竹街道党工委", "社区党组织", "二星", "三星", "升星"),
                    row(sheet, 3));
            assertEquals(List.of("2", "LX003", "深圳市罗湖区鹏程电子科技有限公司党支部", "两新组织党委", "非公有制企业党组织",
                    "四星", "三星", "降星"), row(sheet, 4));
            assertEquals(List.of("3", "DM-Z1-002", "东门商圈党总支第二支部", "东门街道党工委", "商务楼宇/园区/行业党组织",
                    "未评星", "未评星", "不变"), row(sheet, 5));
            assertEquals(5, sheet.getLastRowNum());

            assertEquals(3, sheet.getPaneInformation().getHorizontalSplitTopRow(), "rows above the data are frozen");
            assertTrue(sheet.getMergedRegions().contains(new CellRangeAddress(0, 0, 0, 7)), "the title spans the table");
            assertEquals(44 * 256, sheet.getColumnWidth(2));
            assertEquals("A3:H6", sheet.getCTWorksheet().getAutoFilter().getRef());
            assertTrue(sheet.getRow(2).getCell(0).getCellStyle().getFont().getBold());
        }
    }

    @Test
    void theSameRowsInEnglish() throws IOException {
        byte[] file = write(Stream.of(NoticeExportFixtures.up(), NoticeExportFixtures.same()), ENGLISH);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Public notice", sheet.getSheetName());
            assertEquals("Public notice of the results: 2026年度质量党建星级评定", text(sheet, 0, 0));
            assertEquals("Notice period: 2026-07-01 to 2026-07-07", text(sheet, 1, 0));
            assertEquals(List.of("No.", "Code", "Organisation", "Party committee", "Category", "Previous star",
                    "Star awarded", "Change"), row(sheet, 2));
            assertEquals(List.of("1", "CZ001", "翠竹社区党委", "翠竹街道党工委", "Community", "Two stars", "Three stars", "Up"),
                    row(sheet, 3));
            assertEquals(List.of("No star", "No star", "Unchanged"), row(sheet, 4).subList(5, 8));
        }
    }

    @Test
    void anEmptyListStillHasItsTitleAndHeader() throws IOException {
        byte[] file = write(Stream.empty(), CHINESE);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(2, sheet.getLastRowNum());
            assertEquals("组织名称", text(sheet, 2, 2));
        }
    }

    @Test
    void twentyThousandRowsFromAStreamLeavingNoTemporaryFilesAndTheOutputOpen(@TempDir Path temp) throws IOException {
        // SXSSF keeps ROW_WINDOW rows on the heap and spills the rest to its temporary files: the memory
        // used does not grow with the rows. Here the temporary files go to a folder of this test's own.
        Path poiTemp = Files.createDirectory(temp.resolve("poi"));
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
        NoticeExportFixtures.ClosingWatcher out = new NoticeExportFixtures.ClosingWatcher();
        long started = System.nanoTime();
        try (Stream<NoticeRow> rows = NoticeExportFixtures.many(20_000)) {
            NoticeWorkbook.write(BATCH, rows, CHINESE, out);
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("NoticeWorkbook: 20,000 rows written in %d ms, %,d bytes%n", millis, out.size());

        assertFalse(out.closed, "the caller's stream stays open");
        try (Stream<Path> left = Files.walk(poiTemp)) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "temporary files are deleted");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(2 + 20_000, sheet.getLastRowNum());
            assertEquals(20_000 + 3, sheet.getPhysicalNumberOfRows());
            assertEquals(List.of("1", "ORG00001", "罗湖区第1党支部委员会", "第2街道党工委", "非公有制企业党组织", "一星", "二星", "升星"),
                    row(sheet, 3));
            assertEquals(List.of("10000", "ORG10000", "罗湖区第10000党支部委员会", "第4街道党工委", "城中村/同乡村党支部", "四星",
                    "五星", "升星"), row(sheet, 3 + 9_999));
            assertEquals(List.of("20000", "ORG20000", "罗湖区第20000党支部委员会", "第7街道党工委", "社会组织党组织",
                    "二星", "三星", "升星"), row(sheet, 3 + 19_999));
            assertEquals(List.of("5", "未评星", "降星"), List.of(text(sheet, 3 + 4, 0), text(sheet, 3 + 4, 6), text(sheet, 3 + 4, 7)));
        }
    }

    @Test
    void readsRowsFromAnIteratorAndNamesTheFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticeWorkbook.write(BATCH, List.of(NoticeExportFixtures.down()).iterator(), CHINESE, out);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals("LX003", text(workbook.getSheetAt(0), 3, 1));
        }
        assertEquals("2026年度星级评定公示名单.xlsx", NoticeWorkbook.fileName(BATCH, CHINESE));
        assertEquals("Public notice of star ratings 2026.xlsx", NoticeWorkbook.fileName(BATCH, ENGLISH));
    }

    private static byte[] write(Stream<NoticeRow> rows, java.util.function.BiFunction<String, Object[], String> texts)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticeWorkbook.write(BATCH, rows, texts, out);
        return out.toByteArray();
    }

    private static String text(Sheet sheet, int row, int column) {
        return FORMAT.formatCellValue(sheet.getRow(row).getCell(column));
    }

    private static List<String> row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        List<String> values = new ArrayList<>();
        IntStream.range(0, 8).forEach(column -> values.add(FORMAT.formatCellValue(row.getCell(column))));
        return values;
    }
}

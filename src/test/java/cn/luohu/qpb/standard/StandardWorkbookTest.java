package cn.luohu.qpb.standard;

import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.standard.StandardWorkbook.Problem;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A standard survives the trip through Excel, a clerk's edits read back, and every broken file says why. */
class StandardWorkbookTest {

    private static final String INDICATORS = StandardWorkbook.INDICATOR_SHEET;
    private static final String STANDARD = StandardWorkbook.STANDARD_SHEET;
    private static final List<String> INDICATOR_HEADERS = List.of("维度", "指标编码", "指标名称", "业务指引", "质量标准",
            "计分方式", "分值", "步长", "每次扣分", "需要佐证", "佐证说明", "一票否决", "否决后最高星级", "加分项");

    private static StandardDefinition community() {
        return SeedStandards.load().getFirst();
    }

    private static byte[] written(StandardDefinition standard) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StandardWorkbook.write(standard, out);
        return out.toByteArray();
    }

    private static StandardWorkbook.Result read(byte[] file) {
        return StandardWorkbook.read(new ByteArrayInputStream(file));
    }

    /** The community standard, written, then changed in POI as a clerk would change it in Excel. */
    private static byte[] edited(Consumer<XSSFWorkbook> edit) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(written(community())))) {
            edit.accept(workbook);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cell cell(XSSFWorkbook workbook, String sheet, int excelRow, String header) {
        Sheet cells = workbook.getSheet(sheet);
        Row row = cells.getRow(excelRow - 1) == null ? cells.createRow(excelRow - 1) : cells.getRow(excelRow - 1);
        int column = sheet.equals(INDICATORS) ? INDICATOR_HEADERS.indexOf(header) : 1;
        return row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
    }

    /** The row of a field on the standard sheet, as Excel numbers it. */
    private static int fieldRow(XSSFWorkbook workbook, String label) {
        for (Row row : workbook.getSheet(STANDARD)) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row.getRowNum() + 1;
            }
        }
        throw new AssertionError("no field " + label);
    }

    private static List<Problem> problems(byte[] file) {
        StandardWorkbook.Result result = read(file);
        assertNull(result.definition(), "no definition from a file with problems");
        return result.problems();
    }

    private static Problem problem(int row, String column, String key, Object... args) {
        return new Problem(row, INDICATORS, column, key, args);
    }

    // ---------------------------------------------------------------- round trip and layout

    @Test
    void everySeededStandardSurvivesTheRoundTrip() {
        for (StandardDefinition standard : SeedStandards.load()) {
            StandardWorkbook.Result result = read(written(standard));
            assertEquals(List.of(), result.problems(), standard.code());
            assertEquals(standard, result.definition(), standard.code());
        }
    }

    @Test
    void aDraftWithBlanksAndAnEmptyDimensionSurvivesTheRoundTrip() {
        StandardDefinition seed = community();
        IndicatorDefinition unfinished = new IndicatorDefinition("X-1", null, null, null, null, null, null, null,
                false, null, false, null, false);
        StandardDefinition draft = new StandardDefinition("DRAFT", "草稿", 3, Set.of(), null, List.of(
                seed.dimensions().getFirst(), new DimensionDefinition("待补充", List.of()),
                new DimensionDefinition("其他", List.of(unfinished))), null, null);
        StandardWorkbook.Result result = read(written(draft));
        assertEquals(List.of(), result.problems());
        assertEquals(draft, result.definition());
    }

    @Test
    void theWrittenWorkbookSpeaksChineseAndKeepsNumbersAsNumbers() throws IOException {
        StandardDefinition standard = community();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(written(standard)))) {
            assertEquals(STANDARD, workbook.getSheetName(0));
            assertEquals(INDICATORS, workbook.getSheetName(1));

            Sheet indicators = workbook.getSheet(INDICATORS);
            List<String> headers = new ArrayList<>();
            indicators.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertEquals(INDICATOR_HEADERS, headers);
            assertTrue(workbook.getFontAt(indicators.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, indicators.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
            assertTrue(indicators.getColumnWidth(3) > indicators.getColumnWidth(1), "guidance wider than the code");
            assertEquals(standard.indicators().size() + 1, indicators.getPhysicalNumberOfRows());

            Row first = indicators.getRow(1);
            IndicatorDefinition indicator = standard.indicators().getFirst();
            assertEquals(standard.dimensions().getFirst().name(), first.getCell(0).getStringCellValue());
            assertEquals(indicator.code(), first.getCell(1).getStringCellValue());
            assertEquals("达标制", first.getCell(5).getStringCellValue());
            assertEquals(CellType.NUMERIC, first.getCell(6).getCellType());
            assertEquals(indicator.maxScore().doubleValue(), first.getCell(6).getNumericCellValue());
            assertEquals("是", first.getCell(9).getStringCellValue());
            assertEquals("否", first.getCell(11).getStringCellValue());
            assertTrue(first.getCell(3).getCellStyle().getWrapText(), "long texts wrap");

            assertEquals("社区党组织", workbook.getSheet(STANDARD).getRow(fieldRow(workbook, "适用类别") - 1)
                    .getCell(1).getStringCellValue());
            Cell fiveStars = workbook.getSheet(STANDARD).getRow(fieldRow(workbook, "五星分数线") - 1).getCell(1);
            assertEquals(CellType.NUMERIC, fiveStars.getCellType());
            assertEquals(95.0, fiveStars.getNumericCellValue());
        }
    }

    @Test
    void categoriesAreJoinedWithTheChineseEnumerationComma() throws IOException {
        StandardDefinition seed = community();
        StandardDefinition shared = new StandardDefinition(seed.code(), seed.name(), 1,
                Set.of(Category.URBAN_VILLAGE, Category.COMMUNITY, Category.BUILDING_PARK), seed.notes(),
                seed.dimensions(), seed.bands(), seed.bonusCap());
        byte[] file = written(shared);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertEquals("社区党组织、商务楼宇/园区/行业党组织、城中村/同乡村党支部",
                    cell(workbook, STANDARD, fieldRow(workbook, "适用类别"), null).getStringCellValue());
        }
        assertEquals(shared, read(file).definition());
    }

    // ---------------------------------------------------------------- a clerk's edits

    @Test
    void aClerksEditsReadBackAsMeant() {
        StandardDefinition seed = community();
        DimensionDefinition firstDimension = seed.dimensions().getFirst();
        int firstDimensionRows = firstDimension.indicators().size();
        byte[] file = edited(workbook -> {
            cell(workbook, INDICATORS, 2, "分值").setCellValue(2.5);
            // a new indicator typed below the first dimension, with a method and flags typed by hand
            workbook.getSheet(INDICATORS).shiftRows(firstDimensionRows + 1, workbook.getSheet(INDICATORS).getLastRowNum(), 1);
            int newRow = firstDimensionRows + 2;
            cell(workbook, INDICATORS, newRow, "维度").setCellValue("组织设置");
            cell(workbook, INDICATORS, newRow, "指标编码").setCellValue(" SQ-01-99 ");
            cell(workbook, INDICATORS, newRow, "指标名称").setCellValue("党组织书记培训");
            cell(workbook, INDICATORS, newRow, "业务指引").setCellValue("每年参加培训");
            cell(workbook, INDICATORS, newRow, "质量标准").setCellValue("参加的，得1.5分");
            cell(workbook, INDICATORS, newRow, "计分方式").setCellValue("分档制");
            cell(workbook, INDICATORS, newRow, "分值").setCellValue("１.5"); // typed as text, with a full-width digit
            cell(workbook, INDICATORS, newRow, "步长").setCellValue(0.5);
            cell(workbook, INDICATORS, newRow, "需要佐证").setCellValue("Y");
            cell(workbook, INDICATORS, newRow, "佐证说明").setCellValue("培训证书");
            cell(workbook, INDICATORS, newRow, "一票否决").setCellValue("否");
            // the dimension renamed on all its rows
            for (int row = 2; row <= newRow; row++) {
                cell(workbook, INDICATORS, row, "维度").setCellValue("组织建设");
            }
            cell(workbook, STANDARD, fieldRow(workbook, "名称"), null).setCellValue("社区党组织指标体系（修订稿）");
            cell(workbook, STANDARD, fieldRow(workbook, "适用类别"), null).setCellValue("社区党组织，AGENCY");
        });

        List<IndicatorDefinition> indicators = new ArrayList<>(firstDimension.indicators());
        IndicatorDefinition first = indicators.getFirst();
        indicators.set(0, new IndicatorDefinition(first.code(), first.title(), first.guidance(), first.qualityStandard(),
                first.method(), new BigDecimal("2.5"), first.step(), first.deduction(), first.evidenceRequired(),
                first.evidenceHint(), first.veto(), first.vetoStarCap(), first.bonus()));
        indicators.add(new IndicatorDefinition("SQ-01-99", "党组织书记培训", "每年参加培训", "参加的，得1.5分",
                ScoringMethod.SCALE, new BigDecimal("1.5"), new BigDecimal("0.5"), null, true, "培训证书",
                false, null, false));
        List<DimensionDefinition> dimensions = new ArrayList<>(seed.dimensions());
        dimensions.set(0, new DimensionDefinition("组织建设", indicators));
        StandardDefinition expected = new StandardDefinition(seed.code(), "社区党组织指标体系（修订稿）", seed.version(),
                Set.of(Category.COMMUNITY, Category.AGENCY), seed.notes(), dimensions, seed.bands(), seed.bonusCap());

        StandardWorkbook.Result result = read(file);
        assertEquals(List.of(), result.problems());
        assertEquals(expected, result.definition());
    }

    @Test
    void mergedDimensionCellsCountForEveryRowTheyCover() {
        StandardDefinition seed = community();
        int rows = seed.dimensions().getFirst().indicators().size();
        byte[] file = edited(workbook -> {
            for (int row = 3; row <= rows + 1; row++) {
                cell(workbook, INDICATORS, row, "维度").setBlank();
            }
            workbook.getSheet(INDICATORS).addMergedRegion(new CellRangeAddress(1, rows, 0, 0));
        });
        assertEquals(seed, read(file).definition());
    }

    @Test
    void aDimensionSeenAgainGathersItsRowsAndBlankRowsAreSkipped() {
        StandardDefinition seed = community();
        int last = seed.indicators().size() + 1;
        byte[] file = edited(workbook -> {
            // the first indicator moved to the bottom, after two blank rows and some formatted-but-empty rows
            Row first = workbook.getSheet(INDICATORS).getRow(1);
            Row moved = workbook.getSheet(INDICATORS).createRow(last + 2);
            for (Cell source : first) {
                Cell target = moved.createCell(source.getColumnIndex());
                switch (source.getCellType()) {
                    case NUMERIC -> target.setCellValue(source.getNumericCellValue());
                    default -> target.setCellValue(source.getStringCellValue());
                }
            }
            workbook.getSheet(INDICATORS).removeRow(first);
            workbook.getSheet(INDICATORS).createRow(last + 10).createCell(4).setCellValue("   ");
        });
        List<DimensionDefinition> expected = new ArrayList<>(seed.dimensions());
        List<IndicatorDefinition> firstIndicators = new ArrayList<>(expected.getFirst().indicators());
        firstIndicators.add(firstIndicators.removeFirst());
        expected.set(0, new DimensionDefinition(expected.getFirst().name(), firstIndicators));
        StandardWorkbook.Result result = read(file);
        assertEquals(List.of(), result.problems());
        assertEquals(expected, result.definition().dimensions());
    }

    @Test
    void enumNamesEnglishLabelsAndExcelValuesAreUnderstood() {
        byte[] file = edited(workbook -> {
            cell(workbook, INDICATORS, 2, "计分方式").setCellValue("deduct");
            cell(workbook, INDICATORS, 2, "每次扣分").setCellFormula("0.1+0.2"); // Excel shows 0.3
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            cell(workbook, INDICATORS, 2, "需要佐证").setCellValue(false);
            cell(workbook, INDICATORS, 2, "一票否决").setCellValue("√");
            cell(workbook, INDICATORS, 2, "否决后最高星级").setCellValue("2");
            cell(workbook, STANDARD, fieldRow(workbook, "适用类别"), null).setCellValue("Agency or public institution、URBAN_VILLAGE");
        });
        StandardDefinition definition = read(file).definition();
        assertNotNull(definition);
        IndicatorDefinition first = definition.indicators().getFirst();
        assertEquals(ScoringMethod.DEDUCT, first.method());
        assertEquals(new BigDecimal("0.30"), first.deduction());
        assertFalse(first.evidenceRequired());
        assertTrue(first.veto());
        assertEquals(2, first.vetoStarCap());
        assertEquals(Set.of(Category.AGENCY, Category.URBAN_VILLAGE), definition.categories());
    }

    // ---------------------------------------------------------------- problems

    @Test
    void everyProblemOfTheIndicatorSheetIsListedAtOnce() {
        byte[] file = edited(workbook -> {
            cell(workbook, INDICATORS, 2, "计分方式").setCellValue("打分制");
            cell(workbook, INDICATORS, 2, "分值").setCellValue("三分");
            cell(workbook, INDICATORS, 2, "需要佐证").setCellValue("要");
            cell(workbook, INDICATORS, 3, "维度").setBlank();
            cell(workbook, INDICATORS, 3, "步长").setCellValue(0.125);
            cell(workbook, INDICATORS, 3, "每次扣分").setCellValue(1000);
            cell(workbook, INDICATORS, 4, "否决后最高星级").setCellValue(1.5);
            cell(workbook, INDICATORS, 5, "否决后最高星级").setCellValue(6);
            cell(workbook, INDICATORS, 5, "指标编码").setCellValue("X".repeat(33));
            cell(workbook, INDICATORS, 5, "指标名称").setCellValue("名".repeat(201));
            cell(workbook, INDICATORS, 5, "佐证说明").setCellValue("证".repeat(501));
            cell(workbook, INDICATORS, 6, "维度").setCellValue("维".repeat(101));
            cell(workbook, INDICATORS, 7, "业务指引").setCellErrorValue(FormulaError.NA.getCode());
        });
        assertEquals(List.of(
                problem(2, "计分方式", "standard.workbook.unknown-method", "打分制"),
                problem(2, "分值", "standard.workbook.not-a-number", "三分"),
                problem(2, "需要佐证", "standard.workbook.not-yes-no", "要"),
                problem(3, "维度", "standard.workbook.dimension-missing"),
                problem(3, "步长", "standard.workbook.too-many-decimals", "0.125"),
                problem(3, "每次扣分", "standard.workbook.out-of-range", "1000", "-999.99", "999.99"),
                problem(4, "否决后最高星级", "standard.workbook.not-a-whole-number", "1.5"),
                problem(5, "指标编码", "standard.workbook.text-too-long", 32, 33),
                problem(5, "指标名称", "standard.workbook.text-too-long", 200, 201),
                problem(5, "佐证说明", "standard.workbook.text-too-long", 500, 501),
                problem(5, "否决后最高星级", "standard.workbook.out-of-range", "6", "0", "5"),
                problem(6, "维度", "standard.workbook.text-too-long", 100, 101),
                problem(7, "业务指引", "standard.workbook.cell-error", "#N/A")), problems(file));
    }

    @Test
    void everyProblemOfTheStandardSheetIsListedAtOnce() {
        int[] rows = new int[5];
        byte[] file = edited(workbook -> {
            rows[0] = fieldRow(workbook, "编码");
            rows[1] = fieldRow(workbook, "名称");
            rows[2] = fieldRow(workbook, "适用类别");
            rows[3] = fieldRow(workbook, "说明");
            rows[4] = fieldRow(workbook, "三星分数线");
            cell(workbook, STANDARD, rows[0], null).setCellValue("C".repeat(33));
            cell(workbook, STANDARD, rows[1], null).setCellValue("名".repeat(201));
            cell(workbook, STANDARD, rows[2], null).setCellValue("社区党组织、街道");
            cell(workbook, STANDARD, rows[3], null).setCellValue("说".repeat(2001));
            cell(workbook, STANDARD, rows[4], null).setCellValue("七十五");
            Sheet sheet = workbook.getSheet(STANDARD);
            sheet.removeRow(sheet.getRow(fieldRow(workbook, "版本") - 1));
        });
        assertEquals(List.of(
                new Problem(0, STANDARD, "版本", "standard.workbook.missing-field", "版本"),
                new Problem(rows[4], STANDARD, "三星分数线", "standard.workbook.not-a-number", "七十五"),
                new Problem(rows[0], STANDARD, "编码", "standard.workbook.text-too-long", 32, 33),
                new Problem(rows[1], STANDARD, "名称", "standard.workbook.text-too-long", 200, 201),
                new Problem(rows[2], STANDARD, "适用类别", "standard.workbook.unknown-category", "街道"),
                new Problem(rows[3], STANDARD, "说明", "standard.workbook.text-too-long", 2000, 2001)), problems(file));
    }

    @Test
    void missingSheetsAndHeaderColumnsAreNamed() {
        byte[] withoutStandardSheet = edited(workbook -> workbook.removeSheetAt(workbook.getSheetIndex(STANDARD)));
        assertEquals(List.of(new Problem(0, STANDARD, null, "standard.workbook.missing-sheet", STANDARD)),
                problems(withoutStandardSheet));

        byte[] withRenamedHeaders = edited(workbook -> {
            cell(workbook, INDICATORS, 1, "分值").setCellValue("满分");
            cell(workbook, INDICATORS, 1, "加分项").setBlank();
        });
        assertEquals(List.of(problem(1, "分值", "standard.workbook.missing-column", "分值"),
                problem(1, "加分项", "standard.workbook.missing-column", "加分项")), problems(withRenamedHeaders));
    }

    @Test
    void anEmptyWorkbookLacksBothSheets() throws IOException {
        for (boolean withBlankSheet : new boolean[] {false, true}) {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                if (withBlankSheet) {
                    workbook.createSheet("Sheet1");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                workbook.write(out);
                assertEquals(List.of(new Problem(0, STANDARD, null, "standard.workbook.missing-sheet", STANDARD),
                        new Problem(0, INDICATORS, null, "standard.workbook.missing-sheet", INDICATORS)),
                        problems(out.toByteArray()));
            }
        }
    }

    @Test
    void aFileThatIsNotAnXlsxGivesOneProblem() throws IOException {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream entries = new ZipOutputStream(zip)) {
            entries.putNextEntry(new ZipEntry("readme.txt"));
            entries.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        byte[] truncated = java.util.Arrays.copyOf(written(community()), 2000);
        for (byte[] file : List.of(new byte[0], random, pdf, zip.toByteArray(), truncated)) {
            assertEquals(List.of(new Problem(0, null, null, "standard.workbook.not-xlsx")), problems(file));
        }

        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook old = new HSSFWorkbook()) {
            old.createSheet(STANDARD);
            old.write(xls);
        }
        assertEquals(List.of(new Problem(0, null, null, "standard.workbook.old-format")), problems(xls.toByteArray()));
    }

    @Test
    void everyProblemKeyIsTranslatedInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = Pattern.compile("\"(standard\\.workbook\\.[a-z\\-]+)\"")
                .matcher(Files.readString(Path.of("src/main/java/cn/luohu/qpb/standard/StandardWorkbook.java")));
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        assertTrue(keys.size() >= 10, "keys found: " + keys);
        for (String file : List.of("translations.properties", "translations_en.properties")) {
            Properties translations = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/vaadin-i18n/" + file)) {
                translations.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(translations.stringPropertyNames());
            assertEquals(Set.of(), missing, file);
        }
    }
}

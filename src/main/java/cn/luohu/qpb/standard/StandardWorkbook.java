package cn.luohu.qpb.standard;

import cn.luohu.qpb.base.i18n.Language;
import cn.luohu.qpb.organization.Category;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A standard as an Excel workbook (.xlsx), because district staff keep their standards in Excel:
 * {@link #write} exports one, {@link #read} imports a draft from one and lists every problem of the file
 * at once. Pure: no Spring, no SQL. The reader only checks that the file can be read into a definition
 * that the database can hold; whether the standard may be published is for {@link StandardRules}.
 *
 * <p>The format. Sheet {@value #STANDARD_SHEET} has one field per row, its label in column A and its value in
 * column B: 编码, 名称, 版本, 适用类别 (the category labels the portal shows, joined with 、), 说明, 加分上限,
 * 一星分数线 … 五星分数线. Sheet {@value #INDICATOR_SHEET} has its header in the first row, then one row per
 * indicator in order (see {@link IndicatorColumn}); consecutive rows with the same 维度 form a dimension. Scoring methods are
 * written 达标制 (CHECK: met = full score, else 0), 分档制 (SCALE: 0 to the maximum in steps) and 扣分制
 * (DEDUCT: the maximum minus a deduction per occurrence); flags are 是/否. Fields and columns are found by
 * their label, so a clerk may reorder them or add her own columns and sheets.
 *
 * <p>On import, enum names (CHECK, COMMUNITY) and the English labels are accepted as well; yes/no also
 * accepts Y/N, TRUE/FALSE, √/× and 1/0; a merged cell counts for every row it covers; blank rows are
 * skipped; a row with nothing but a 维度 declares that dimension (so an empty dimension of a draft
 * survives the round trip); a 维度 seen again further down gathers its rows into its first appearance.
 */
public final class StandardWorkbook {

    public static final String STANDARD_SHEET = "标准";
    public static final String INDICATOR_SHEET = "指标";

    private static final String FIELD_HEADER = "项目";
    private static final String VALUE_HEADER = "内容";
    private static final String CODE = "编码";
    private static final String NAME = "名称";
    private static final String VERSION = "版本";
    private static final String CATEGORIES = "适用类别";
    private static final String NOTES = "说明";
    private static final String BONUS_CAP = "加分上限";
    private static final List<String> BANDS = List.of("一星分数线", "二星分数线", "三星分数线", "四星分数线", "五星分数线");
    private static final List<String> FIELDS = List.of(CODE, NAME, VERSION, CATEGORIES, NOTES, BONUS_CAP,
            BANDS.get(0), BANDS.get(1), BANDS.get(2), BANDS.get(3), BANDS.get(4));

    private static final String CATEGORY_SEPARATOR = "、";
    private static final Pattern CATEGORY_SEPARATORS = Pattern.compile("[、,;\\n\\r]+");
    private static final String YES = "是";
    private static final String NO = "否";
    private static final Set<String> YES_WORDS = Set.of(YES, "y", "yes", "true", "√", "✓", "1");
    private static final Set<String> NO_WORDS = Set.of(NO, "n", "no", "false", "×", "✗", "0");
    private static final Map<ScoringMethod, String> METHOD_LABELS = new EnumMap<>(Map.of(
            ScoringMethod.CHECK, "达标制", ScoringMethod.SCALE, "分档制", ScoringMethod.DEDUCT, "扣分制"));

    /** TEXT holds 65535 bytes: 21845 Chinese characters of 3 bytes each in utf8mb4. */
    private static final int LONG_TEXT_LENGTH = 21845;
    /** DECIMAL(5, 2) for scores, deductions, the bonus cap and the bands; DECIMAL(4, 2) for steps. */
    private static final BigDecimal POINTS_LIMIT = new BigDecimal("999.99");
    private static final BigDecimal STEP_LIMIT = new BigDecimal("99.99");
    /** The column's check constraint; {@link StandardRules} narrows it for publishing. */
    private static final int STAR_CAP_LIMIT = StarBands.LEVELS;
    /** Excel shows numbers with 15 significant digits: 0.1 + 0.2 reads as the 0.3 the clerk sees. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    /** How far down the dropdowns of the indicator sheet reach: far beyond any real standard. */
    private static final int VALIDATED_ROWS = 1000;

    private static final String TRANSLATIONS = "vaadin-i18n.translations";
    private static final Map<Category, String> CATEGORY_LABELS = categoryLabels(Language.ZH.locale());
    private static final Map<String, Category> CATEGORIES_BY_WORD = categoriesByWord();
    private static final Map<String, ScoringMethod> METHODS_BY_WORD = methodsByWord();

    private StandardWorkbook() {
    }

    /**
     * The columns of sheet {@value #INDICATOR_SHEET}, in the order they are written. Widths are in Excel's
     * units, the width of a digit: a Chinese character takes about two, a header also room for its filter button.
     */
    enum IndicatorColumn {
        DIMENSION("维度", 16, false),
        CODE("指标编码", 12, false),
        TITLE("指标名称", 28, false),
        GUIDANCE("业务指引", 60, false),
        QUALITY_STANDARD("质量标准", 48, false),
        METHOD("计分方式", 11, false),
        MAX_SCORE("分值", 8, true),
        STEP("步长", 8, true),
        DEDUCTION("每次扣分", 11, true),
        EVIDENCE_REQUIRED("需要佐证", 11, false),
        EVIDENCE_HINT("佐证说明", 34, false),
        VETO("一票否决", 11, false),
        VETO_STAR_CAP("否决后最高星级", 16, true),
        BONUS("加分项", 9, false);

        final String header;
        final int width;
        final boolean numeric;

        IndicatorColumn(String header, int width, boolean numeric) {
            this.header = header;
            this.width = width;
            this.numeric = numeric;
        }
    }

    /**
     * What was read: the definition when the file could be read without problems (else null), and every
     * problem found.
     */
    public record Result(StandardDefinition definition, List<Problem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One problem of a file, for district staff: where it is (the row as Excel numbers it, 0 for a whole
     * sheet or file; the sheet; the column header or field label, null for a whole sheet or file) and what
     * it is (a translation key {@code standard.workbook.*} with its arguments; the message does not repeat
     * the place).
     */
    public record Problem(int row, String sheet, String column, String key, Object... args) {

        // Compared by the arguments' content, not the array's identity.
        @Override
        public boolean equals(Object other) {
            return other instanceof Problem that && row == that.row && Objects.equals(sheet, that.sheet)
                    && Objects.equals(column, that.column) && key.equals(that.key) && Arrays.equals(args, that.args);
        }

        @Override
        public int hashCode() {
            return Objects.hash(row, sheet, column, key, Arrays.hashCode(args));
        }

        @Override
        public String toString() {
            return "Problem[" + sheet + "!" + column + row + " " + key + " " + Arrays.toString(args) + "]";
        }
    }

    // ---------------------------------------------------------------- writing

    /** Writes the standard as a workbook to {@code out}, which stays open; a failing stream throws {@link UncheckedIOException}. */
    public static void write(StandardDefinition standard, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            writeStandardSheet(workbook.createSheet(STANDARD_SHEET), standard, styles);
            writeIndicatorSheet(workbook.createSheet(INDICATOR_SHEET), standard, styles);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Styles(CellStyle header, CellStyle label, CellStyle text, CellStyle number) {

        Styles(Workbook workbook) {
            this(headerStyle(workbook), labelStyle(workbook), textStyle(workbook), numberStyle(workbook));
        }

        private static CellStyle headerStyle(Workbook workbook) {
            CellStyle style = labelStyle(workbook);
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setAlignment(HorizontalAlignment.CENTER);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setBorderBottom(BorderStyle.THIN);
            return style;
        }

        private static CellStyle labelStyle(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle style = textStyle(workbook);
            style.setFont(bold);
            return style;
        }

        // Formatted as text, so that a code the clerk types as 1.10 stays 1.10 instead of becoming a number.
        private static CellStyle textStyle(Workbook workbook) {
            CellStyle style = numberStyle(workbook);
            style.setWrapText(true);
            style.setDataFormat(workbook.createDataFormat().getFormat("@"));
            return style;
        }

        // Top-aligned, so a short cell stays beside the first line of its row's long guidance text.
        private static CellStyle numberStyle(Workbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }

    private static void writeStandardSheet(Sheet sheet, StandardDefinition standard, Styles styles) {
        Row header = sheet.createRow(0);
        text(header, 0, FIELD_HEADER, styles.header());
        text(header, 1, VALUE_HEADER, styles.header());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CODE, standard.code());
        values.put(NAME, standard.name());
        values.put(VERSION, BigDecimal.valueOf(standard.version()));
        values.put(CATEGORIES, standard.categories().stream().sorted()
                .map(CATEGORY_LABELS::get).collect(Collectors.joining(CATEGORY_SEPARATOR)));
        values.put(NOTES, standard.notes());
        values.put(BONUS_CAP, standard.bonusCap());
        for (int stars = 1; stars <= StarBands.LEVELS; stars++) {
            values.put(BANDS.get(stars - 1), standard.bands() == null ? null : standard.bands().minimumFor(stars));
        }
        int rowIndex = 1;
        for (Map.Entry<String, Object> field : values.entrySet()) {
            Row row = sheet.createRow(rowIndex++);
            text(row, 0, field.getKey(), styles.label());
            value(row, 1, field.getValue(), styles);
        }
        sheet.setColumnWidth(0, excelWidth(14));
        sheet.setColumnWidth(1, excelWidth(90));
        sheet.createFreezePane(0, 1);
    }

    private static void writeIndicatorSheet(Sheet sheet, StandardDefinition standard, Styles styles) {
        Row header = sheet.createRow(0);
        for (IndicatorColumn column : IndicatorColumn.values()) {
            text(header, column.ordinal(), column.header, styles.header());
            sheet.setColumnWidth(column.ordinal(), excelWidth(column.width));
            // rows the clerk adds get the same wrapping and text format as the written ones
            sheet.setDefaultColumnStyle(column.ordinal(), column.numeric ? styles.number() : styles.text());
        }
        int rowIndex = 1;
        for (DimensionDefinition dimension : standard.dimensions()) {
            if (dimension.indicators().isEmpty()) {
                text(sheet.createRow(rowIndex++), IndicatorColumn.DIMENSION.ordinal(), dimension.name(), styles.text());
            }
            for (IndicatorDefinition indicator : dimension.indicators()) {
                writeIndicator(sheet.createRow(rowIndex++), dimension.name(), indicator, styles);
            }
        }
        sheet.createFreezePane(IndicatorColumn.CODE.ordinal() + 1, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rowIndex - 1, 1), 0, IndicatorColumn.values().length - 1));
        dropdown(sheet, IndicatorColumn.METHOD, METHOD_LABELS.values().toArray(String[]::new));
        for (IndicatorColumn flag : List.of(IndicatorColumn.EVIDENCE_REQUIRED, IndicatorColumn.VETO, IndicatorColumn.BONUS)) {
            dropdown(sheet, flag, YES, NO);
        }
    }

    private static void writeIndicator(Row row, String dimension, IndicatorDefinition indicator, Styles styles) {
        Map<IndicatorColumn, Object> values = new EnumMap<>(IndicatorColumn.class);
        values.put(IndicatorColumn.DIMENSION, dimension);
        values.put(IndicatorColumn.CODE, indicator.code());
        values.put(IndicatorColumn.TITLE, indicator.title());
        values.put(IndicatorColumn.GUIDANCE, indicator.guidance());
        values.put(IndicatorColumn.QUALITY_STANDARD, indicator.qualityStandard());
        values.put(IndicatorColumn.METHOD, indicator.method() == null ? null : METHOD_LABELS.get(indicator.method()));
        values.put(IndicatorColumn.MAX_SCORE, indicator.maxScore());
        values.put(IndicatorColumn.STEP, indicator.step());
        values.put(IndicatorColumn.DEDUCTION, indicator.deduction());
        values.put(IndicatorColumn.EVIDENCE_REQUIRED, yesNo(indicator.evidenceRequired()));
        values.put(IndicatorColumn.EVIDENCE_HINT, indicator.evidenceHint());
        values.put(IndicatorColumn.VETO, yesNo(indicator.veto()));
        values.put(IndicatorColumn.VETO_STAR_CAP,
                indicator.vetoStarCap() == null ? null : BigDecimal.valueOf(indicator.vetoStarCap()));
        values.put(IndicatorColumn.BONUS, yesNo(indicator.bonus()));
        values.forEach((column, value) -> value(row, column.ordinal(), value, styles));
    }

    /** A list to pick from, so that a clerk cannot mistype a method or a yes/no in Excel. */
    private static void dropdown(Sheet sheet, IndicatorColumn column, String... choices) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(choices),
                new CellRangeAddressList(1, VALIDATED_ROWS, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private static void value(Row row, int column, Object value, Styles styles) {
        switch (value) {
            case null -> {
                // a blank cell reads back as null
            }
            case BigDecimal number -> {
                Cell cell = row.createCell(column);
                cell.setCellValue(number.doubleValue()); // at most 2 decimals (Points), exact in 15 digits
                cell.setCellStyle(styles.number());
            }
            default -> text(row, column, value.toString(), styles.text());
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value != null && !value.isEmpty()) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private static String yesNo(boolean value) {
        return value ? YES : NO;
    }

    /** POI takes widths in 1/256 of Excel's unit. */
    private static int excelWidth(int digits) {
        return digits * 256;
    }

    // ---------------------------------------------------------------- reading

    /** Reads a workbook; any file that is not one gives a single problem, never an exception. */
    public static Result read(InputStream in) {
        try (XSSFWorkbook workbook = open(in)) {
            List<Problem> problems = new ArrayList<>();
            StandardDefinition definition = readWorkbook(workbook, problems);
            return new Result(problems.isEmpty() ? definition : null, problems);
        } catch (NotAWorkbook e) {
            return new Result(null, List.of(new Problem(0, null, null, e.key)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing a workbook read into memory
        }
    }

    /** The file cannot be opened as an .xlsx: translation key of the one problem to show. */
    private static final class NotAWorkbook extends Exception {

        private final String key;

        NotAWorkbook(String key, Throwable cause) {
            super(key, cause);
            this.key = key;
        }
    }

    private static XSSFWorkbook open(InputStream in) throws NotAWorkbook {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            FileMagic magic = FileMagic.valueOf(buffered);
            if (magic == FileMagic.OLE2) {
                // an Excel 97-2003 .xls, or an .xlsx protected by a password (encrypted into the same container)
                throw new NotAWorkbook("standard.workbook.old-format", null);
            }
            if (magic != FileMagic.OOXML) {
                throw new NotAWorkbook("standard.workbook.not-xlsx", null);
            }
            return new XSSFWorkbook(buffered);
        } catch (IOException | RuntimeException e) {
            // POI says "not a workbook" with many exceptions: an empty file, a broken zip, a .docx, a zip bomb
            throw new NotAWorkbook("standard.workbook.not-xlsx", e);
        }
    }

    private static StandardDefinition readWorkbook(Workbook workbook, List<Problem> problems) {
        Sheet standardSheet = workbook.getSheet(STANDARD_SHEET);
        Sheet indicatorSheet = workbook.getSheet(INDICATOR_SHEET);
        if (standardSheet == null) {
            problems.add(new Problem(0, STANDARD_SHEET, null, "standard.workbook.missing-sheet", STANDARD_SHEET));
        }
        if (indicatorSheet == null) {
            problems.add(new Problem(0, INDICATOR_SHEET, null, "standard.workbook.missing-sheet", INDICATOR_SHEET));
        }
        List<DimensionDefinition> dimensions = indicatorSheet == null ? List.of()
                : readDimensions(new SheetReader(indicatorSheet, problems));
        return standardSheet == null ? null : readStandard(new SheetReader(standardSheet, problems), dimensions);
    }

    private static StandardDefinition readStandard(SheetReader sheet, List<DimensionDefinition> dimensions) {
        Map<String, Field> fields = new HashMap<>();
        for (int row = 0; row <= sheet.lastRow(); row++) {
            String label = sheet.peek(row, 0);
            if (label != null && FIELDS.contains(label)) {
                fields.putIfAbsent(label, new Field(row, 1, label));
            }
        }
        for (String label : FIELDS) {
            if (!fields.containsKey(label)) {
                sheet.problem(0, label, "standard.workbook.missing-field", label);
                fields.put(label, new Field(Field.ABSENT, 1, label));
            }
        }
        Integer version = sheet.wholeNumber(fields.get(VERSION), 1, Integer.MAX_VALUE);
        List<BigDecimal> minimums = new ArrayList<>();
        for (String band : BANDS) {
            minimums.add(sheet.number(fields.get(band), POINTS_LIMIT));
        }
        return new StandardDefinition(
                sheet.text(fields.get(CODE), StandardDefinition.CODE_MAX),
                sheet.text(fields.get(NAME), StandardDefinition.NAME_MAX),
                version == null ? 1 : version, // the service assigns the real next version on import anyway
                sheet.categories(fields.get(CATEGORIES)),
                sheet.text(fields.get(NOTES), StandardDefinition.NOTES_MAX),
                dimensions,
                minimums.stream().allMatch(Objects::isNull) ? null : new StarBands(minimums),
                sheet.number(fields.get(BONUS_CAP), POINTS_LIMIT));
    }

    private static List<DimensionDefinition> readDimensions(SheetReader sheet) {
        Map<IndicatorColumn, Integer> positions = new EnumMap<>(IndicatorColumn.class);
        for (int column = 0; column <= sheet.lastColumn(0); column++) {
            String header = sheet.peek(0, column);
            for (IndicatorColumn known : IndicatorColumn.values()) {
                if (known.header.equals(header)) {
                    positions.putIfAbsent(known, column);
                }
            }
        }
        for (IndicatorColumn column : IndicatorColumn.values()) {
            if (!positions.containsKey(column)) {
                sheet.problem(1, column.header, "standard.workbook.missing-column", column.header);
            }
        }
        if (positions.size() < IndicatorColumn.values().length) {
            return List.of(); // without the layout, every row would repeat the same problem
        }
        Map<String, List<IndicatorDefinition>> dimensions = new LinkedHashMap<>();
        for (int row = 1; row <= sheet.lastRow(); row++) {
            Map<IndicatorColumn, Field> fields = fieldsOfRow(row, positions);
            if (fields.values().stream().allMatch(sheet::blank)) {
                continue;
            }
            Field dimensionField = fields.get(IndicatorColumn.DIMENSION);
            String dimension = sheet.text(dimensionField, StandardDefinition.DIMENSION_NAME_MAX);
            if (sheet.blank(dimensionField)) {
                sheet.problem(dimensionField, "standard.workbook.dimension-missing");
            }
            List<IndicatorDefinition> indicators = dimensions.computeIfAbsent(dimension, name -> new ArrayList<>());
            boolean onlyDimension = fields.entrySet().stream()
                    .allMatch(field -> field.getKey() == IndicatorColumn.DIMENSION || sheet.blank(field.getValue()));
            if (!onlyDimension) {
                indicators.add(readIndicator(sheet, fields));
            }
        }
        return dimensions.entrySet().stream()
                .map(dimension -> new DimensionDefinition(dimension.getKey(), dimension.getValue())).toList();
    }

    private static Map<IndicatorColumn, Field> fieldsOfRow(int row, Map<IndicatorColumn, Integer> positions) {
        Map<IndicatorColumn, Field> fields = new EnumMap<>(IndicatorColumn.class);
        positions.forEach((column, position) -> fields.put(column, new Field(row, position, column.header)));
        return fields;
    }

    private static IndicatorDefinition readIndicator(SheetReader sheet, Map<IndicatorColumn, Field> fields) {
        return new IndicatorDefinition(
                sheet.text(fields.get(IndicatorColumn.CODE), StandardDefinition.CODE_MAX),
                sheet.text(fields.get(IndicatorColumn.TITLE), StandardDefinition.INDICATOR_TITLE_MAX),
                sheet.text(fields.get(IndicatorColumn.GUIDANCE), LONG_TEXT_LENGTH),
                sheet.text(fields.get(IndicatorColumn.QUALITY_STANDARD), LONG_TEXT_LENGTH),
                sheet.method(fields.get(IndicatorColumn.METHOD)),
                sheet.number(fields.get(IndicatorColumn.MAX_SCORE), POINTS_LIMIT),
                sheet.number(fields.get(IndicatorColumn.STEP), STEP_LIMIT),
                sheet.number(fields.get(IndicatorColumn.DEDUCTION), POINTS_LIMIT),
                sheet.yesNo(fields.get(IndicatorColumn.EVIDENCE_REQUIRED)),
                sheet.text(fields.get(IndicatorColumn.EVIDENCE_HINT), StandardDefinition.EVIDENCE_HINT_MAX),
                sheet.yesNo(fields.get(IndicatorColumn.VETO)),
                sheet.wholeNumber(fields.get(IndicatorColumn.VETO_STAR_CAP), 0, STAR_CAP_LIMIT),
                sheet.yesNo(fields.get(IndicatorColumn.BONUS)));
    }

    /** A cell to read (0-based row and column) and the label its problems name. */
    private record Field(int row, int column, String label) {

        /** The row of a field the sheet lacks: it reads as blank. */
        static final int ABSENT = -1;
    }

    /** Reads the cells of one sheet into values, collecting a problem for each that does not fit. */
    private static final class SheetReader {

        private final Sheet sheet;
        private final List<Problem> problems;
        private final List<CellRangeAddress> mergedRegions;

        SheetReader(Sheet sheet, List<Problem> problems) {
            this.sheet = sheet;
            this.problems = problems;
            this.mergedRegions = sheet.getMergedRegions();
        }

        int lastRow() {
            return sheet.getLastRowNum();
        }

        int lastColumn(int row) {
            Row cells = sheet.getRow(row);
            return cells == null ? -1 : cells.getLastCellNum() - 1;
        }

        void problem(int excelRow, String column, String key, Object... args) {
            problems.add(new Problem(excelRow, sheet.getSheetName(), column, key, args));
        }

        void problem(Field field, String key, Object... args) {
            problem(field.row() + 1, field.label(), key, args);
        }

        boolean blank(Field field) {
            return content(cell(field.row(), field.column())) == null;
        }

        /** The stripped content of a cell as Excel shows it, null when blank; reports nothing. */
        String peek(int row, int column) {
            return content(cell(row, column));
        }

        String text(Field field, int maxLength) {
            String text = read(field);
            if (text != null && text.codePointCount(0, text.length()) > maxLength) {
                problem(field, "standard.workbook.text-too-long", maxLength, text.codePointCount(0, text.length()));
            }
            return text;
        }

        BigDecimal number(Field field, BigDecimal limit) {
            String text = read(field);
            if (text == null) {
                return null;
            }
            BigDecimal number;
            try {
                number = new BigDecimal(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
            } catch (NumberFormatException e) {
                problem(field, "standard.workbook.not-a-number", text);
                return null;
            }
            if (number.stripTrailingZeros().scale() > Points.SCALE) {
                problem(field, "standard.workbook.too-many-decimals", text); // else silently rounded
            } else if (number.abs().compareTo(limit) > 0) {
                problem(field, "standard.workbook.out-of-range", text, limit.negate().toPlainString(), limit.toPlainString());
            }
            return number;
        }

        Integer wholeNumber(Field field, int min, int max) {
            String text = read(field);
            if (text == null) {
                return null;
            }
            BigDecimal number;
            try {
                number = new BigDecimal(Normalizer.normalize(text, Normalizer.Form.NFKC).strip()).stripTrailingZeros();
            } catch (NumberFormatException e) {
                problem(field, "standard.workbook.not-a-whole-number", text);
                return null;
            }
            if (number.scale() > 0) {
                problem(field, "standard.workbook.not-a-whole-number", text);
                return null;
            }
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                problem(field, "standard.workbook.out-of-range", text, String.valueOf(min), String.valueOf(max));
                return null;
            }
            return number.intValueExact();
        }

        boolean yesNo(Field field) {
            String text = read(field);
            if (text == null) {
                return false;
            }
            String word = normalized(text);
            if (YES_WORDS.contains(word)) {
                return true;
            }
            if (!NO_WORDS.contains(word)) {
                problem(field, "standard.workbook.not-yes-no", text);
            }
            return false;
        }

        ScoringMethod method(Field field) {
            String text = read(field);
            if (text == null) {
                return null;
            }
            ScoringMethod method = METHODS_BY_WORD.get(normalized(text));
            if (method == null) {
                problem(field, "standard.workbook.unknown-method", text);
            }
            return method;
        }

        Set<Category> categories(Field field) {
            String text = read(field);
            Set<Category> categories = EnumSet.noneOf(Category.class);
            if (text == null) {
                return categories;
            }
            for (String label : CATEGORY_SEPARATORS.split(Normalizer.normalize(text, Normalizer.Form.NFKC))) {
                if (label.isBlank()) {
                    continue;
                }
                Category category = CATEGORIES_BY_WORD.get(normalized(label));
                if (category == null) {
                    problem(field, "standard.workbook.unknown-category", label.strip());
                } else {
                    categories.add(category);
                }
            }
            return categories;
        }

        /** The content of a field's cell; an Excel error value (#N/A, #REF!…) is reported and reads as blank. */
        private String read(Field field) {
            Cell cell = cell(field.row(), field.column());
            if (cell != null && valueType(cell) == CellType.ERROR) {
                problem(field, "standard.workbook.cell-error", FormulaError.forInt(cell.getErrorCellValue()).getString());
                return null;
            }
            return content(cell);
        }

        /** The cell at a place, or the first cell of the merged region covering it (a clerk merges 维度 cells). */
        private Cell cell(int row, int column) {
            if (row < 0) {
                return null;
            }
            for (CellRangeAddress region : mergedRegions) {
                if (region.isInRange(row, column)) {
                    row = region.getFirstRow();
                    column = region.getFirstColumn();
                    break;
                }
            }
            Row cells = sheet.getRow(row);
            return cells == null ? null : cells.getCell(column);
        }

        private static String content(Cell cell) {
            if (cell == null) {
                return null;
            }
            String text = switch (valueType(cell)) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> new BigDecimal(cell.getNumericCellValue(), EXCEL_DIGITS).stripTrailingZeros().toPlainString();
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
                default -> null;
            };
            return text == null || text.isBlank() ? null : text.strip();
        }

        /** A formula counts as the value Excel last computed for it. */
        private static CellType valueType(Cell cell) {
            return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        }
    }

    // ---------------------------------------------------------------- labels

    /** The category labels of the portal's translations, so that the file says what the screens say. */
    private static Map<Category, String> categoryLabels(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(TRANSLATIONS, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<Category, String> labels = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            labels.put(category, bundle.getString("org.category." + category.name()));
        }
        return labels;
    }

    private static Map<String, Category> categoriesByWord() {
        Map<String, Category> words = new HashMap<>();
        Map<Category, String> english = categoryLabels(Language.EN.locale());
        for (Category category : Category.values()) {
            words.put(normalized(category.name()), category);
            words.put(normalized(english.get(category)), category);
            words.put(normalized(CATEGORY_LABELS.get(category)), category);
        }
        return Map.copyOf(words);
    }

    private static Map<String, ScoringMethod> methodsByWord() {
        Map<String, ScoringMethod> words = new HashMap<>();
        for (ScoringMethod method : ScoringMethod.values()) {
            words.put(normalized(method.name()), method);
            words.put(normalized(METHOD_LABELS.get(method)), method);
        }
        return Map.copyOf(words);
    }

    /** Compared without case, surrounding space or full-width forms (ＣＨＥＣＫ, ／). */
    private static String normalized(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}

package cn.luohu.qpb.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Reads an uploaded file into a {@link RawSheet}. What the file is comes from its content, never from its
 * name: an .xlsx is a ZIP package with the Office Open XML workbook parts; a CSV is text (see
 * {@link TextDecoding}); anything else (a PDF, a program, an image, an old .xls) is refused with a reason.
 * <p>
 * An .xlsx is read with POI's streaming (SAX) reader: only the cell texts of the first sheet are kept,
 * never a whole workbook object model, so memory grows with the cells, not with POI's per-cell objects.
 */
final class SpreadsheetReader {

    /** Uploads larger than this are refused (the screen's upload refuses them before they arrive, too). */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    /** More data rows than this are refused: split the file. */
    static final int MAX_ROWS = 50_000;
    private static final int PROGRESS_EVERY = 1_000;

    private SpreadsheetReader() {
    }

    /** Reads the first sheet of an .xlsx or a CSV; {@code rowsRead} hears how far it got. */
    static RawSheet read(byte[] content, IntConsumer rowsRead) {
        if (content.length > MAX_BYTES) {
            throw new ImportRefusedException("import.refused.too-large", MAX_BYTES / (1024 * 1024));
        }
        if (content.length == 0) {
            throw new ImportRefusedException("import.refused.empty");
        }
        FileType type = FileType.of(content);
        RawSheet sheet;
        try {
            sheet = switch (type) {
                case XLSX -> readXlsx(content, rowsRead);
                case TEXT -> readCsv(content, rowsRead);
                case OLD_EXCEL -> throw new ImportRefusedException("import.refused.old-excel");
                case OTHER -> throw new ImportRefusedException("import.refused.not-spreadsheet");
            };
        } catch (TooManyRows e) {
            throw new ImportRefusedException("import.refused.too-many-rows", MAX_ROWS);
        }
        if (sheet.header().isEmpty()) {
            throw new ImportRefusedException("import.refused.empty");
        }
        return sheet;
    }

    /** What the first bytes say the file is. */
    enum FileType {
        XLSX, OLD_EXCEL, TEXT, OTHER;

        static FileType of(byte[] content) {
            if (TextDecoding.startsWith(content, 'P', 'K', 3, 4)) {
                return XLSX; // a ZIP: whether it holds a workbook is found out when reading it
            }
            if (TextDecoding.startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
                return OLD_EXCEL; // OLE2 compound document: .xls (or .doc, refused the same way)
            }
            if (TextDecoding.hasUtf16Bom(content)) {
                return TEXT;
            }
            return looksLikeText(content) ? TEXT : OTHER;
        }

        /**
         * Text has no control bytes besides tab, line feed and carriage return. In UTF-8 and GB18030 every
         * byte below 0x20 stands for itself (multi-byte sequences use bytes from 0x30 up), so the raw bytes
         * can be checked before decoding. PDFs, programs, images and archives fail this within their first
         * bytes.
         */
        private static boolean looksLikeText(byte[] content) {
            for (byte b : content) {
                int value = b & 0xFF;
                if (value < 0x20 && value != '\t' && value != '\n' && value != '\r') {
                    return false;
                }
                if (value == 0x7F) {
                    return false;
                }
            }
            return !TextDecoding.startsWith(content, '%', 'P', 'D', 'F', '-');
        }
    }

    private static RawSheet readCsv(byte[] content, IntConsumer rowsRead) {
        String text = TextDecoding.decode(content)
                .orElseThrow(() -> new ImportRefusedException("import.refused.encoding"));
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new ImportRefusedException("import.refused.not-spreadsheet"); // a UTF-16 file with binary
        }
        String firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        char delimiter = firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        SheetBuilder builder = new SheetBuilder(rowsRead);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // with empty lines kept, the record number is the row number Excel shows for this line
                builder.row((int) record.getRecordNumber(), record.toList());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportRefusedException("import.refused.unreadable-csv");
        }
        return builder.build();
    }

    private static RawSheet readXlsx(byte[] content, IntConsumer rowsRead) {
        SheetBuilder builder = new SheetBuilder(rowsRead);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRefusedException("import.refused.empty");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new RowCollector(builder),
                        new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (ImportRefusedException | TooManyRows refusal) {
            throw refusal;
        } catch (Exception e) {
            // not an OOXML package, a package without a workbook (e.g. a .docx), or a damaged file
            if (e.getCause() instanceof TooManyRows tooMany) {
                throw tooMany;
            }
            throw new ImportRefusedException("import.refused.not-spreadsheet");
        }
        return builder.build();
    }

    /** Collects the cells of one sheet from POI's SAX events; cells missing from the XML are blanks. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final SheetBuilder builder;
        private final List<String> cells = new ArrayList<>();
        private int nextColumn;

        RowCollector(SheetBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            builder.row(rowNum + 1, List.copyOf(cells));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
            nextColumn = column + 1;
        }
    }

    /** Keeps the first non-blank row as the header and the non-blank rows after it as data. */
    private static final class SheetBuilder {

        private final IntConsumer rowsRead;
        private List<String> header = List.of();
        private final List<RawSheet.Row> rows = new ArrayList<>();

        SheetBuilder(IntConsumer rowsRead) {
            this.rowsRead = rowsRead;
        }

        void row(int number, List<String> rawCells) {
            List<String> cells = rawCells.stream().map(SpreadsheetReader::clean).toList();
            if (cells.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (header.isEmpty()) {
                header = cells;
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new TooManyRows();
            }
            rows.add(new RawSheet.Row(number, cells));
            if (rows.size() % PROGRESS_EVERY == 0) {
                rowsRead.accept(rows.size());
            }
        }

        RawSheet build() {
            rowsRead.accept(rows.size());
            return new RawSheet(header, List.copyOf(rows));
        }
    }

    /** A cell's text without surrounding blanks (including full-width and no-break spaces) or stray BOMs. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        return value.replace('\u00A0', ' ').replace("\uFEFF", "").strip();
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }
}

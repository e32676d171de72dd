package cn.luohu.qpb.importing;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static cn.luohu.qpb.importing.ImportFiles.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading files: what a file is comes from its content; text encodings as Chinese Excel writes them. */
class ImportReaderTest {

    private static final List<List<?>> SAMPLE = table(List.of("组织编码", "组织全称"),
            List.of("CZ101", "翠竹社区第一党支部"), List.of("CZ102", "深圳市罗湖区“星光”社会组织党支部，联合"));

    private static RawSheet read(byte[] content) {
        return SpreadsheetReader.read(content, rows -> { });
    }

    private static void assertSample(RawSheet sheet) {
        assertEquals(List.of("组织编码", "组织全称"), sheet.header());
        assertEquals(2, sheet.rows().size());
        assertEquals(2, sheet.rows().get(0).number(), "the first data row is row 2, as Excel shows it");
        assertEquals("翠竹社区第一党支部", sheet.rows().get(0).cell(1));
        assertEquals("深圳市罗湖区“星光”社会组织党支部，联合", sheet.rows().get(1).cell(1));
    }

    private static String refusal(byte[] content) {
        return assertThrows(ImportRefusedException.class, () -> read(content)).messageKey();
    }

    @Test
    void readsAnXlsx() {
        assertSample(read(ImportFiles.xlsx(SAMPLE)));
    }

    @Test
    void xlsxRowNumbersAreExcelsAndBlankRowsAreSkipped() {
        List<List<?>> rows = new ArrayList<>();
        rows.add(Arrays.asList(null, null));
        rows.add(List.of("组织编码", "党员人数"));
        rows.add(List.of("A1", 12));
        rows.add(Arrays.asList(null, null));
        rows.add(Arrays.asList(null, 7));
        RawSheet sheet = read(ImportFiles.xlsx(rows));
        assertEquals(List.of("组织编码", "党员人数"), sheet.header(), "the first non-blank row is the header");
        assertEquals(List.of(3, 5), sheet.rows().stream().map(RawSheet.Row::number).toList());
        assertEquals("12", sheet.rows().get(0).cell(1), "a number cell reads as Excel shows it");
        assertEquals("", sheet.rows().get(1).cell(0), "a missing cell is blank");
        assertEquals("7", sheet.rows().get(1).cell(1));
    }

    @Test
    void readsUtf8CsvWithAndWithoutBom() {
        byte[] utf8 = ImportFiles.csv(SAMPLE, StandardCharsets.UTF_8);
        assertSample(read(utf8));
        RawSheet withBom = read(ImportFiles.withUtf8Bom(utf8));
        assertSample(withBom);
        assertEquals("组织编码", withBom.header().getFirst(), "the BOM is not part of the first header");
    }

    @Test
    void readsGbkCsvAsChineseExcelSavesIt() {
        assertSample(read(ImportFiles.csv(SAMPLE, Charset.forName("GBK"))));
    }

    @Test
    void readsTabSeparatedUtf16AsExcelsUnicodeText() {
        String text = "\uFEFF组织编码\t组织全称\r\nCZ101\t翠竹社区第一党支部\r\nCZ102\t深圳市罗湖区“星光”社会组织党支部，联合\r\n";
        assertSample(read(text.getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void csvRowNumbersFollowExcelEvenWithQuotedLineBreaksAndBlankLines() {
        String text = "组织编码,联系方式\r\nA1,\"第一行\n第二行\"\r\n\r\nA2,x\r\n";
        RawSheet sheet = read(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(2, 4), sheet.rows().stream().map(RawSheet.Row::number).toList());
        assertEquals("第一行\n第二行", sheet.rows().get(0).cell(1));
    }

    @Test
    void refusesTextInNeitherUtf8NorGbk() {
        byte[] broken = {'c', 'o', 'd', 'e', '\r', '\n', (byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0x80, '\r', '\n'};
        assertEquals("import.refused.encoding", refusal(broken));
    }

    @Test
    void refusesEmptyFiles() {
        assertEquals("import.refused.empty", refusal(new byte[0]));
        assertEquals("import.refused.empty", refusal("\r\n ,, \r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("import.refused.empty", refusal(ImportFiles.withUtf8Bom(new byte[0])));
        assertEquals("import.refused.empty", refusal(ImportFiles.xlsx(List.of())));
    }

    @Test
    void refusesWhatIsNotASpreadsheetWhateverItsName() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        assertEquals("import.refused.not-spreadsheet", refusal(random));
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals("import.refused.not-spreadsheet", refusal(pdf), "a PDF renamed .xlsx");
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        assertEquals("import.refused.not-spreadsheet", refusal(exe), "a program renamed .xlsx");
        assertEquals("import.refused.not-spreadsheet", refusal(zipWith("word/document.xml", "<w:document/>")),
                "a ZIP that is not a workbook (a .docx, say)");
        assertEquals("import.refused.not-spreadsheet", refusal(Arrays.copyOf(ImportFiles.xlsx(SAMPLE), 300)),
                "a damaged workbook");
    }

    @Test
    void refusesAnOldExcelFileWithAHint() {
        byte[] ole2 = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        assertEquals("import.refused.old-excel", refusal(ole2));
    }

    @Test
    void refusesOversizedUploads() {
        byte[] large = new byte[SpreadsheetReader.MAX_BYTES + 1];
        Arrays.fill(large, (byte) 'a');
        assertEquals("import.refused.too-large", refusal(large));
    }

    @Test
    void refusesTooManyRows() {
        StringBuilder text = new StringBuilder("组织编码\n");
        for (int i = 0; i <= SpreadsheetReader.MAX_ROWS; i++) {
            text.append('C').append(i).append('\n');
        }
        assertEquals("import.refused.too-many-rows", refusal(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCellsSurroundingBlanksAreDropped() {
        assertEquals("党支部", SpreadsheetReader.clean("\u3000\u00A0党支部 \uFEFF"));
    }

    @Test
    void numbersAsPeopleTypeThem() {
        assertEquals(12, Numbers.wholeNumber("12"));
        assertEquals(12, Numbers.wholeNumber("12.0"));
        assertEquals(1200, Numbers.wholeNumber("1,200"));
        assertThrows(NumberFormatException.class, () -> Numbers.wholeNumber("12.5"));
        assertThrows(NumberFormatException.class, () -> Numbers.wholeNumber("十二"));
        assertTrue(Numbers.wholeNumber("-3") < 0, "the range is the field rules' business");
    }

    private static byte[] zipWith(String name, String content) {
        try (var bytes = new java.io.ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package cn.luohu.qpb.notice;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static cn.luohu.qpb.notice.NoticeExportFixtures.BATCH;
import static cn.luohu.qpb.notice.NoticeExportFixtures.CHINESE;
import static cn.luohu.qpb.notice.NoticeExportFixtures.ENGLISH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The PDFs are read back with Apache PDFBox, so a file only OpenPDF itself could read would fail here. */
class NoticePdfTest {

    @Test
    void chineseTitlePeriodHeaderAndNamesCanBeReadBack() throws IOException {
        byte[] pdf = write(Stream.of(NoticeExportFixtures.up(), NoticeExportFixtures.down(), NoticeExportFixtures.same()),
                CHINESE);

        try (PDDocument reader = Loader.loadPDF(pdf)) {
            assertEquals(1, reader.getNumberOfPages());
            String page = text(reader, 1);
            assertThat(page).contains(squeezed("2026年度质量党建星级评定结果公示", "公示期：2026-07-01 至 2026-07-07",
                    "序号", "组织编码", "组织名称", "所属党（工）委", "类别", "原星级", "评定星级", "变化",
                    "翠竹社区党委", "翠竹街道党工委", "社区党组织", "升星",
                    "深圳市罗湖区鹏程电子科技有限公司党支部", "两新组织党委", "降星",
                    "东门商圈党总支第二支部", "DM-Z1-002", "未评星", "不变",
                    "第 1 页，共 1 页"));
            assertThat(page).doesNotContain(squeezed("!notice", "!org", "!star"));
            assertEquals("2026年度质量党建星级评定结果公示", reader.getDocumentInformation().getTitle());
        }
        // the font is named, not embedded: STSong-Light with Unicode codes, which every reader supplies
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/STSong-Light", "/UniGB-UCS2-H").doesNotContain("/FontFile");
    }

    @Test
    void englishLabelsAroundTheChineseNames() throws IOException {
        byte[] pdf = write(Stream.of(NoticeExportFixtures.up()), ENGLISH);

        try (PDDocument reader = Loader.loadPDF(pdf)) {
            assertThat(text(reader, 1)).contains(squeezed("Public notice of the results: 2026年度质量党建星级评定",
                    "Notice period: 2026-07-01 to 2026-07-07", "Organisation", "Party committee", "Star awarded",
                    "翠竹社区党委", "Community", "Two stars", "Three stars", "Up", "Page 1 of 1"));
        }
    }

    @Test
    void theHeaderRowAndPageNumbersAreOnEveryPage() throws IOException {
        byte[] pdf = write(NoticeExportFixtures.many(150), CHINESE);

        try (PDDocument reader = Loader.loadPDF(pdf)) {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            for (int page = 1; page <= pages; page++) {
                assertThat(text(reader, page)).as("page %d", page)
                        .contains(squeezed("组织名称", "所属党（工）委", "第 " + page + " 页，共 " + pages + " 页"));
            }
            assertThat(text(reader, 1)).contains(squeezed("2026年度质量党建星级评定结果公示", "罗湖区第1党支部委员会"));
            assertThat(text(reader, 2)).doesNotContain(squeezed("结果公示"));
            assertThat(text(reader, pages)).contains(squeezed("罗湖区第150党支部委员会", "ORG00150"));
        }
    }

    @Test
    void twentyThousandRowsLeavingTheOutputOpen() throws IOException {
        NoticeExportFixtures.ClosingWatcher out = new NoticeExportFixtures.ClosingWatcher();
        long started = System.nanoTime();
        try (Stream<NoticeRow> rows = NoticeExportFixtures.many(20_000)) {
            NoticePdf.write(BATCH, rows, CHINESE, out);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertFalse(out.closed, "the caller's stream stays open");
        try (PDDocument reader = Loader.loadPDF(out.toByteArray())) {
            int pages = reader.getNumberOfPages();
            System.out.printf("NoticePdf: 20,000 rows written in %d ms, %d pages, %,d bytes%n", millis, pages, out.size());
            assertThat(pages).isGreaterThan(20_000 / 60);
            assertThat(text(reader, 1)).contains(squeezed("2026年度质量党建星级评定结果公示", "罗湖区第1党支部委员会"));
            assertThat(text(reader, pages / 2)).contains(squeezed("组织名称", "第 " + pages / 2 + " 页，共 " + pages + " 页"));
            assertThat(text(reader, pages))
                    .contains(squeezed("ORG20000", "罗湖区第20000党支部委员会", "第 " + pages + " 页，共 " + pages + " 页"));
        }
    }

    @Test
    void namesTheFile() {
        assertEquals("2026年度星级评定公示名单.pdf", NoticePdf.fileName(BATCH, CHINESE));
        assertEquals("Public notice of star ratings 2026.pdf", NoticePdf.fileName(BATCH, ENGLISH));
    }

    @Test
    void readsRowsFromAnIterator() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticePdf.write(BATCH, List.of(NoticeExportFixtures.down()).iterator(), CHINESE, out);

        try (PDDocument reader = Loader.loadPDF(out.toByteArray())) {
            assertThat(text(reader, 1)).contains(squeezed("深圳市罗湖区鹏程电子科技有限公司党支部", "LX003"));
        }
    }

    private static byte[] write(Stream<NoticeRow> rows, BiFunction<String, Object[], String> texts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticePdf.write(BATCH, rows, texts, out);
        return out.toByteArray();
    }

    /**
     * The text of one page as PDFBox reads it (another implementation than the one that wrote it), without
     * any white space, so that a name or label wrapped inside its cell reads as one: compare it with
     * {@link #squeezed}.
     */
    private static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return squeezed(stripper.getText(pdf));
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s", "");
    }

    private static String[] squeezed(String... texts) {
        return Stream.of(texts).map(NoticePdfTest::squeezed).toArray(String[]::new);
    }
}

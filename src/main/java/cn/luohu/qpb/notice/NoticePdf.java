package cn.luohu.qpb.notice;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The public notice list (公示名单) of a batch as a PDF: A4, the title and the notice period as in
 * {@link NoticeWorkbook}, then one table whose header row is repeated on every page, and 第 N 页，共 M 页
 * at the foot of each page. Every text comes from the caller's translator.
 *
 * <p>Chinese: Chinese characters are set in STSong-Light (华文宋体), one of the Adobe CJK fonts that PDF
 * readers supply themselves; its metrics and the UniGB-UCS2-H CMap come inside the OpenPDF jar, so writing
 * needs no font on the server, and the file names the font instead of embedding it (kilobytes per file
 * rather than megabytes). Readers draw it with their own Song or Hei face (SimSun on Windows, Songti on
 * macOS, Noto CJK on Linux). Latin letters and digits (codes, dates, the English labels) are set in
 * Helvetica, the standard PDF font, whose shapes fit its metrics in every reader.
 *
 * <p>Memory stays flat with the number of rows: the table is declared incomplete and handed to the
 * document every {@value #FLUSH_ROWS} rows, which lays those rows out onto pages and lets them go.
 * Pure: no Spring, no SQL, no UI.
 */
public final class NoticePdf {

    public static final String CONTENT_TYPE = "application/pdf";
    public static final String EXTENSION = ".pdf";

    static final String FONT_NAME = "STSong-Light";
    static final String FONT_ENCODING = "UniGB-UCS2-H";

    /** Rows laid out together; the table holds no more than these at a time. */
    static final int FLUSH_ROWS = 200;

    /** Relative column widths (序号, 编码, 名称, 党委, 类别, 原星级, 评定星级, 变化) on a portrait A4 page. */
    private static final float[] WIDTHS = {5, 10, 27, 17, 16, 8.5f, 8.5f, 8};
    private static final Color HEADER_BACKGROUND = new Color(0xE6, 0xE6, 0xE6);
    /** Stands for the page count, which is only known at the end, while the footer's text is formatted. */
    private static final String TOTAL_MARK = "\uE000";

    private NoticePdf() {
    }

    /** The download's file name, e.g. 2026年度星级评定公示名单.pdf. */
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
        Fonts fonts = new Fonts();
        FontSelector titleFont = fonts.selector(16, Font.BOLD);
        FontSelector periodFont = fonts.selector(10, Font.NORMAL);
        FontSelector headerFont = fonts.selector(9, Font.BOLD);
        FontSelector cellFont = fonts.selector(9, Font.NORMAL);

        Document document = new Document(PageSize.A4, 36, 36, 40, 48);
        boolean written = false;
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new PageNumbers(texts, fonts));
            String title = texts.title(batch);
            document.addTitle(title);
            document.addCreator("QPB Portal");
            document.open();

            Paragraph heading = new Paragraph(titleFont.process(title));
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(6);
            document.add(heading);
            String periodText = texts.period(batch);
            if (!periodText.isEmpty()) {
                Paragraph period = new Paragraph(periodFont.process(periodText));
                period.setAlignment(Element.ALIGN_CENTER);
                period.setSpacingAfter(10);
                document.add(period);
            }

            PdfPTable table = new PdfPTable(WIDTHS);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setComplete(false);
            for (String header : texts.headers()) {
                PdfPCell cell = cell(header, headerFont, Element.ALIGN_CENTER);
                cell.setBackgroundColor(HEADER_BACKGROUND);
                table.addCell(cell);
            }
            int number = 0;
            while (rows.hasNext()) {
                NoticeRow row = rows.next();
                table.addCell(cell(String.valueOf(++number), cellFont, Element.ALIGN_CENTER));
                table.addCell(cell(row.organizationCode(), cellFont, Element.ALIGN_LEFT));
                table.addCell(cell(row.organizationName(), cellFont, Element.ALIGN_LEFT));
                table.addCell(cell(row.committeeName(), cellFont, Element.ALIGN_LEFT));
                table.addCell(cell(texts.category(row.category()), cellFont, Element.ALIGN_LEFT));
                table.addCell(cell(texts.star(row.oldStar()), cellFont, Element.ALIGN_CENTER));
                table.addCell(cell(texts.star(row.newStar()), cellFont, Element.ALIGN_CENTER));
                table.addCell(cell(texts.change(row), cellFont, Element.ALIGN_CENTER));
                if (number % FLUSH_ROWS == 0) {
                    document.add(table); // lays these rows out and drops them; the header row stays
                }
            }
            table.setComplete(true);
            document.add(table);
            written = true;
        } catch (DocumentException e) {
            throw new IOException("The notice list could not be written as PDF", e);
        } finally {
            close(document, written);
        }
    }

    /** Closes the document; after a failure, a failure to close must not hide the first one. */
    private static void close(Document document, boolean written) {
        if (!document.isOpen()) {
            return;
        }
        try {
            document.close();
        } catch (RuntimeException e) {
            if (written) {
                throw e;
            }
        }
    }

    /** Helvetica for Latin text and STSong-Light (Unicode codes) for Chinese, both named rather than embedded. */
    private static final class Fonts {
        private final BaseFont latin;
        private final BaseFont chinese;

        Fonts() throws IOException {
            try {
                latin = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
                chinese = BaseFont.createFont(FONT_NAME, FONT_ENCODING, BaseFont.NOT_EMBEDDED);
            } catch (DocumentException e) {
                throw new IOException("The PDF fonts could not be loaded", e);
            }
        }

        /** The width of a space, which a laid-out line does not count at its end. */
        float spaceWidth(float size) {
            return latin.getWidthPoint(' ', size);
        }

        /** Sets each character in the first of the two fonts that has it. */
        FontSelector selector(float size, int style) {
            FontSelector selector = new FontSelector();
            selector.addFont(new Font(latin, size, style));
            selector.addFont(new Font(chinese, size, style));
            return selector;
        }
    }

    private static PdfPCell cell(String text, FontSelector font, int alignment) {
        PdfPCell cell = new PdfPCell(font.process(text == null ? "" : text));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setUseAscender(true);
        cell.setPaddingTop(2);
        cell.setPaddingBottom(4);
        cell.setBorderWidth(0.5f);
        return cell;
    }

    /**
     * 第 N 页，共 M 页 at the foot of every page. M is only known when the document closes, so each page
     * shows one shared template in its place (with the words after it), filled in at the end.
     */
    private static final class PageNumbers extends PdfPageEventHelper {
        static final float SIZE = 9;
        /** The page count's width while centring the footer (its real digits are drawn later). */
        private static final String COUNT_ESTIMATE = "000";
        private final NoticeExportTexts texts;
        private final FontSelector font;
        private final float spaceWidth;
        private PdfTemplate total;
        private String afterTotal = "";

        PageNumbers(NoticeExportTexts texts, Fonts fonts) {
            this.texts = texts;
            this.font = fonts.selector(SIZE, Font.NORMAL);
            this.spaceWidth = fonts.spaceWidth(SIZE);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String[] parts = texts.text("notice.export.page", String.valueOf(writer.getPageNumber()), TOTAL_MARK)
                    .split(TOTAL_MARK, 2);
            Phrase before = font.process(parts[0]);
            if (total == null) {
                afterTotal = parts.length > 1 ? parts[1] : "";
                total = writer.getDirectContent().createTemplate(
                        ColumnText.getWidth(font.process("000000" + afterTotal)), SIZE * 2);
            }
            String trimmed = parts[0].stripTrailing();
            float beforeWidth = ColumnText.getWidth(before) + (parts[0].length() - trimmed.length()) * spaceWidth;
            float width = beforeWidth + ColumnText.getWidth(font.process(COUNT_ESTIMATE + afterTotal));
            float x = (document.left() + document.right() - width) / 2;
            float y = document.bottom() - 24;
            PdfContentByte canvas = writer.getDirectContent();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, before, x, y, 0);
            canvas.addTemplate(total, x + beforeWidth, y - SIZE / 2);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            if (total != null) {
                Phrase count = font.process((writer.getPageNumber() - 1) + afterTotal);
                ColumnText.showTextAligned(total, Element.ALIGN_LEFT, count, 0, SIZE / 2, 0);
            }
        }
    }
}

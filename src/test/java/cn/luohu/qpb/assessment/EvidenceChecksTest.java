package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.PortalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of evidence files: names, types by content, limits. */
class EvidenceChecksTest {

    private static final long LIMIT = 1024;
    private static final long TWENTY_MB = 20L * 1024 * 1024;

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "会议记录.pdf                 => 会议记录.pdf",
            "../../etc/passwd.pdf         => passwd.pdf",
            "..\\..\\x.pdf                => x.pdf",
            "C:\\evil\\a.pdf              => a.pdf",
            "/var/www/html/shell.pdf      => shell.pdf",
            ".hidden.png                  => hidden.png",
            "...pdf                       => file.pdf",
            ".pdf                         => file.pdf",
            "..                           => file",
            "'   '                        => file",
            "a<b>c:d\"e|f?g*h.docx        => a_b_c_d_e_f_g_h.docx",
            "名单 . .xlsx                 => 名单.xlsx",
            "CON.pdf                      => _CON.pdf",
            "照片 2026.JPG                => 照片 2026.JPG",
    })
    void fileNamesAreSanitised(String raw, String clean) {
        assertEquals(clean, EvidenceChecks.sanitizeFileName(raw));
    }

    @Test
    void controlAndInvisibleCharactersAreRemoved() {
        assertEquals("ab.pdf", EvidenceChecks.sanitizeFileName("a\u0000\u0007b\r\n.pdf"));
        // the right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
        assertEquals("invoicefdp.exe", EvidenceChecks.sanitizeFileName("invoice\u202Efdp.exe"));
        assertEquals("a b.pdf", EvidenceChecks.sanitizeFileName("a\u200B\tb.pdf"));
        assertEquals("file", EvidenceChecks.sanitizeFileName(null));
    }

    @Test
    void longNamesKeepTheirExtensionAndWholeCharacters() {
        String chinese = "党".repeat(300) + ".docx";
        String clean = EvidenceChecks.sanitizeFileName(chinese);
        assertEquals(255, clean.codePointCount(0, clean.length()));
        assertTrue(clean.endsWith("党.docx"));
        String emoji = "😀".repeat(300) + ".png"; // characters outside the BMP are never cut in half
        String cleanEmoji = EvidenceChecks.sanitizeFileName(emoji);
        assertEquals(255, cleanEmoji.codePointCount(0, cleanEmoji.length()));
        assertTrue(cleanEmoji.endsWith("😀.png"));
    }

    @Test
    void eachAcceptedTypeIsRecognisedByItsContent() {
        assertEquals(Set.of(EvidenceType.PDF), EvidenceChecks.detect(EvidenceSamples.pdf()));
        assertEquals(Set.of(EvidenceType.PNG), EvidenceChecks.detect(EvidenceSamples.png()));
        assertEquals(Set.of(EvidenceType.JPEG), EvidenceChecks.detect(EvidenceSamples.jpeg()));
        assertEquals(Set.of(EvidenceType.DOCX), EvidenceChecks.detect(EvidenceSamples.docx()));
        assertEquals(Set.of(EvidenceType.XLSX), EvidenceChecks.detect(EvidenceSamples.xlsx()));
        assertEquals(Set.of(), EvidenceChecks.detect(EvidenceSamples.exe()));
        assertEquals(Set.of(), EvidenceChecks.detect("%PD".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Set.of(), EvidenceChecks.detect(EvidenceSamples.zip("a.txt", "word/document.xml")),
                "a ZIP is a Word file only with its content types part");
        assertEquals(Set.of(), EvidenceChecks.detect(EvidenceSamples.zip("evil.exe")));
    }

    @Test
    void theTypeMustAgreeWithTheExtension() {
        assertEquals(EvidenceType.JPEG, EvidenceChecks.check("a.JPEG", EvidenceSamples.jpeg(), 100_000));
        assertEquals(EvidenceType.JPEG, EvidenceChecks.check("a.jpg", EvidenceSamples.jpeg(), 100_000));
        PortalException png = refusal("照片.pdf", EvidenceSamples.png());
        assertEquals("evidence.error.mismatch", png.messageKey());
        assertEquals(List.of("照片.pdf", new PortalException.Key("evidence.type.PNG"), ".pdf"), List.of(png.arguments()));
        assertEquals("evidence.error.unrecognised", refusal("setup.pdf", EvidenceSamples.exe()).messageKey());
        assertEquals("evidence.error.unrecognised", refusal("setup.docx", EvidenceSamples.exe()).messageKey());
        assertEquals("evidence.error.mismatch", refusal("表.docx", EvidenceSamples.xlsx()).messageKey());
        assertEquals("evidence.error.extension", refusal("setup.exe", EvidenceSamples.exe()).messageKey());
        assertEquals("evidence.error.extension", refusal("README", EvidenceSamples.pdf()).messageKey());
        byte[] oldWord = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertEquals("evidence.error.old-office", refusal("旧.docx", oldWord).messageKey());
    }

    @Test
    void emptyAndOversizedFilesAreRefusedAtTheLimit() {
        assertEquals("evidence.error.empty", refusal("a.pdf", new byte[0]).messageKey());
        assertEquals(EvidenceType.PDF, EvidenceChecks.check("a.pdf", EvidenceSamples.pdfOfSize((int) LIMIT), LIMIT));
        PortalException tooLarge = assertThrows(PortalException.class,
                () -> EvidenceChecks.check("a.pdf", EvidenceSamples.pdfOfSize((int) LIMIT + 1), LIMIT));
        assertEquals("evidence.error.too-large", tooLarge.messageKey());
        assertEquals("20", EvidenceChecks.megabytes(20L * 1024 * 1024));
        assertEquals("0.5", EvidenceChecks.megabytes(512 * 1024));
    }

    @Test
    void aZipBombIsJudgedByItsDirectoryWithoutInflatingIt() throws Exception {
        // 100 MB of zeros compress to about 100 KB; only the entry names are ever read
        var out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        long started = System.nanoTime();
        assertEquals(Set.of(EvidenceType.DOCX), EvidenceChecks.detect(out.toByteArray()));
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "no inflating");
    }

    /** A .docx whose document.xml is this many MiB of zeros, compressed as far as ZIP goes. */
    private static byte[] docxOfZeros(int mebibytes) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < mebibytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Issue 11, item 6: about 520 KB that unpack to 512 MiB, refused by the sizes its directory declares. */
    @Test
    void aZipBombIsRefusedByItsDeclaredSizes() throws Exception {
        byte[] bomb = docxOfZeros(512);
        assertTrue(bomb.length < 600 * 1024, "a small file: " + bomb.length);
        long started = System.nanoTime();
        assertEquals("evidence.error.unpacks-too-large", assertThrows(PortalException.class,
                () -> EvidenceChecks.check("报告.docx", bomb, TWENTY_MB)).messageKey());
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "no inflating");
        // far below the total limit, but one entry unpacks to a thousand times its packed size
        byte[] oneLargeEntry = docxOfZeros(20);
        assertEquals("evidence.error.unpacks-too-large", assertThrows(PortalException.class,
                () -> EvidenceChecks.check("报告.docx", oneLargeEntry, TWENTY_MB)).messageKey());
        assertEquals(EvidenceType.DOCX, EvidenceChecks.check("总结.docx", EvidenceSamples.docx(), TWENTY_MB));
        assertEquals(EvidenceType.XLSX, EvidenceChecks.check("台账.xlsx", EvidenceSamples.xlsx(), TWENTY_MB));
    }

    @Test
    void aDamagedZipHasNoEntries() {
        byte[] docx = EvidenceSamples.docx();
        assertTrue(ZipDirectory.entryNames(docx).orElseThrow().contains("word/document.xml"));
        byte[] truncated = Arrays.copyOf(docx, docx.length - 10);
        assertTrue(ZipDirectory.entryNames(truncated).isEmpty());
        byte[] badOffset = docx.clone();
        int end = docx.length - 22;
        badOffset[end + 16] = (byte) 0xFF; // the directory would start beyond the file
        badOffset[end + 19] = (byte) 0x7F;
        assertTrue(ZipDirectory.entryNames(badOffset).isEmpty());
        assertEquals(Set.of(), EvidenceChecks.detect(truncated));
        assertTrue(ZipDirectory.entryNames(new byte[]{'P', 'K', 3, 4}).isEmpty());
    }

    @Test
    void theHashIsTheSha256OfTheBytes() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", EvidenceChecks.sha256(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                EvidenceChecks.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void everyTypeHasItsExtensionsAndAContentType() {
        assertEquals(List.of(".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx"), EvidenceType.acceptedExtensions());
        for (EvidenceType type : EvidenceType.values()) {
            assertEquals(type, EvidenceType.ofContentType(type.contentType()).orElseThrow());
        }
        assertArrayEquals(new Object[]{EvidenceType.PNG}, EvidenceType.ofExtension("PNG").stream().toArray());
    }

    private static PortalException refusal(String name, byte[] content) {
        return assertThrows(PortalException.class, () -> EvidenceChecks.check(name, content, 1024 * 1024));
    }
}

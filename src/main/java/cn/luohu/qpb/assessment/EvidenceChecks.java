package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.PortalException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules an evidence file must pass before it is stored, with no Spring and no SQL: a clean file name,
 * not empty, not over the size limit, an accepted extension, and content that really is what the
 * extension says (recognised by its first bytes, and for Word and Excel files by the names in the ZIP's
 * central directory). The browser's own claim about the type is never asked.
 */
final class EvidenceChecks {

    static final int MAX_NAME_LENGTH = 255;
    static final String FALLBACK_BASE_NAME = "file";
    private static final int MAX_EXTENSION_LENGTH = 10;
    private static final String RESERVED = "<>:\"/\\|?*";
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    /** Word 97-2003 and Excel 97-2003 files, and password-protected Office files (OLE2 compound documents). */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final String CONTENT_TYPES = "[Content_Types].xml";

    private EvidenceChecks() {
    }

    /**
     * A file name safe to store and to offer for download: no folders (neither / nor \), no control or
     * invisible formatting characters (such as the right-to-left override that disguises "exe" as "pdf"),
     * no characters Windows reserves, no leading dots, at most {@value #MAX_NAME_LENGTH} characters with the
     * extension kept, never empty. Chinese and other letters stay as they are.
     */
    static String sanitizeFileName(String raw) {
        String name = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (RESERVED.indexOf(c) >= 0) {
                clean.append('_');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' ');
            } else if (!invisible(c)) {
                clean.appendCodePoint(c);
            }
        });
        name = SPACES.matcher(clean).replaceAll(" ").strip();

        String extension = "";
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && dot < name.length() - 1 && name.length() - dot - 1 <= MAX_EXTENSION_LENGTH
                && name.substring(dot + 1).chars().allMatch(Character::isLetterOrDigit)) {
            extension = name.substring(dot + 1);
            name = name.substring(0, dot);
        }
        String base = trimDotsAndSpaces(name);
        if (base.isEmpty()) {
            base = FALLBACK_BASE_NAME;
        } else if (WINDOWS_DEVICE.matcher(base).matches()) {
            base = "_" + base;
        }
        String suffix = extension.isEmpty() ? "" : "." + extension;
        int room = MAX_NAME_LENGTH - suffix.length();
        if (base.codePointCount(0, base.length()) > room) {
            base = trimDotsAndSpaces(base.substring(0, base.offsetByCodePoints(0, room)));
            if (base.isEmpty()) {
                base = FALLBACK_BASE_NAME;
            }
        }
        return base + suffix;
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    private static String trimDotsAndSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '.' || text.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The extension of a (sanitised) file name without its dot, or "" when it has none. */
    static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1);
    }

    /** What the content is, judged by its bytes alone: empty when it is none of the accepted types. */
    static Set<EvidenceType> detect(byte[] content) {
        Set<EvidenceType> types = EnumSet.noneOf(EvidenceType.class);
        if (startsWith(content, PDF)) {
            types.add(EvidenceType.PDF);
        } else if (startsWith(content, JPEG)) {
            types.add(EvidenceType.JPEG);
        } else if (startsWith(content, PNG)) {
            types.add(EvidenceType.PNG);
        } else if (startsWith(content, ZIP)) {
            List<String> names = ZipDirectory.entryNames(content).orElse(List.of());
            if (names.contains(CONTENT_TYPES) && names.contains("word/document.xml")) {
                types.add(EvidenceType.DOCX);
            }
            if (names.contains(CONTENT_TYPES) && names.contains("xl/workbook.xml")) {
                types.add(EvidenceType.XLSX);
            }
        }
        return types;
    }

    /**
     * The type of an evidence file whose name has already been sanitised, or the refusal to show: the
     * first rule it breaks, in the order a person would fix them.
     */
    static EvidenceType check(String fileName, byte[] content, long maxBytes) {
        if (content.length == 0) {
            throw new PortalException("evidence.error.empty", fileName);
        }
        if (content.length > maxBytes) {
            throw new PortalException("evidence.error.too-large", fileName, megabytes(maxBytes));
        }
        String extension = extensionOf(fileName);
        EvidenceType named = EvidenceType.ofExtension(extension)
                .orElseThrow(() -> new PortalException("evidence.error.extension", fileName));
        Set<EvidenceType> actual = detect(content);
        if (actual.contains(named)) {
            if (startsWith(content, ZIP) && ZipDirectory.declaresTooMuch(ZipDirectory.entries(content).orElseThrow())) {
                throw new PortalException("evidence.error.unpacks-too-large", fileName);
            }
            return named;
        }
        if (actual.isEmpty()) {
            throw new PortalException(startsWith(content, OLE2) ? "evidence.error.old-office" : "evidence.error.unrecognised",
                    fileName);
        }
        throw new PortalException("evidence.error.mismatch", fileName,
                new PortalException.Key("evidence.type." + actual.iterator().next().name()),
                "." + extension.toLowerCase(Locale.ROOT));
    }

    /** A byte count in megabytes for messages: "20", "0.5", "1.25". */
    static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024L), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

package cn.luohu.qpb.assessment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of evidence file the portal accepts, each with the content type it is stored and served as
 * (always the detected one, never what the browser claimed) and the file-name extensions it may carry.
 */
public enum EvidenceType {
    PDF("application/pdf", false, "pdf"),
    JPEG("image/jpeg", true, "jpg", "jpeg"),
    PNG("image/png", true, "png"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false, "xlsx");

    private final String contentType;
    private final boolean viewableInBrowser;
    private final List<String> extensions;

    EvidenceType(String contentType, boolean viewableInBrowser, String... extensions) {
        this.contentType = contentType;
        this.viewableInBrowser = viewableInBrowser;
        this.extensions = List.of(extensions);
    }

    public String contentType() {
        return contentType;
    }

    /**
     * Images open in a browser tab; everything else is downloaded. A PDF too: it may carry scripts and
     * actions (/OpenAction, /JavaScript) that a browser's viewer would run on the portal's own address.
     */
    public boolean viewableInBrowser() {
        return viewableInBrowser;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The type a file name's extension announces (case-insensitive), if it is an accepted one. */
    public static Optional<EvidenceType> ofExtension(String extension) {
        String wanted = extension.toLowerCase(Locale.ROOT);
        for (EvidenceType type : values()) {
            if (type.extensions.contains(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<EvidenceType> ofContentType(String contentType) {
        for (EvidenceType type : values()) {
            if (type.contentType.equals(contentType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Every accepted extension with its dot, e.g. for an upload field's accepted types. */
    public static List<String> acceptedExtensions() {
        return java.util.Arrays.stream(values()).flatMap(t -> t.extensions.stream()).map(e -> "." + e).toList();
    }
}

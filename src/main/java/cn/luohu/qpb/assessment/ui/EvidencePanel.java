package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.EvidenceContent;
import cn.luohu.qpb.assessment.EvidenceFile;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.assessment.EvidenceType;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.BoundedUploadHandler;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import com.vaadin.flow.shared.Registration;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The evidence files of one indicator of a self-assessment, to embed under the indicator: each file with
 * its size, when and by whom it was uploaded, as a link (images and PDFs open in a new tab, Office files
 * download). When editable, an upload field for several files and a delete button per file (after a
 * confirmation); refusals are shown next to the upload in the user's language.
 * <p>
 * The browser's type and size limits are a courtesy: {@link EvidenceService} checks every file again.
 * Stable ids carry the item id ({@code evidence-upload-<itemId>}) or the file id
 * ({@code evidence-download-<fileId>}), so several panels can live on one page.
 */
public class EvidencePanel extends VerticalLayout {

    private static final DateTimeFormatter UPLOADED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final long KB = 1024;
    private static final long MB = 1024 * 1024;

    private final transient EvidenceService evidence;
    private final transient DisplayZone zone;
    private final long itemId;
    private final boolean editable;
    private final Div files = new Div();
    private final Div refusals = new Div();
    private final List<SerializableConsumer<List<EvidenceFile>>> changeListeners = new ArrayList<>();
    private Upload upload;
    private boolean batchOver = true;

    /** The files of one item; {@code editable} offers upload and delete (the service checks again). */
    public EvidencePanel(EvidenceService evidence, DisplayZone zone, long itemId, boolean editable) {
        this(evidence, zone, itemId, editable, evidence.list(itemId));
    }

    /**
     * The files of one item, starting with {@code current}: a form of 60 items reads all its files in one
     * query ({@link EvidenceService#listForAssessment}) instead of one per panel.
     */
    public EvidencePanel(EvidenceService evidence, DisplayZone zone, long itemId, boolean editable, List<EvidenceFile> current) {
        this.evidence = evidence;
        this.zone = zone;
        this.itemId = itemId;
        this.editable = editable;
        setId("evidence-" + itemId);
        addClassName("qpb-evidence");
        setPadding(false);
        setSpacing(false);

        files.setId("evidence-files-" + itemId);
        add(files);
        if (editable) {
            add(createUpload());
            Span hint = new Span(getTranslation("evidence.upload.hint", maxMegabytes()));
            hint.setId("evidence-hint-" + itemId);
            hint.addClassName("qpb-hint");
            refusals.setId("evidence-refusal-" + itemId);
            refusals.addClassName("qpb-errors");
            refusals.setVisible(false);
            add(hint, refusals);
        }
        show(current);
    }

    public long itemId() {
        return itemId;
    }

    public boolean isEditable() {
        return editable;
    }

    /** Told the item's files after every upload and delete, e.g. to update "required evidence missing". */
    public Registration addFilesChangedListener(SerializableConsumer<List<EvidenceFile>> listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    /** Reads the item's files again and shows them. */
    public List<EvidenceFile> refresh() {
        return show(evidence.list(itemId));
    }

    private List<EvidenceFile> show(List<EvidenceFile> current) {
        files.removeAll();
        if (current.isEmpty()) {
            Span empty = new Span(getTranslation("evidence.empty"));
            empty.setId("evidence-empty-" + itemId);
            empty.addClassName("qpb-hint");
            files.add(empty);
        }
        current.forEach(file -> files.add(row(file)));
        return current;
    }

    private Upload createUpload() {
        long maxBytes = evidence.maxBytes();
        upload = new Upload(new BoundedUploadHandler(maxBytes, this::uploaded));
        upload.setId("evidence-upload-" + itemId);
        upload.setMaxFileSize((int) maxBytes);
        upload.setAcceptedFileTypes(Stream.concat(EvidenceType.acceptedExtensions().stream(),
                Stream.of(EvidenceType.values()).map(EvidenceType::contentType)).toArray(String[]::new));
        upload.setDropLabel(new Span(getTranslation("evidence.upload.drop")));
        upload.setUploadButton(new Button(getTranslation("evidence.upload.button"), VaadinIcon.UPLOAD.create()));
        upload.addFileRejectedListener(event -> showRefusal(getTranslation("evidence.upload.rejected",
                event.getFileName(), maxMegabytes())));
        upload.addFailedListener(event -> showRefusal(getTranslation("evidence.upload.failed",
                event.getFileName(), maxMegabytes())));
        upload.addAllFinishedListener(event -> {
            upload.clearFileList(); // what arrived is in the list above, what did not is explained below
            batchOver = true;
        });
        return upload;
    }

    /** One file has arrived (called in the UI's lock); the refusals of the previous batch are cleared first. */
    private void uploaded(UploadMetadata metadata, byte[] content) {
        if (batchOver) {
            refusals.removeAll();
            refusals.setVisible(false);
            batchOver = false;
        }
        try {
            evidence.upload(itemId, metadata.fileName(), content);
        } catch (PortalException refusal) {
            showRefusal(PortalErrorHandler.translate(this, refusal));
            return;
        }
        changed();
    }

    private HorizontalLayout row(EvidenceFile file) {
        Anchor link = file.type().viewableInBrowser()
                ? new Anchor(download(file), AttachmentType.INLINE, file.fileName())
                : new Anchor(download(file), AttachmentType.DOWNLOAD, file.fileName());
        link.setId("evidence-download-" + file.id());
        if (file.type().viewableInBrowser()) {
            link.setTarget(AnchorTarget.BLANK);
        }
        link.setTitle(getTranslation(file.type().viewableInBrowser() ? "evidence.file.open" : "evidence.file.download"));
        link.addComponentAsFirst(icon(file.type()).create());

        Span meta = new Span(getTranslation("evidence.file.meta", size(file.sizeBytes()),
                zone.fromUtc(file.uploadedAt()).format(UPLOADED_AT), file.uploadedBy()));
        meta.addClassName("qpb-hint");

        HorizontalLayout row = new HorizontalLayout(link, meta);
        row.setId("evidence-file-" + file.id());
        row.addClassName("qpb-evidence-file"); // wraps as a whole in a narrow column (see portal.css)
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setSpacing(true);
        if (editable) {
            Button delete = new Button(VaadinIcon.TRASH.create(), click -> confirmDelete(file));
            delete.setId("evidence-delete-" + file.id());
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_ICON);
            delete.setAriaLabel(getTranslation("evidence.delete") + " " + file.fileName());
            delete.setTooltipText(getTranslation("evidence.delete"));
            row.add(delete);
        }
        return row;
    }

    private static VaadinIcon icon(EvidenceType type) {
        return switch (type) {
            case PDF, DOCX, XLSX -> VaadinIcon.FILE_TEXT_O;
            case JPEG, PNG -> VaadinIcon.FILE_PICTURE;
        };
    }

    /** Sends the bytes, asking the service again: a link kept from before a logout or a move opens nothing. */
    private DownloadHandler download(EvidenceFile file) {
        long fileId = file.id();
        return event -> {
            EvidenceContent content;
            try {
                content = evidence.download(fileId);
            } catch (PortalException | AccessDeniedException refused) {
                event.getResponse().setStatus(404);
                return;
            }
            if (content.type().viewableInBrowser()) {
                event.inline(content.fileName());
            } else {
                event.setFileName(content.fileName());
            }
            event.setContentType(content.contentType());
            event.setContentLength(content.content().length);
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.getResponse().setHeader("Content-Security-Policy", "sandbox"); // an opened image runs nothing
            event.getResponse().setHeader("Cache-Control", "private, no-store");
            event.getOutputStream().write(content.content());
        };
    }

    private void confirmDelete(EvidenceFile file) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("evidence-delete-dialog-" + file.id());
        dialog.setHeader(getTranslation("evidence.delete.title"));
        dialog.setText(getTranslation("evidence.delete.text", file.fileName()));
        dialog.setConfirmText(getTranslation("evidence.delete.ok"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("evidence.delete.cancel"));
        dialog.addConfirmListener(event -> delete(file));
        dialog.open();
    }

    private void delete(EvidenceFile file) {
        try {
            evidence.delete(file.id());
        } catch (PortalException refusal) {
            showRefusal(PortalErrorHandler.translate(this, refusal));
            refresh();
            return;
        }
        Notification.show(getTranslation("evidence.deleted", file.fileName()), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        changed();
    }

    private void changed() {
        List<EvidenceFile> current = refresh();
        List.copyOf(changeListeners).forEach(listener -> listener.accept(current));
    }

    private void showRefusal(String message) {
        refusals.add(new Paragraph(message));
        refusals.setVisible(true);
    }

    private String maxMegabytes() {
        return decimal(evidence.maxBytes(), MB);
    }

    private String size(long bytes) {
        if (bytes < KB) {
            return getTranslation("evidence.size.b", String.valueOf(bytes));
        }
        if (bytes < MB) {
            return getTranslation("evidence.size.kb", decimal(bytes, KB));
        }
        return getTranslation("evidence.size.mb", decimal(bytes, MB));
    }

    private static String decimal(long bytes, long unit) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}

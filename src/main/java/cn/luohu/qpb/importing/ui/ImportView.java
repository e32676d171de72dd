package cn.luohu.qpb.importing.ui;

import cn.luohu.qpb.base.BackgroundJobs;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.BoundedUploadHandler;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.importing.ImportColumn;
import cn.luohu.qpb.importing.ImportKind;
import cn.luohu.qpb.importing.ImportPhase;
import cn.luohu.qpb.importing.ImportPreview;
import cn.luohu.qpb.importing.ImportProgress;
import cn.luohu.qpb.importing.ImportResult;
import cn.luohu.qpb.importing.ImportService;
import cn.luohu.qpb.importing.PreviewRow;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.annotation.security.RolesAllowed;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Bulk import for administrators: pick what to import, download the template, upload a file, read the
 * dry run (every row with its problems, nothing written), then import all rows or none. Reading, checking
 * and importing run in the background with a progress bar (the page polls while they run); the controls
 * are disabled meanwhile, so a double click cannot start a second import.
 */
@Route(ImportView.ROUTE)
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.import", order = 30, icon = "vaadin:upload")
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "admin/import";
    private static final int POLL_MILLIS = 500;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final transient ImportService imports;
    private final transient BackgroundJobs jobs;
    private final RadioButtonGroup<ImportKind> kind = new RadioButtonGroup<>();
    private volatile ImportKind templateKind = ImportKind.ORGANIZATIONS;
    private final Anchor template;
    private final Upload upload;
    private final ProgressBar progressBar = new ProgressBar();
    private final Span progressText = new Span();
    private final Div refusal = new Div();
    private final Div fileProblems = new Div();
    private final Div notes = new Div();
    private final Span summary = new Span();
    private final Checkbox errorsOnly = new Checkbox();
    private final Grid<PreviewRow> grid = new Grid<>();
    private final Button confirm = new Button();
    private final Button cancel = new Button();
    private transient ImportPreview preview;
    private transient CompletableFuture<?> task = CompletableFuture.completedFuture(null);

    public ImportView(ImportService imports, BackgroundJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
        addClassName("qpb-page");
        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.intro")));

        kind.setId("import-kind");
        kind.setLabel(getTranslation("import.kind.label"));
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("import.kind." + value.name()));
        kind.setValue(ImportKind.ORGANIZATIONS);
        kind.addValueChangeListener(event -> {
            templateKind = event.getValue();
            clearPreview();
        });

        template = new Anchor((DownloadHandler) this::downloadTemplate, getTranslation("import.template.download"));
        template.setId("import-template");
        template.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());

        upload = new Upload(new BoundedUploadHandler(ImportService.MAX_BYTES, this::uploaded));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ImportService.MAX_BYTES);
        upload.setAcceptedFileTypes(".xlsx", ".csv", XLSX, "text/csv");
        upload.setDropLabel(new Span(getTranslation("import.upload.drop")));
        upload.setUploadButton(new Button(getTranslation("import.upload.button")));
        upload.addFileRejectedListener(event -> showRefusal(getTranslation("import.upload.too-large",
                ImportService.MAX_BYTES / (1024 * 1024))));
        upload.addFailedListener(event -> showRefusal(getTranslation("import.upload.failed")));
        Span limits = new Span(getTranslation("import.upload.limits", ImportService.MAX_BYTES / (1024 * 1024),
                ImportService.MAX_ROWS));
        limits.addClassName("qpb-hint");

        progressBar.setId("import-progress");
        progressText.setId("import-progress-text");
        progressBar.setVisible(false);
        progressText.setVisible(false);
        refusal.setId("import-refusal");
        refusal.addClassName("qpb-import-refusal");
        refusal.setVisible(false);
        fileProblems.setId("import-file-problems");
        fileProblems.addClassName("qpb-import-refusal");
        notes.setId("import-notes");
        notes.addClassName("qpb-hint");
        summary.setId("import-summary");

        errorsOnly.setId("import-errors-only");
        errorsOnly.setLabel(getTranslation("import.filter.errors-only"));
        errorsOnly.addValueChangeListener(event -> applyFilter());

        grid.setId("import-preview");
        grid.addClassName("qpb-import-preview");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPartNameGenerator(row -> row.hasProblems() ? "import-error-row" : null);
        grid.setHeight("28rem");

        confirm.setId("import-confirm");
        confirm.setText(getTranslation("import.confirm.button"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> askToConfirm());
        cancel.setId("import-cancel");
        cancel.setText(getTranslation("import.cancel.button"));
        cancel.addClickListener(click -> clearPreview());

        HorizontalLayout top = new HorizontalLayout(kind, template);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(confirm, cancel);
        add(top, upload, limits, progressBar, progressText, refusal, summary, fileProblems, notes, errorsOnly, grid,
                actions);
        clearPreview();
    }

    /**
     * The running (or last) background task. It completes (never exceptionally) once its outcome has been
     * handed to {@link UI#access}, so a test can wait for it and then let the UI run the queued update.
     */
    CompletableFuture<?> task() {
        return task;
    }

    ImportPreview preview() {
        return preview;
    }

    private void downloadTemplate(DownloadEvent event) throws IOException {
        Locale locale = event.getUI() == null ? getLocale() : event.getUI().getLocale();
        ImportKind chosen = templateKind;
        byte[] file = imports.template(chosen, locale);
        event.setFileName(getTranslation(locale, "import.template.file." + chosen.name()));
        event.setContentType(XLSX);
        event.setContentLength(file.length);
        event.getOutputStream().write(file);
    }

    /** Called in the UI's lock once the whole file has arrived. */
    private void uploaded(UploadMetadata metadata, byte[] content) {
        upload.clearFileList();
        ImportKind chosen = kind.getValue();
        String fileName = metadata.fileName();
        run(progress -> imports.dryRun(chosen, fileName, content, progress), this::showPreview);
    }

    private void askToConfirm() {
        if (preview == null || !preview.importable()) {
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("import-confirm-dialog");
        dialog.setHeader(getTranslation("import.confirm.title"));
        dialog.setText(getTranslation("import.confirm.text", preview.fileName(), preview.rowCount(),
                getTranslation("import.kind." + preview.kind().name())));
        dialog.setConfirmText(getTranslation("import.confirm.ok"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("import.confirm.cancel"));
        dialog.addConfirmListener(event -> startImport());
        dialog.open();
    }

    private void startImport() {
        ImportPreview confirmed = preview;
        if (confirmed == null || !confirm.isEnabled()) {
            return;
        }
        run(progress -> imports.apply(confirmed, progress), this::imported);
    }

    private void imported(ImportResult result) {
        clearPreview();
        Notification.show(getTranslation("import.done", result.created()), 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        if (!result.passwords().isEmpty()) {
            new OneTimePasswordsDialog(imports, result).open();
        }
    }

    /**
     * Runs work in the background as the current user; progress and the outcome come back through
     * {@link UI#access}, while the page polls. The controls stay disabled until it is over.
     */
    private <T> void run(java.util.function.Function<ImportProgress, T> work, java.util.function.Consumer<T> done) {
        UI ui = UI.getCurrent();
        setBusy(true);
        refusal.setVisible(false);
        ProgressRelay relay = new ProgressRelay(ui);
        ui.setPollInterval(POLL_MILLIS);
        task = jobs.start(() -> work.apply(relay)).handle((result, error) -> ui.access(() -> {
            ui.setPollInterval(-1);
            setBusy(false);
            if (error != null) {
                failed(error instanceof CompletionException ? error.getCause() : error);
            } else {
                done.accept(result);
            }
        }));
    }

    private void failed(Throwable error) {
        if (error instanceof PortalException portal) {
            showRefusal(PortalErrorHandler.translate(this, portal));
        } else {
            PortalErrorHandler.showError(UI.getCurrent(), error);
        }
    }

    private void showRefusal(String message) {
        refusal.setText(message);
        refusal.setVisible(true);
    }

    private void setBusy(boolean busy) {
        kind.setEnabled(!busy);
        upload.setEnabled(!busy);
        template.setEnabled(!busy);
        cancel.setEnabled(!busy && preview != null);
        confirm.setEnabled(!busy && preview != null && preview.importable());
        progressBar.setVisible(busy);
        progressText.setVisible(busy);
        if (busy) {
            progressBar.setIndeterminate(true);
            progressText.setText("");
        }
    }

    private void showPreview(ImportPreview shown) {
        preview = shown;
        refusal.setVisible(false);
        ImportKind previewKind = shown.kind();
        grid.removeAllColumns();
        grid.addColumn(PreviewRow::rowNumber).setHeader(getTranslation("import.grid.row")).setKey("row")
                .setWidth("5rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozen(true);
        for (ImportColumn column : previewKind.columns()) {
            grid.addColumn(row -> row.value(previewKind, column)).setHeader(getTranslation(column.titleKey()))
                    .setKey(column.alias()).setAutoWidth(true).setResizable(true)
                    .setPartNameGenerator(row -> row.problems().stream().anyMatch(p -> p.column() == column)
                            ? "import-error-cell" : null);
        }
        grid.addColumn(row -> ProblemText.all(this, row.problems())).setHeader(getTranslation("import.grid.problems"))
                .setKey("problems").setWidth("28rem").setFlexGrow(1)
                .setTooltipGenerator(row -> ProblemText.all(this, row.problems()))
                .setPartNameGenerator(row -> row.hasProblems() ? "import-error-cell" : null);
        grid.setItems(new ListDataProvider<>(shown.rows()));
        applyFilter();
        summary.setText(getTranslation("import.summary", shown.fileName(), shown.rowCount(), shown.rowsWithProblems())
                + " " + getTranslation(shown.importable() ? "import.summary.ready" : "import.summary.blocked"));
        summary.setVisible(true);
        fileProblems.removeAll();
        shown.fileProblems().forEach(problem -> fileProblems.add(new Paragraph(ProblemText.of(this, problem))));
        fileProblems.setVisible(!shown.fileProblems().isEmpty());
        notes.removeAll();
        shown.notes().forEach(note -> notes.add(new Paragraph(ProblemText.of(this, note))));
        notes.setVisible(!shown.notes().isEmpty());
        errorsOnly.setVisible(true);
        grid.setVisible(true);
        setBusy(false);
    }

    private void clearPreview() {
        preview = null;
        grid.setItems(List.of());
        grid.setVisible(false);
        errorsOnly.setVisible(false);
        summary.setVisible(false);
        fileProblems.setVisible(false);
        notes.setVisible(false);
        setBusy(false);
    }

    @SuppressWarnings("unchecked")
    private void applyFilter() {
        if (grid.getDataProvider() instanceof ListDataProvider<?> provider) {
            ((ListDataProvider<PreviewRow>) provider).setFilter(
                    errorsOnly.getValue() ? PreviewRow::hasProblems : null);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · " + getTranslation("app.title");
    }

    /** Carries progress from the background thread to the screen, at most a few times a second. */
    private final class ProgressRelay implements ImportProgress {

        private static final long MIN_GAP_NANOS = 200_000_000L;
        private final UI ui;
        private ImportPhase lastPhase;
        private long lastNanos;

        ProgressRelay(UI ui) {
            this.ui = ui;
        }

        @Override
        public synchronized void report(ImportPhase phase, int done, int total) {
            long now = System.nanoTime();
            if (phase == lastPhase && now - lastNanos < MIN_GAP_NANOS && done != total) {
                return;
            }
            lastPhase = phase;
            lastNanos = now;
            ui.access(() -> {
                if (total > 0 && phase != ImportPhase.SAVING) {
                    progressBar.setIndeterminate(false);
                    progressBar.setValue(Math.min(1.0, (double) done / total));
                } else {
                    progressBar.setIndeterminate(true);
                }
                progressText.setText(getTranslation("import.phase." + phase.name(), done, total));
            });
        }
    }
}

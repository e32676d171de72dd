package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.BoundedUploadHandler;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.standard.StandardService;
import cn.luohu.qpb.standard.StandardStatus;
import cn.luohu.qpb.standard.StandardSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;

/** The standards (指标体系): every version with its status; open, copy into a new draft, or retire. */
@Route("standards")
@RolesAllowed({Role.Names.APPROVER, Role.Names.ADMIN})
@Menu(title = "nav.standards", order = 40, icon = "vaadin:clipboard-check")
public class StandardsView extends VerticalLayout implements HasDynamicTitle {

    /** Workbooks of standards are a few hundred kilobytes; POI holds the whole file in memory. */
    static final long MAX_WORKBOOK_BYTES = 5L * 1024 * 1024;

    private final transient StandardService standards;
    private final Grid<StandardSummary> grid = new Grid<>();

    public StandardsView(StandardService standards, DisplayZone zone) {
        this.standards = standards;
        addClassName("qpb-page");
        setSizeFull();
        Button create = new Button(getTranslation("standard.action.create"), VaadinIcon.PLUS.create(),
                click -> new NewStandardDialog(standards, this::open).open());
        create.setId("standard-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Upload workbook = new Upload(new BoundedUploadHandler(MAX_WORKBOOK_BYTES, this::imported));
        workbook.setId("standard-import");
        workbook.setMaxFiles(1);
        workbook.setMaxFileSize((int) MAX_WORKBOOK_BYTES);
        workbook.setAcceptedFileTypes(".xlsx");
        workbook.setUploadButton(new Button(getTranslation("standard.action.import"), VaadinIcon.UPLOAD.create()));
        workbook.setDropLabel(new Span(getTranslation("standard.import.drop")));
        workbook.addFileRejectedListener(e -> PortalErrorHandler.showError(UI.getCurrent(),
                new PortalException("standard.import.too-large", MAX_WORKBOOK_BYTES / (1024 * 1024))));
        FlexLayout actions = new FlexLayout(create, workbook);
        actions.addClassName("qpb-filters");
        add(new H2(getTranslation("nav.standards")), actions);

        grid.setId("standard-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(StandardSummary::code).setHeader(getTranslation("standard.field.code")).setAutoWidth(true);
        grid.addColumn(StandardSummary::name).setHeader(getTranslation("standard.field.name")).setWidth("16rem").setFlexGrow(2)
                .setTooltipGenerator(StandardSummary::name);
        grid.addColumn(StandardSummary::version).setHeader(getTranslation("standard.field.version")).setAutoWidth(true);
        grid.addColumn(s -> Labels.of(this, "standard.status", s.status())).setHeader(getTranslation("standard.field.status"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.categories().stream().map(c -> Labels.of(this, "org.category", c)).collect(Collectors.joining("、")))
                .setHeader(getTranslation("standard.field.categories")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(StandardSummary::indicatorCount).setHeader(getTranslation("standard.field.indicators")).setAutoWidth(true);
        grid.addColumn(s -> s.publishedAt() == null ? "" : zone.fromUtc(s.publishedAt()).toLocalDate().toString())
                .setHeader(getTranslation("standard.field.published-at")).setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setKey("actions").setWidth("20rem").setFlexGrow(0)
                .setFrozenToEnd(true); // room for every action, always in view
        grid.addItemDoubleClickListener(click -> open(click.getItem().id()));
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private MenuBar rowActions(StandardSummary standard) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        MenuItem open = menu.addItem(getTranslation(standard.status() == StandardStatus.DRAFT
                ? "standard.action.edit" : "standard.action.view"), click -> open(standard.id()));
        open.setId("standard-open-" + standard.id());
        menu.addItem(getTranslation("standard.action.preview"), click -> UI.getCurrent().navigate(
                StandardPreviewView.class, StandardEditorView.parameters(standard.id()))).setId("standard-preview-" + standard.id());
        menu.addItem(getTranslation("standard.action.copy"), click -> copy(standard)).setId("standard-copy-" + standard.id());
        if (standard.status() == StandardStatus.PUBLISHED) {
            menu.addItem(getTranslation("standard.action.retire"), click -> confirmRetire(standard))
                    .setId("standard-retire-" + standard.id());
        }
        return menu;
    }

    private void imported(UploadMetadata metadata, byte[] content) {
        StandardService.WorkbookImport outcome = standards.importWorkbook(new ByteArrayInputStream(content));
        if (outcome.draftId() == null) {
            new WorkbookProblemsDialog(metadata.fileName(), outcome.problems()).open();
            return;
        }
        Notification.show(getTranslation("standard.import.done", metadata.fileName()), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        open(outcome.draftId());
    }

    private void open(long id) {
        UI.getCurrent().navigate(StandardEditorView.class, StandardEditorView.parameters(id));
    }

    private void copy(StandardSummary standard) {
        long draft = standards.copyToDraft(standard.id());
        Notification.show(getTranslation("standard.copied", standard.code()), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        open(draft);
    }

    private void confirmRetire(StandardSummary standard) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("standard-retire-confirm");
        confirm.setHeader(getTranslation("standard.retire.title", standard.name(), standard.version()));
        confirm.setText(getTranslation("standard.retire.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("standard.action.retire"));
        confirm.addConfirmListener(e -> {
            try {
                standards.retire(standard.id());
            } catch (PortalException refusal) {
                PortalErrorHandler.showError(UI.getCurrent(), refusal);
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(standards.list()); // a district has tens of standard versions, not thousands
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.standards") + " · " + getTranslation("app.title");
    }
}

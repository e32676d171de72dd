package cn.luohu.qpb.notice.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.RouteIds;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.notice.NoticeBatch;
import cn.luohu.qpb.notice.NoticePdf;
import cn.luohu.qpb.notice.NoticePhase;
import cn.luohu.qpb.notice.NoticeRow;
import cn.luohu.qpb.notice.NoticeService;
import cn.luohu.qpb.notice.NoticeWorkbook;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

import java.util.Locale;

/**
 * One public notice: its period and where it stands, and the list (organisation, committee, old and new
 * star), lazily paged. Everyone logged in may lodge an objection against a result while the notice runs;
 * the list can be printed and exported.
 */
@Route("notices/:id")
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
public class NoticeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient NoticeService notices;
    private final Grid<NoticeRow> grid = new Grid<>();
    private long id;
    private String title = "";

    public NoticeView(NoticeService notices) {
        this.notices = notices;
        addClassName("qpb-page");
        setSizeFull();
    }

    public static RouteParameters parameters(long id) {
        return RouteIds.parameters(id);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = RouteIds.id(event);
        NoticeBatch batch = notices.batch(id);
        NoticePhase phase = notices.phase(batch);
        title = getTranslation("notice.title", String.valueOf(batch.year()));
        removeAll();
        H2 heading = new H2(title);
        heading.setId("notice-title");
        Div facts = new Div(new LabeledValue(getTranslation("notice.column.cycle"), batch.cycleName()),
                new LabeledValue(getTranslation("notice.column.period"),
                        getTranslation("notice.period", batch.startsOn().toString(), batch.endsOn().toString())),
                new LabeledValue(getTranslation("notice.column.phase"), Labels.of(this, "notice.phase", phase)),
                new LabeledValue(getTranslation("notice.column.size"), String.valueOf(batch.size())));
        facts.setId("notice-facts");
        facts.addClassName("qpb-card");
        add(heading, facts, toolbar(), list(phase == NoticePhase.RUNNING));
        setFlexGrow(1, grid);
    }

    private HorizontalLayout toolbar() {
        Anchor print = new Anchor(RouteConfiguration.forSessionScope().getUrl(NoticePrintView.class, parameters(id)),
                getTranslation("notice.print"));
        print.setTarget(AnchorTarget.BLANK);
        print.setId("notice-print");
        print.addComponentAsFirst(VaadinIcon.PRINT.create());
        Anchor workbook = export(false, "notice-export-xlsx", "notice.export.xlsx", VaadinIcon.FILE_TABLE);
        Anchor pdf = export(true, "notice-export-pdf", "notice.export.pdf", VaadinIcon.FILE_TEXT_O);
        HorizontalLayout toolbar = new HorizontalLayout(print, workbook, pdf);
        toolbar.setId("notice-toolbar");
        return toolbar;
    }

    /** A download of the whole list, in the reader's language, streamed from the database. */
    private Anchor export(boolean asPdf, String anchorId, String labelKey, VaadinIcon icon) {
        Locale locale = getLocale();
        Anchor anchor = new Anchor((DownloadHandler) event -> {
            event.setFileName(notices.exportFileName(id, locale, asPdf));
            event.setContentType(asPdf ? NoticePdf.CONTENT_TYPE : NoticeWorkbook.CONTENT_TYPE);
            if (asPdf) {
                notices.exportPdf(id, locale, event.getOutputStream());
            } else {
                notices.exportWorkbook(id, locale, event.getOutputStream());
            }
        }, getTranslation(labelKey));
        anchor.setId(anchorId);
        anchor.addComponentAsFirst(icon.create());
        return anchor;
    }

    private Grid<NoticeRow> list(boolean running) {
        grid.setId("notice-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(NoticeRow::organizationCode).setHeader(getTranslation("notice.column.code")).setAutoWidth(true);
        grid.addColumn(NoticeRow::organizationName).setHeader(getTranslation("review.column.organization"))
                .setWidth("16em").setFlexGrow(2);
        grid.addColumn(NoticeRow::committeeName).setHeader(getTranslation("review.column.committee")).setWidth("12em").setFlexGrow(1);
        grid.addColumn(r -> getTranslation("star.short", r.oldStar())).setHeader(getTranslation("notice.column.old-star"))
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation("star.short", r.newStar())).setHeader(getTranslation("notice.column.new-star"))
                .setAutoWidth(true);
        grid.addColumn(r -> Labels.of(this, "history.kind", r.change())).setHeader(getTranslation("notice.column.change"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.openObjections() == 0 ? "" : getTranslation("notice.open-objections", r.openObjections()))
                .setHeader(getTranslation("notice.column.objections")).setAutoWidth(true);
        if (running) {
            grid.addComponentColumn(r -> {
                Button object = new Button(getTranslation("notice.object"), click -> openObjection(r));
                object.setId("notice-object-" + r.assessmentId());
                object.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                return object;
            }).setKey("object").setAutoWidth(true);
        }
        grid.setItems(query -> notices.rows(id, query.getOffset(), query.getLimit()).stream(), query -> notices.countRows(id));
        return grid;
    }

    private void openObjection(NoticeRow row) {
        Paragraph help = new Paragraph(getTranslation("notice.object.help"));
        help.addClassName("qpb-hint");
        new ReasonDialog("notice-object", getTranslation("notice.object.title", row.organizationName()), help,
                getTranslation("notice.object.reason"), getTranslation("notice.object.lodge"), "notice-object-lodge",
                reason -> notices.lodgeObjection(row.assessmentId(), reason),
                () -> {
                    SuccessToast.show(getTranslation("notice.object.done"), "notice-object-done");
                    grid.getDataProvider().refreshAll();
                }).open();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}

package cn.luohu.qpb.notice.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.CycleStatus;
import cn.luohu.qpb.cycle.CycleSummary;
import cn.luohu.qpb.notice.NoticeBatch;
import cn.luohu.qpb.notice.NoticeService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Comparator;
import java.util.List;

/**
 * The public notices (公示), newest first, for everyone logged in; a row opens its list. District staff
 * also publish a cycle's approved results here and can make ended notices take effect at once.
 */
@Route("notices")
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
@Menu(title = "nav.notices", order = 54, icon = "vaadin:megaphone")
public class NoticesView extends VerticalLayout implements HasDynamicTitle {

    private final transient NoticeService notices;
    private final Grid<NoticeBatch> grid = new Grid<>();

    public NoticesView(NoticeService notices, CycleService cycles, CurrentUser currentUser) {
        this.notices = notices;
        addClassName("qpb-page");
        setSizeFull();
        H2 heading = new H2(getTranslation("notice.list.title"));
        heading.setId("notices-title");
        add(heading);
        if (currentUser.require().has(Role.APPROVER)) {
            add(publishing(cycles));
        }
        grid.setId("notices");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT); // whole names on a phone too
        grid.addColumn(b -> b.year() + " · " + b.cycleName()).setHeader(getTranslation("notice.column.cycle"))
                .setWidth("11em").setFlexGrow(2);
        grid.addColumn(b -> getTranslation("notice.period", b.startsOn().toString(), b.endsOn().toString()))
                .setHeader(getTranslation("notice.column.period")).setAutoWidth(true);
        grid.addColumn(NoticeBatch::size).setHeader(getTranslation("notice.column.size")).setAutoWidth(true);
        grid.addColumn(b -> Labels.of(this, "notice.phase", notices.phase(b))).setHeader(getTranslation("notice.column.phase"))
                .setAutoWidth(true);
        grid.addColumn(NoticeBatch::publishedBy).setHeader(getTranslation("notice.column.published-by")).setAutoWidth(true);
        grid.setItems(query -> notices.batches(query.getOffset(), query.getLimit()).stream(), query -> notices.countBatches());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(NoticeView.class, NoticeView.parameters(e.getItem().id()))));
        add(grid);
        setFlexGrow(1, grid);
    }

    /** District staff: publish a cycle's approved results, and make ended notices final now. */
    private Div publishing(CycleService cycles) {
        List<CycleSummary> open = cycles.list().stream().filter(c -> c.status() == CycleStatus.OPEN)
                .sorted(Comparator.comparingInt(CycleSummary::year).reversed()).toList();
        Select<CycleSummary> cycle = new Select<>();
        cycle.setId("notice-publish-cycle");
        cycle.setLabel(getTranslation("approval.filter.cycle"));
        cycle.setItems(open);
        cycle.setItemLabelGenerator(c -> c == null ? "" : c.year() + " · " + c.name());
        Span waiting = new Span();
        waiting.setId("notice-waiting");
        cycle.addValueChangeListener(e -> waiting.setText(e.getValue() == null ? ""
                : getTranslation("notice.publish.waiting", notices.countApproved(e.getValue().id()))));
        Button publish = new Button(getTranslation("notice.publish"), click -> {
            if (cycle.getValue() != null) {
                confirmPublish(cycle.getValue(), waiting);
            }
        });
        publish.setId("notice-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button finalizeNow = new SingleClickButton(getTranslation("notice.finalize"), click -> {
            try {
                SuccessToast.show(getTranslation("notice.finalize.done", notices.finalizeDue()), "notice-finalized");
                grid.getDataProvider().refreshAll();
            } catch (PortalException refused) {
                PortalErrorHandler.showError(UI.getCurrent(), refused);
            }
        });
        finalizeNow.setId("notice-finalize");
        HorizontalLayout row = new HorizontalLayout(cycle, waiting, publish, finalizeNow);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        row.setWrap(true);
        open.stream().findFirst().ifPresent(cycle::setValue);
        Div card = new Div(row);
        card.setId("notice-publishing");
        card.addClassName("qpb-card");
        return card;
    }

    private void confirmPublish(CycleSummary cycle, Span waiting) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("notice-publish-confirm");
        confirm.setHeader(getTranslation("notice.publish.confirm.title"));
        confirm.setText(getTranslation("notice.publish.confirm.text", notices.countApproved(cycle.id()), cycle.noticeDays()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("notice.publish"));
        confirm.addConfirmListener(e -> {
            try {
                NoticeBatch batch = notices.publish(cycle.id());
                SuccessToast.show(getTranslation("notice.published", batch.size(), batch.endsOn().toString()), "notice-published");
                waiting.setText(getTranslation("notice.publish.waiting", 0));
                grid.getDataProvider().refreshAll();
            } catch (PortalException refused) {
                PortalErrorHandler.showError(UI.getCurrent(), refused);
            }
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notice.list.title") + " · " + getTranslation("app.title");
    }
}

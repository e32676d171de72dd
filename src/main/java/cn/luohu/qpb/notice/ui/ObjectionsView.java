package cn.luohu.qpb.notice.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.notice.NoticeService;
import cn.luohu.qpb.notice.Objection;
import cn.luohu.qpb.notice.ObjectionStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;

/**
 * District staff's list of objections (异议), open ones first by default: each is upheld (the decision is
 * reopened and goes back to the approval queue) or dismissed, always with a reason.
 */
@Route("objections")
@RolesAllowed(Role.Names.APPROVER)
@Menu(title = "nav.objections", order = 56, icon = "vaadin:comments-o")
public class ObjectionsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient NoticeService notices;
    private final Select<ObjectionStatus> status = new Select<>();
    private final Grid<Objection> grid = new Grid<>();

    public ObjectionsView(NoticeService notices, DisplayZone zone) {
        this.notices = notices;
        addClassName("qpb-page");
        setSizeFull();
        H2 heading = new H2(getTranslation("objection.list.title"));
        heading.setId("objections-title");
        status.setId("objection-filter-status");
        status.setLabel(getTranslation("objection.column.status"));
        status.setItems(ObjectionStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "" : Labels.of(this, "objection.status", s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("review.filter.any"));
        status.setValue(ObjectionStatus.OPEN);
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("objections");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // cells wrap and the decision buttons stay frozen at the right edge, on screen from 1366 px down
        grid.addColumn(Objection::organizationName).setHeader(getTranslation("review.column.organization"))
                .setWidth("10em").setFlexGrow(2);
        grid.addColumn(Objection::committeeName).setHeader(getTranslation("review.column.committee")).setWidth("7em").setFlexGrow(1);
        grid.addColumn(o -> getTranslation("star.short", o.oldStar()) + " → " + getTranslation("star.short", o.newStar()))
                .setHeader(getTranslation("objection.column.result")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Objection::lodgedByName).setHeader(getTranslation("objection.column.by")).setWidth("6em").setFlexGrow(1);
        grid.addColumn(o -> zone.fromUtc(o.lodgedAt()).format(TIME)).setHeader(getTranslation("objection.column.at"))
                .setWidth("7em").setFlexGrow(0);
        grid.addColumn(Objection::reason).setHeader(getTranslation("objection.column.reason")).setWidth("12em").setFlexGrow(3);
        grid.addColumn(o -> Labels.of(this, "objection.status", o.status())
                        + (o.decisionReason() == null ? "" : " · " + o.decisionReason()))
                .setHeader(getTranslation("objection.column.status")).setWidth("7em").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(query -> notices.objections(status.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> notices.countObjections(status.getValue()));
        add(heading, status, grid);
        setFlexGrow(1, grid);
    }

    private HorizontalLayout actions(Objection objection) {
        HorizontalLayout actions = new HorizontalLayout();
        if (objection.status() == ObjectionStatus.OPEN) {
            Button uphold = new Button(getTranslation("objection.uphold"),
                    click -> decide(objection, "objection.uphold", notices::uphold));
            uphold.setId("objection-uphold-" + objection.id());
            uphold.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Button dismiss = new Button(getTranslation("objection.dismiss"),
                    click -> decide(objection, "objection.dismiss", notices::dismiss));
            dismiss.setId("objection-dismiss-" + objection.id());
            dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            actions.add(uphold, dismiss);
        }
        return actions;
    }

    /** Asks for the reason of an uphold or a dismissal, then records the decision. */
    private void decide(Objection objection, String actionKey, BiConsumer<Long, String> decision) {
        new ReasonDialog("objection-decide", getTranslation(actionKey) + " · " + objection.organizationName(),
                new Paragraph(getTranslation(actionKey + ".help")), getTranslation("objection.decision.reason"),
                getTranslation(actionKey), "objection-decide-confirm",
                reason -> decision.accept(objection.id(), reason),
                () -> {
                    SuccessToast.show(getTranslation(actionKey + ".done"), "objection-decided");
                    grid.getDataProvider().refreshAll();
                }).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("objection.list.title") + " · " + getTranslation("app.title");
    }
}

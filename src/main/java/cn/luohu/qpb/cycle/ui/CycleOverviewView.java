package cn.luohu.qpb.cycle.ui;

import cn.luohu.qpb.base.ui.RouteIds;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.cycle.CommitteeProgress;
import cn.luohu.qpb.cycle.CycleOverview;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.CycleStatus;
import cn.luohu.qpb.cycle.CycleSummary;
import cn.luohu.qpb.cycle.PendingAssessment;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One cycle at its own address: its settings, how many assessments are in each state (for the district
 * and per committee), and the organisations that have not (re)submitted, overdue ones first of all; chosen
 * organisations get a later deadline, with a reason. An unknown id shows the error page.
 */
@Route("cycles/:id")
@RolesAllowed(Role.Names.APPROVER)
public class CycleOverviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CycleService cycles;
    private long id;
    private CycleSummary cycle;
    private String title = "";
    private final Div counts = new Div();
    private final Grid<CommitteeProgress> committees = new Grid<>();
    private final Checkbox overdueOnly = new Checkbox();
    private final Span pendingCount = new Span();
    private final Grid<PendingAssessment> pending = new Grid<>();
    private final Button extend = new Button();

    public CycleOverviewView(CycleService cycles) {
        this.cycles = cycles;
        addClassName("qpb-page");
    }

    /** The address parameters of a cycle's page. */
    public static RouteParameters parameters(long id) {
        return RouteIds.parameters(id);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = RouteIds.id(event);
        CycleOverview overview = cycles.overview(id); // an unknown id is refused, and shown by the error view
        build(overview);
    }

    private void build(CycleOverview overview) {
        removeAll();
        cycle = overview.cycle();
        title = cycle.name();
        Anchor back = new Anchor(RouteConfiguration.forSessionScope().getUrl(CyclesView.class), getTranslation("cycle.back"));
        back.setId("cycle-back");
        H2 heading = new H2(getTranslation("cycle.overview.title", cycle.name(), Labels.of(this, "cycle.status", cycle.status())));
        heading.setId("cycle-title");
        add(back, heading, settings());

        counts.setId("cycle-state-counts");
        counts.addClassName("qpb-card");
        add(new H3(getTranslation("cycle.overview.states")), counts);

        committees.setId("cycle-committee-grid");
        committees.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        committees.addColumn(c -> c.committeeName() == null ? getTranslation("cycle.committee.none") : c.committeeName())
                .setHeader(getTranslation("cycle.field.committee")).setKey("committee").setAutoWidth(true).setFrozen(true);
        for (AssessmentState state : AssessmentState.values()) {
            committees.addColumn(c -> c.count(state)).setHeader(Labels.of(this, "assessment.state", state))
                    .setKey(state.name()).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        }
        committees.addColumn(CommitteeProgress::total).setHeader(getTranslation("cycle.overview.total")).setKey("total")
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        committees.setAllRowsVisible(true);
        add(new H3(getTranslation("cycle.overview.committees")), committees);

        overdueOnly.setId("cycle-overdue-only");
        overdueOnly.setLabel(getTranslation("cycle.pending.overdue-only"));
        overdueOnly.setValue(true);
        overdueOnly.addValueChangeListener(event -> refreshPending());
        pendingCount.setId("cycle-pending-count");
        pendingCount.addClassName("qpb-count");
        extend.setId("cycle-extend");
        extend.setText(getTranslation("cycle.action.extend"));
        extend.setIcon(VaadinIcon.CALENDAR_CLOCK.create());
        extend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        extend.addClickListener(click -> openExtension());
        FlexLayout toolbar = new FlexLayout(overdueOnly, pendingCount, extend);
        toolbar.addClassName("qpb-toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);

        pending.setId("cycle-pending-grid");
        pending.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        pending.setSelectionMode(Grid.SelectionMode.MULTI);
        pending.addColumn(PendingAssessment::code).setHeader(getTranslation("org.field.code")).setKey("code").setAutoWidth(true);
        pending.addColumn(PendingAssessment::name).setHeader(getTranslation("cycle.field.organization")).setKey("name")
                .setAutoWidth(true).setFlexGrow(2);
        pending.addColumn(PendingAssessment::committeeName).setHeader(getTranslation("cycle.field.committee")).setKey("committee").setAutoWidth(true);
        pending.addColumn(p -> Labels.of(this, "assessment.state", p.state())).setHeader(getTranslation("cycle.field.state"))
                .setKey("state").setAutoWidth(true);
        pending.addColumn(p -> p.deadline().toString() + (p.extended() ? " " + getTranslation("cycle.pending.extended") : ""))
                .setHeader(getTranslation("cycle.field.deadline")).setKey("deadline").setAutoWidth(true)
                .setTooltipGenerator(p -> p.extensionReason() == null ? "" : p.extensionReason());
        pending.addColumn(p -> p.overdue() ? getTranslation("cycle.pending.overdue") : "").setHeader(getTranslation("cycle.field.overdue"))
                .setKey("overdue").setAutoWidth(true);
        pending.setPartNameGenerator(p -> p.overdue() ? "cycle-overdue-row" : null);
        pending.setItems(query -> cycles.pending(id, overdueOnly.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> cycles.countPending(id, overdueOnly.getValue()));
        pending.addSelectionListener(event -> updateExtend());
        pending.setHeight("28rem");
        add(new H3(getTranslation("cycle.overview.pending")), toolbar, pending);
        show(overview);
    }

    private Div settings() {
        Div card = new Div();
        card.setId("cycle-settings");
        card.addClassName("qpb-card");
        String quotas = cycle.quotas().isEmpty() ? getTranslation("cycle.quota.none")
                : cycle.quotas().entrySet().stream().sorted((a, b) -> b.getKey() - a.getKey())
                .map(q -> getTranslation("cycle.quota.entry", q.getKey(), q.getValue().stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining("；"));
        card.add(new LabeledValue(getTranslation("cycle.field.year"), String.valueOf(cycle.year())),
                new LabeledValue(getTranslation("cycle.field.self-deadline"), cycle.selfDeadline().toString()),
                new LabeledValue(getTranslation("cycle.field.review-deadline"), cycle.reviewDeadline().toString()),
                new LabeledValue(getTranslation("cycle.field.approval-deadline"), cycle.approvalDeadline().toString()),
                new LabeledValue(getTranslation("cycle.field.notice-days"), getTranslation("cycle.days", cycle.noticeDays())),
                new LabeledValue(getTranslation("cycle.section.quotas"), quotas));
        return card;
    }

    private void show(CycleOverview overview) {
        counts.removeAll();
        Span total = new Span(String.valueOf(overview.total()));
        total.setId("cycle-count-total");
        counts.add(new LabeledValue(getTranslation("cycle.overview.total"), total));
        for (AssessmentState state : AssessmentState.values()) {
            Span count = new Span(String.valueOf(overview.count(state)));
            count.setId("cycle-count-" + state.name());
            counts.add(new LabeledValue(Labels.of(this, "assessment.state", state), count));
        }
        Span overdue = new Span(String.valueOf(overview.overdue()));
        overdue.setId("cycle-count-overdue");
        overdue.addClassName("qpb-overdue");
        counts.add(new LabeledValue(getTranslation("cycle.overview.overdue", overview.today().toString()), overdue));
        committees.setItems(overview.committees());
        refreshPending();
    }

    private void refreshPending() {
        pending.deselectAll();
        pending.getDataProvider().refreshAll();
        pendingCount.setText(getTranslation(overdueOnly.getValue() ? "cycle.pending.count-overdue" : "cycle.pending.count",
                cycles.countPending(id, overdueOnly.getValue())));
        updateExtend();
    }

    private void updateExtend() {
        extend.setEnabled(cycle.status() == CycleStatus.OPEN && !pending.getSelectedItems().isEmpty());
    }

    private void openExtension() {
        List<PendingAssessment> chosen = List.copyOf(pending.getSelectedItems());
        if (chosen.isEmpty()) {
            return;
        }
        new ExtendDeadlineDialog(cycles, cycle, chosen, this::extended).open();
    }

    private void extended(String message) {
        show(cycles.overview(id));
        Notification.show(message, 5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** For tests: the grid of pending organisations. */
    Grid<PendingAssessment> pendingGrid() {
        return pending;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}

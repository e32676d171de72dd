package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.ApprovalFilter;
import cn.luohu.qpb.assessment.ApprovalRow;
import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.assessment.ApproveManyResult;
import cn.luohu.qpb.assessment.QuotaLine;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.CycleStatus;
import cn.luohu.qpb.cycle.CycleSummary;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * District staff's approval queue: the recommendations of a cycle (direct-grading requests first),
 * lazily paged and filtered, with the quota meter of every star level above it. Rows can be approved
 * many at once; a row opens the recommendation for a decision of its own.
 */
@Route("approvals")
@RolesAllowed(Role.Names.APPROVER)
@Menu(title = "nav.approvals", order = 52, icon = "vaadin:gavel")
public class ApprovalQueueView extends VerticalLayout implements HasDynamicTitle {

    private final transient ApprovalService approvals;
    private final Select<CycleSummary> cycle = new Select<>();
    private final Select<OrganizationSummary> committee = new Select<>();
    private final Select<Category> category = new Select<>();
    private final Select<Integer> recommendedStar = new Select<>();
    private final Checkbox directGradingOnly = new Checkbox();
    private final Div quotaMeter = new Div();
    private final Span total = new Span();
    private final Grid<ApprovalRow> grid = new Grid<>();

    public ApprovalQueueView(ApprovalService approvals, CycleService cycles, OrganizationService organizations) {
        this.approvals = approvals;
        addClassName("qpb-page");
        setSizeFull();
        H2 heading = new H2(getTranslation("approval.queue.title"));
        heading.setId("approval-queue-title");

        List<CycleSummary> opened = cycles.list().stream().filter(c -> c.status() != CycleStatus.PLANNED)
                .sorted(Comparator.comparingInt(CycleSummary::year).reversed()).toList();
        cycle.setId("approval-cycle");
        cycle.setLabel(getTranslation("approval.filter.cycle"));
        cycle.setItems(opened);
        cycle.setItemLabelGenerator(c -> c == null ? "" : c.year() + " · " + c.name());
        committee.setId("approval-filter-committee");
        committee.setLabel(getTranslation("review.filter.committee"));
        committee.setItems(organizations.committees());
        committee.setItemLabelGenerator(c -> c == null ? "" : c.name());
        committee.setEmptySelectionAllowed(true);
        committee.setEmptySelectionCaption(getTranslation("review.filter.any"));
        category.setId("approval-filter-category");
        category.setLabel(getTranslation("review.filter.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> c == null ? "" : Labels.of(this, "org.category", c));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("review.filter.any"));
        recommendedStar.setId("approval-filter-star");
        recommendedStar.setLabel(getTranslation("approval.column.recommended"));
        recommendedStar.setItems(IntStream.rangeClosed(0, 5).boxed().toList());
        recommendedStar.setItemLabelGenerator(s -> s == null ? "" : getTranslation("star.level", s));
        recommendedStar.setEmptySelectionAllowed(true);
        recommendedStar.setEmptySelectionCaption(getTranslation("review.filter.any"));
        directGradingOnly.setId("approval-filter-direct");
        directGradingOnly.setLabel(getTranslation("approval.filter.direct-only"));
        cycle.addValueChangeListener(e -> refresh());
        List.of(committee, category).forEach(s -> s.addValueChangeListener(e -> refresh()));
        recommendedStar.addValueChangeListener(e -> refresh());
        directGradingOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(cycle, committee, category, recommendedStar, directGradingOnly);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        quotaMeter.setId("approval-quota-meter");
        quotaMeter.addClassName("qpb-card");

        grid.setId("approval-queue");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // names wrap rather than being cut, whatever the width of the screen
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ApprovalRow::organizationName).setHeader(getTranslation("review.column.organization"))
                .setWidth("14em").setFlexGrow(3);
        grid.addColumn(ApprovalRow::committeeName).setHeader(getTranslation("review.column.committee")).setWidth("8em").setFlexGrow(1);
        grid.addColumn(r -> r.category() == null ? "" : getTranslation("org.category." + r.category()))
                .setHeader(getTranslation("review.column.category")).setWidth("7em").setFlexGrow(1);
        grid.addColumn(r -> getTranslation("star.short", r.starAtOpen())).setHeader(getTranslation("approval.column.current"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.appliedStar() == null ? "" : getTranslation("star.short", r.appliedStar())
                        + (r.directGrading() ? " · " + getTranslation("approval.direct-grading") : ""))
                .setHeader(getTranslation("review.column.applied-star")).setAutoWidth(true);
        grid.addColumn(r -> r.selfTotal() == null ? "" : r.selfTotal().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("review.column.self-total")).setAutoWidth(true);
        grid.addColumn(r -> r.reviewTotal() == null ? "" : r.reviewTotal().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("approval.column.review-total")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("star.short", r.recommendedStar())).setHeader(getTranslation("approval.column.recommended"))
                .setAutoWidth(true);
        grid.addColumn(ApprovalRow::reviewerName).setHeader(getTranslation("approval.column.reviewer")).setAutoWidth(true);
        grid.setItems(query -> filter() == null ? java.util.stream.Stream.empty()
                        : approvals.queue(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> filter() == null ? 0 : approvals.count(filter()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ApprovalView.class, ApprovalView.parameters(e.getItem().id()))));

        Button approveSelected = new Button(getTranslation("approval.approve-selected"), click -> confirmApprove(
                grid.getSelectedItems().stream().map(ApprovalRow::id).toList()));
        approveSelected.setId("approval-approve-selected");
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button approveAll = new Button(getTranslation("approval.approve-all"), click -> {
            if (filter() != null) {
                confirmApprove(approvals.ids(filter()));
            }
        });
        approveAll.setId("approval-approve-all");
        total.setId("approval-total");
        HorizontalLayout actions = new HorizontalLayout(approveSelected, approveAll, total);
        actions.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        add(heading, filters, quotaMeter, actions, grid);
        setFlexGrow(1, grid);
        opened.stream().filter(c -> c.status() == CycleStatus.OPEN).findFirst().or(() -> opened.stream().findFirst())
                .ifPresentOrElse(cycle::setValue, this::refresh);
    }

    private ApprovalFilter filter() {
        if (cycle.getValue() == null) {
            return null;
        }
        return new ApprovalFilter(cycle.getValue().id(), committee.getValue() == null ? null : committee.getValue().id(),
                category.getValue() == null ? null : category.getValue().name(), recommendedStar.getValue(),
                directGradingOnly.getValue());
    }

    private void refresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        ApprovalFilter filter = filter();
        total.setText(getTranslation("approval.total", filter == null ? 0 : approvals.count(filter)));
        showQuotas();
    }

    private void showQuotas() {
        quotaMeter.removeAll();
        if (cycle.getValue() == null) {
            quotaMeter.add(new Span(getTranslation("approval.no-cycle")));
            return;
        }
        Span title = new Span(getTranslation("approval.quota.title"));
        title.addClassName("qpb-card-title");
        Span hint = new Span(getTranslation("approval.quota.hint"));
        hint.addClassName("qpb-hint");
        quotaMeter.add(title, hint);
        for (QuotaLine line : approvals.quotaMeter(cycle.getValue().id())) {
            if (line.star() == 0) {
                continue;
            }
            String text = line.limit() == null
                    ? getTranslation("approval.quota.line.free", line.star(), line.approved(), line.projected())
                    : getTranslation("approval.quota.line", line.star(), line.approved(), line.projected(), line.limit(),
                    line.quotaPercent().stripTrailingZeros().toPlainString());
            Span label = new Span(text);
            ProgressBar bar = new ProgressBar(0, Math.max(1, line.limit() == null ? line.assessed() : line.limit()),
                    Math.min(line.projected(), line.limit() == null ? line.assessed() : line.limit()));
            if (line.overQuota()) {
                bar.addThemeName("error");
                label.addClassName("qpb-error-text");
            }
            Div row = new Div(label, bar);
            row.setId("approval-quota-" + line.star());
            row.addClassName("qpb-quota-line");
            quotaMeter.add(row);
        }
    }

    private void confirmApprove(Collection<Long> ids) {
        if (ids.isEmpty()) {
            PortalErrorHandler.showError(UI.getCurrent(), new PortalException("approval.error.nothing-selected"));
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("approval-many-confirm");
        confirm.setHeader(getTranslation("approval.many.confirm.title"));
        confirm.setText(getTranslation("approval.many.confirm.text", ids.size()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("approval.approve"));
        confirm.addConfirmListener(e -> approveMany(ids));
        confirm.open();
    }

    private void approveMany(Collection<Long> ids) {
        ApproveManyResult result;
        try {
            result = approvals.approveMany(cycle.getValue().id(), ids);
        } catch (PortalException refused) {
            PortalErrorHandler.showError(UI.getCurrent(), refused);
            return;
        }
        StringBuilder message = new StringBuilder(getTranslation("approval.many.done", result.approved()));
        if (!result.needOwnDecision().isEmpty()) {
            message.append(' ').append(getTranslation("approval.many.need-decision", result.needOwnDecision().size(),
                    String.join(getTranslation("list.separator"), result.needOwnDecision())));
        }
        if (!result.ownReviews().isEmpty()) {
            message.append(' ').append(getTranslation("approval.many.own-reviews", String.join(getTranslation("list.separator"), result.ownReviews())));
        }
        if (result.overtaken() > 0) {
            message.append(' ').append(getTranslation("approval.many.overtaken", result.overtaken()));
        }
        SuccessToast.show(message.toString(), "approval-many-done");
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approval.queue.title") + " · " + getTranslation("app.title");
    }
}

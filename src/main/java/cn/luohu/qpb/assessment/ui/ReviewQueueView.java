package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.ReviewFilter;
import cn.luohu.qpb.assessment.ReviewQueueRow;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import com.vaadin.flow.component.datepicker.DatePicker;
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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The reviewer's queue: the assessments of his committee's subtree, overdue first, lazily paged in SQL,
 * filtered by state, committee, category, applied star and due date, with the count of each state.
 * A row opens the assessment for review.
 */
@Route("reviews")
@RolesAllowed(Role.Names.REVIEWER)
@Menu(title = "nav.reviews", order = 6, icon = "vaadin:check-square-o")
public class ReviewQueueView extends VerticalLayout implements HasDynamicTitle {

    private final transient ReviewService reviews;
    private final Grid<ReviewQueueRow> grid = new Grid<>();
    private final Select<AssessmentState> state = new Select<>();
    private final Select<OrganizationSummary> committee = new Select<>();
    private final Select<Category> category = new Select<>();
    private final Select<Integer> appliedStar = new Select<>();
    private final DatePicker dueBy = new DatePicker();
    private final Div counts = new Div();

    public ReviewQueueView(ReviewService reviews, OrganizationService organizations) {
        this.reviews = reviews;
        List<OrganizationSummary> committees = organizations.committees();
        addClassName("qpb-page");
        setSizeFull();
        H2 heading = new H2(getTranslation("review.queue.title"));
        heading.setId("review-queue-title");

        state.setId("review-filter-state");
        state.setLabel(getTranslation("review.filter.state"));
        state.setItems(Arrays.stream(AssessmentState.values()).toList());
        state.setItemLabelGenerator(s -> s == null ? "" : Labels.of(this, "assessment.state", s));
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("review.filter.any"));
        committee.setId("review-filter-committee");
        committee.setLabel(getTranslation("review.filter.committee"));
        committee.setItems(committees);
        committee.setVisible(committees.size() > 1);
        committee.setItemLabelGenerator(c -> c == null ? "" : c.name());
        committee.setEmptySelectionAllowed(true);
        committee.setEmptySelectionCaption(getTranslation("review.filter.any"));
        category.setId("review-filter-category");
        category.setLabel(getTranslation("review.filter.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> c == null ? "" : Labels.of(this, "org.category", c));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("review.filter.any"));
        appliedStar.setId("review-filter-applied-star");
        appliedStar.setLabel(getTranslation("review.filter.applied-star"));
        appliedStar.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
        appliedStar.setItemLabelGenerator(s -> s == null ? "" : getTranslation("star.level", s));
        appliedStar.setEmptySelectionAllowed(true);
        appliedStar.setEmptySelectionCaption(getTranslation("review.filter.any"));
        dueBy.setId("review-filter-due-by");
        dueBy.setLabel(getTranslation("review.filter.due-by"));
        dueBy.setClearButtonVisible(true);
        List.of(state, committee, category, appliedStar).forEach(s -> s.addValueChangeListener(e -> refresh()));
        dueBy.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(state, committee, category, appliedStar, dueBy);
        filters.setId("review-filters");
        filters.setWrap(true);

        counts.setId("review-counts");
        counts.addClassName("qpb-hint");

        grid.setId("review-queue");
        // names wrap rather than being cut: the organisation's name is what the reviewer reads, from 1366 px to a phone
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ReviewQueueRow::organizationName).setHeader(getTranslation("review.column.organization"))
                .setWidth("14em").setFlexGrow(3);
        // a reviewer of one committee would read his own committee on every row: shown only when there are several
        grid.addColumn(ReviewQueueRow::committeeName).setHeader(getTranslation("review.column.committee"))
                .setWidth("9em").setFlexGrow(1).setVisible(committees.size() > 1);
        grid.addColumn(r -> r.category() == null ? "" : getTranslation("org.category." + r.category()))
                .setHeader(getTranslation("review.column.category")).setWidth("8em").setFlexGrow(1);
        grid.addColumn(ReviewQueueRow::year).setHeader(getTranslation("review.column.year")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Labels.of(this, "assessment.state", r.state())).setHeader(getTranslation("review.column.state"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.appliedStar() == null ? "" : getTranslation("star.level", r.appliedStar()))
                .setHeader(getTranslation("review.column.applied-star")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.selfTotal() == null ? "" : r.selfTotal().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("review.column.self-total")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.dueDate() + (r.overdue() ? " · " + getTranslation("review.overdue") : ""))
                .setHeader(getTranslation("review.column.due")).setWidth("8.5em").setFlexGrow(0);
        grid.setItems(query -> reviews.queue(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> reviews.count(filter()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ReviewView.class, ReviewView.parameters(e.getItem().id()))));
        add(heading, filters, counts, grid);
        setFlexGrow(1, grid);
        showCounts();
    }

    private ReviewFilter filter() {
        return new ReviewFilter(state.getValue(), committee.getValue() == null ? null : committee.getValue().id(),
                category.getValue() == null ? null : category.getValue().name(), appliedStar.getValue(), dueBy.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        showCounts();
    }

    private void showCounts() {
        counts.removeAll();
        Map<AssessmentState, Integer> byState = reviews.countsByState(filter());
        byState.forEach((s, n) -> {
            Span count = new Span(Labels.of(this, "assessment.state", s) + " " + n);
            count.setId("review-count-" + s.name());
            count.addClassName("qpb-badge");
            counts.add(count);
        });
        if (byState.isEmpty()) {
            counts.add(new Span(getTranslation("review.queue.empty")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.queue.title") + " · " + getTranslation("app.title");
    }
}

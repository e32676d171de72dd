package cn.luohu.qpb.home.ui;

import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.organization.OrganizationFilter;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSort;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.organization.ui.OrganizationDetailView;
import cn.luohu.qpb.organization.ui.OrganizationFilterBar;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;

import java.util.List;

/** The organisations of a reviewer's committee subtree: a lazy grid, filtered and sorted in SQL. */
class ReviewerPanel extends VerticalLayout {

    private final ConfigurableFilterDataProvider<OrganizationSummary, Void, OrganizationFilter> dataProvider;

    ReviewerPanel(OrganizationService organizations) {
        setId("home-reviewer");
        setPadding(false);
        add(new H3(getTranslation("home.reviewer.title")));

        dataProvider = DataProvider.<OrganizationSummary, OrganizationFilter>fromFilteringCallbacks(
                query -> organizations.findVisible(filterOf(query), query.getOffset(), query.getLimit(),
                        sortsOf(query)).stream(),
                query -> organizations.countVisible(filterOf(query))).withConfigurableFilter();
        dataProvider.setFilter(OrganizationFilter.none());

        add(new OrganizationFilterBar("reviewer-filter", null, dataProvider::setFilter));

        Grid<OrganizationSummary> grid = new Grid<>();
        grid.setId("reviewer-org-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(OrganizationSummary::code).setHeader(getTranslation("org.field.code"))
                .setKey(OrganizationSort.Column.CODE.name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(OrganizationSummary::name).setHeader(getTranslation("org.field.name"))
                .setKey(OrganizationSort.Column.NAME.name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(o -> Labels.of(this, "org.category", o.category())).setHeader(getTranslation("org.field.category"))
                .setKey(OrganizationSort.Column.CATEGORY.name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(OrganizationSummary::secretaryName).setHeader(getTranslation("org.field.secretary"))
                .setAutoWidth(true);
        grid.addColumn(OrganizationSummary::memberCount).setHeader(getTranslation("org.field.members"))
                .setKey(OrganizationSort.Column.MEMBERS.name()).setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(o -> new Stars(o.currentStar())).setHeader(getTranslation("org.field.star"))
                .setKey(OrganizationSort.Column.STAR.name()).setSortable(true).setAutoWidth(true);
        grid.setItems(dataProvider);
        grid.addItemClickListener(click -> UI.getCurrent().navigate(OrganizationDetailView.class,
                OrganizationDetailView.parameters(click.getItem().code())));
        grid.setHeight("32rem");
        add(grid);
    }

    private static OrganizationFilter filterOf(Query<OrganizationSummary, OrganizationFilter> query) {
        return query.getFilter().orElse(OrganizationFilter.none());
    }

    private static List<OrganizationSort> sortsOf(Query<OrganizationSummary, OrganizationFilter> query) {
        return query.getSortOrders().stream()
                .map(order -> new OrganizationSort(OrganizationSort.Column.valueOf(order.getSorted()),
                        order.getDirection() == SortDirection.ASCENDING))
                .toList();
    }
}

package cn.luohu.qpb.home.ui;

import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.assessment.ui.ApprovalQueueView;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.notice.NoticeService;
import cn.luohu.qpb.notice.ObjectionStatus;
import cn.luohu.qpb.notice.ui.ObjectionsView;
import cn.luohu.qpb.organization.CommitteeStarCounts;
import cn.luohu.qpb.organization.OrganizationService;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

import java.util.List;

/**
 * District staff: what waits for their decision (recommendations, open objections), and how many
 * organisations hold each star level, per committee, with district totals.
 */
class DistrictPanel extends VerticalLayout {

    DistrictPanel(OrganizationService organizations, ApprovalService approvals, NoticeService notices) {
        setId("home-district");
        setPadding(false);
        RouterLink waiting = new RouterLink(getTranslation("home.district.waiting", approvals.countWaiting()), ApprovalQueueView.class);
        waiting.setId("district-waiting");
        RouterLink objections = new RouterLink(getTranslation("home.district.objections",
                notices.countObjections(ObjectionStatus.OPEN)), ObjectionsView.class);
        objections.setId("district-objections");
        HorizontalLayout todo = new HorizontalLayout(waiting, objections);
        todo.addClassName("qpb-card");
        add(todo, new H3(getTranslation("home.district.title")));
        List<CommitteeStarCounts> rows = organizations.starDistribution();

        Grid<CommitteeStarCounts> grid = new Grid<>();
        grid.setId("district-star-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(CommitteeStarCounts::committeeName).setHeader(getTranslation("org.field.committee"))
                .setFrozen(true).setAutoWidth(true);
        for (int level = Stars.MAX; level >= 0; level--) {
            int star = level;
            grid.addColumn(row -> row.count(star)).setHeader(getTranslation("star.short", star))
                    .setTextAlign(ColumnTextAlign.END).setKey("star-" + star).setWidth("6rem").setFlexGrow(0)
                    .setFooter(String.valueOf(rows.stream().mapToInt(r -> r.count(star)).sum()));
        }
        grid.addColumn(CommitteeStarCounts::total).setHeader(getTranslation("home.district.total"))
                .setTextAlign(ColumnTextAlign.END).setKey("total").setWidth("6rem").setFlexGrow(0)
                .setFooter(String.valueOf(rows.stream().mapToInt(CommitteeStarCounts::total).sum()));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        int total = rows.stream().mapToInt(CommitteeStarCounts::total).sum();
        Span summary = new Span(getTranslation("home.district.summary", rows.size(), total));
        summary.setId("district-summary");
        add(summary, grid);
    }
}

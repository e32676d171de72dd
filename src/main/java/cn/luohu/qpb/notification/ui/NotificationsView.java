package cn.luohu.qpb.notification.ui;

import cn.luohu.qpb.assessment.ui.AssessmentView;
import cn.luohu.qpb.assessment.ui.MyAssessmentView;
import cn.luohu.qpb.assessment.ui.ReviewQueueView;
import cn.luohu.qpb.assessment.ui.ApprovalView;
import cn.luohu.qpb.assessment.ui.ReviewView;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.MainLayout;
import cn.luohu.qpb.notification.NotificationItem;
import cn.luohu.qpb.notification.NotificationKind;
import cn.luohu.qpb.notification.NotificationService;
import cn.luohu.qpb.notice.ui.ObjectionsView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.format.DateTimeFormatter;

/**
 * The caller's notifications, newest first and lazily paged; unread ones stand out. A click marks one
 * read and opens what it is about: a reviewer the review, a secretary or district staff the assessment,
 * a deadline reminder the secretary's self-assessments or the reviewer's queue.
 */
@Route(MainLayout.NOTIFICATIONS_ROUTE)
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient NotificationService notifications;
    private final Grid<NotificationItem> grid = new Grid<>();

    public NotificationsView(NotificationService notifications, DisplayZone zone) {
        this.notifications = notifications;
        addClassName("qpb-page");
        setSizeFull();
        H2 heading = new H2(getTranslation("notification.title"));
        heading.setId("notifications-title");
        Button markAll = new Button(getTranslation("notification.mark-all-read"), click -> markAllRead());
        markAll.setId("notifications-mark-all-read");
        HorizontalLayout top = new HorizontalLayout(heading, markAll);
        top.setWidthFull();
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        top.expand(heading);

        grid.setId("notifications");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER);
        grid.addColumn(n -> AT.format(zone.fromUtc(n.createdAt()))).setKey("at")
                .setHeader(getTranslation("notification.column.at")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::text).setKey("message").setHeader(getTranslation("notification.column.message")).setFlexGrow(1);
        grid.setPartNameGenerator(n -> n.read() ? null : "qpb-unread");
        grid.setEmptyStateText(getTranslation("notification.empty"));
        grid.setItems(query -> notifications.mine(query.getOffset(), query.getLimit()).stream(),
                query -> notifications.count());
        grid.addItemClickListener(click -> open(click.getItem()));
        add(top, grid);
        setFlexGrow(1, grid);
    }

    /** The message in the reader's current language. */
    private String text(NotificationItem notification) {
        return getTranslation(notification.kind().messageKey(), notification.args().toArray());
    }

    private void open(NotificationItem notification) {
        if (!notification.read()) {
            notifications.markRead(notification.id());
        }
        UI ui = UI.getCurrent();
        Long assessment = notification.assessmentId();
        if (notification.kind() == NotificationKind.OBJECTION_LODGED && notification.role() == Role.APPROVER) {
            ui.navigate(ObjectionsView.class);
        } else if (assessment != null && notification.role() == Role.APPROVER) {
            ui.navigate(ApprovalView.class, ApprovalView.parameters(assessment));
        } else if (assessment != null && notification.role() == Role.REVIEWER) {
            ui.navigate(ReviewView.class, ReviewView.parameters(assessment));
        } else if (assessment != null) {
            ui.navigate(AssessmentView.class, AssessmentView.parameters(assessment));
        } else if (notification.role() == Role.SECRETARY) {
            ui.navigate(MyAssessmentView.class);
        } else {
            ui.navigate(ReviewQueueView.class);
        }
    }

    private void markAllRead() {
        notifications.markAllRead();
        grid.getDataProvider().refreshAll();
        MainLayout layout = findAncestor(MainLayout.class);
        if (layout != null) {
            layout.refreshUnreadCount();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.title") + " · " + getTranslation("app.title");
    }
}

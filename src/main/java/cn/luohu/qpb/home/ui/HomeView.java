package cn.luohu.qpb.home.ui;

import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.notice.NoticeService;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.user.UserAccountService;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;

/** The first page after login: one panel for each of the user's roles, with real data. */
@Route("")
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser, OrganizationService organizations, UserAccountService accounts,
                    ApprovalService approvals, NoticeService notices, AssessmentService assessments, DisplayZone zone, Clock clock) {
        addClassName("qpb-page");
        H2 greeting = new H2(getTranslation("home.welcome", accounts.sessionInfo().displayName()));
        greeting.setId("home-greeting");
        add(greeting);
        if (currentUser.has(Role.SECRETARY)) {
            add(new SecretaryPanel(organizations, assessments, zone, LocalDate.now(clock.withZone(zone.zone()))));
        }
        if (currentUser.has(Role.REVIEWER)) {
            add(new ReviewerPanel(organizations));
        }
        if (currentUser.has(Role.APPROVER)) {
            add(new DistrictPanel(organizations, approvals, notices));
        }
        if (currentUser.has(Role.ADMIN)) {
            add(new AdminPanel(organizations, accounts));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · " + getTranslation("app.title");
    }
}

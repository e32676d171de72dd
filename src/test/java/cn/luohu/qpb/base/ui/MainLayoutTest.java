package cn.luohu.qpb.base.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.home.ui.HomeView;
import cn.luohu.qpb.notification.ui.NotificationsView;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.NOTIFICATION;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class MainLayoutTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;

    @AfterEach
    void restoreDemoLanguage() {
        dsl.update(APP_USER).setNull(APP_USER.PREFERRED_LANGUAGE).where(APP_USER.USERNAME.eq("reviewer")).execute();
    }

    @Test
    void theHeaderShowsTheUsersOrganisation() {
        login("reviewer");
        UI.getCurrent().navigate(HomeView.class);
        assertEquals("中共深圳市罗湖区翠竹街道工作委员会", _get(Span.class, spec -> spec.withId("header-organization")).getText());
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource({
            "secretary, 首页|我的自评|结果公示",
            "reviewer,  首页|评审|组织管理|结果公示",
            "district,  首页|组织管理|指标体系|年度评定|星级审批|结果公示|异议处理",
            "admin,     首页|组织管理|用户管理|批量导入|指标体系|结果公示"})
    void theNavigationListsOnlyWhatTheRoleMayOpen(String user, String items) {
        login(user);
        UI.getCurrent().navigate(HomeView.class);
        assertEquals(List.of(items.split("\\|")), _get(SideNav.class, spec -> spec.withId("side-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList());
    }

    @Test
    void aStoredLanguageWinsOverTheBrowsersAtTheNextVisit() {
        dsl.update(APP_USER).set(APP_USER.PREFERRED_LANGUAGE, "en").where(APP_USER.USERNAME.eq("reviewer")).execute();
        login("reviewer");
        UI.getCurrent().navigate(HomeView.class);
        assertEquals(Locale.ENGLISH, UI.getCurrent().getLocale());
        assertEquals("Home", _get(SideNav.class, spec -> spec.withId("side-nav")).getItems().getFirst().getLabel());
    }

    @Test
    void theLanguageChoiceIsStoredAndWinsOverTheBrowser() {
        login("reviewer");
        UI.getCurrent().navigate(HomeView.class);
        _clickItemWithID(_get(MenuBar.class, spec -> spec.withId("user-menu")), "language-en");
        assertEquals(Locale.ENGLISH, VaadinSession.getCurrent().getLocale());
        assertEquals("en", dsl.select(APP_USER.PREFERRED_LANGUAGE).from(APP_USER)
                .where(APP_USER.USERNAME.eq("reviewer")).fetchSingle().value1());
    }

    @Test
    void theBellCountsTheUnreadNotificationsAndOpensThem() {
        String user = data.user(data.branch(data.committee("铃铛党工委"), "铃铛支部"), Role.SECRETARY);
        login(user);
        UI.getCurrent().navigate(HomeView.class);
        _assertNone(Span.class, spec -> spec.withId("notification-count"));

        for (int i = 0; i < 3; i++) {
            dsl.insertInto(NOTIFICATION).set(NOTIFICATION.RECIPIENT_ID, data.userId(user)).set(NOTIFICATION.RECIPIENT_ROLE, "SECRETARY")
                    .set(NOTIFICATION.KIND, "SELF_DEADLINE").set(NOTIFICATION.ARGS, JSON.json("[1, 0, 3]"))
                    .set(NOTIFICATION.CREATED_AT, LocalDateTime.now()).execute();
        }
        UI.getCurrent().navigate(HomeView.class);
        assertEquals("3", _get(Span.class, spec -> spec.withId("notification-count")).getText(), "counted at every navigation");
        assertEquals("通知（3 条未读）", _get(Button.class, spec -> spec.withId("notification-bell")).getAriaLabel().orElseThrow());

        _click(_get(Button.class, spec -> spec.withId("notification-bell")));
        assertInstanceOf(NotificationsView.class, UI.getCurrent().getCurrentView());
    }
}

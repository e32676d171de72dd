package cn.luohu.qpb.base.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.CustomizedSystemMessages;
import jakarta.annotation.security.PermitAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures while a page opens are explained in the user's language, never as a stack trace. */
class ErrorViewsTest extends KaribuTest {

    @Autowired
    private PortalServiceInitListener serviceInitListener;

    /** A page that fails as it opens, registered for these tests only. */
    @PermitAll
    public static class FailingView extends Div {
        public FailingView() {
            throw new IllegalStateException("database exploded at line 42");
        }
    }

    /** A page whose service refuses the caller. */
    @PermitAll
    public static class RefusedView extends Div {
        public RefusedView() {
            throw new PortalException("review.error.own-organization");
        }
    }

    @Test
    void anUnexpectedFailureShowsAnApologyWithoutDetails() {
        login("secretary");
        RouteConfiguration.forSessionScope().setRoute("failing", FailingView.class);
        UI.getCurrent().navigate("failing");
        assertInstanceOf(ServerErrorView.class, UI.getCurrent().getCurrentView());
        String shown = _get(Paragraph.class, spec -> spec.withId("server-error-message")).getText();
        assertEquals("系统出现了意外错误，请稍后重试。如果问题持续，请联系系统管理员。", shown);
        assertTrue(!UI.getCurrent().getElement().getTextRecursively().contains("exploded"));
    }

    /** A page whose database does not answer (the pool gave up waiting for a connection). */
    @PermitAll
    public static class DatabaseDownView extends Div {
        public DatabaseDownView() {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms"));
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerAsksToTryAgainShortly() {
        login("secretary");
        RouteConfiguration.forSessionScope().setRoute("database-down", DatabaseDownView.class);
        UI.getCurrent().navigate("database-down");
        assertEquals("系统暂时连接不上数据库，请过几分钟再试；如果一直如此，请联系系统管理员。",
                _get(Paragraph.class, spec -> spec.withId("server-error-message")).getText());
        assertTrue(!UI.getCurrent().getElement().getTextRecursively().contains("HikariPool"));
    }

    @Test
    void aRefusalSaysWhy() {
        login("secretary");
        RouteConfiguration.forSessionScope().setRoute("refused", RefusedView.class);
        UI.getCurrent().navigate("refused");
        assertEquals("不能评审本人所在党组织的自评", _get(Paragraph.class, spec -> spec.withId("server-error-message")).getText());
    }

    @Test
    void anUnknownAddressShowsTheTranslatedNotFoundPageWithTheWayHomeAndNoRoutes() {
        login("secretary");
        // typed into the browser's address bar (UI.navigate hands unknown routes to the client-side router)
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location("no-such-page"), NavigationTrigger.PAGE_LOAD);
        assertInstanceOf(NotFoundView.class, UI.getCurrent().getCurrentView());
        assertEquals("您要打开的页面不存在：地址可能有误，或者该记录已被删除。",
                _get(Paragraph.class, spec -> spec.withId("not-found-message")).getText());
        assertEquals("", _get(Anchor.class, spec -> spec.withId("not-found-home")).getHref());
        String page = UI.getCurrent().getElement().getTextRecursively();
        assertFalse(page.contains("reviews") || page.contains("Could not navigate"), page);
    }

    @Test
    void aPageTheRoleMayNotOpenShowsTheTranslatedAccessDeniedPage() {
        login("secretary");
        UI.getCurrent().navigate("approvals");
        assertInstanceOf(AccessDeniedView.class, UI.getCurrent().getCurrentView());
        assertEquals("您的账号没有打开此页面的权限。如果您认为应该有，请联系系统管理员。",
                _get(Paragraph.class, spec -> spec.withId("access-denied-message")).getText());
        assertEquals("", _get(Anchor.class, spec -> spec.withId("access-denied-home")).getHref());
    }

    /** Every route with a numeric id, with a user who may open it. */
    @ParameterizedTest
    @CsvSource({
            "assessments/%s, secretary", "reviews/%s, reviewer", "approvals/%s, district", "notices/%s, secretary",
            "notices/%s/print, secretary", "standards/%s, district", "standards/%s/preview, district", "cycles/%s, district"})
    void anIdThatCannotBeOneShowsNotFound(String route, String user) {
        login(user);
        for (String id : new String[]{"abc", "99999999999999999999", "-1", "1e3"}) {
            UI.getCurrent().navigate(route.formatted(id));
            assertInstanceOf(NotFoundView.class, UI.getCurrent().getCurrentView(), route.formatted(id));
        }
    }

    @Test
    void aRecordThatDoesNotExistShowsNotFound() {
        login("secretary");
        UI.getCurrent().navigate("notices/999999999999999999");
        assertEquals("要找的记录不存在或已被删除", _get(Paragraph.class, spec -> spec.withId("server-error-message")).getText());
    }

    @Test
    void theBrowsersOwnMessagesAreTranslated() {
        CustomizedSystemMessages chinese = serviceInitListener.systemMessages(Locale.SIMPLIFIED_CHINESE);
        assertEquals("登录已结束", chinese.getSessionExpiredCaption());
        CustomizedSystemMessages english = serviceInitListener.systemMessages(Locale.ENGLISH);
        assertEquals("Session ended", english.getSessionExpiredCaption());
    }
}

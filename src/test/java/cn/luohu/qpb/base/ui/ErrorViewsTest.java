package cn.luohu.qpb.base.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.CustomizedSystemMessages;
import jakarta.annotation.security.PermitAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theBrowsersOwnMessagesAreTranslated() {
        CustomizedSystemMessages chinese = serviceInitListener.systemMessages(Locale.SIMPLIFIED_CHINESE);
        assertEquals("登录已结束", chinese.getSessionExpiredCaption());
        CustomizedSystemMessages english = serviceInitListener.systemMessages(Locale.ENGLISH);
        assertEquals("Session ended", english.getSessionExpiredCaption());
    }
}

package cn.luohu.qpb.base.security.ui;

import cn.luohu.qpb.home.ui.HomeView;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginViewTest extends KaribuTest {

    /** The texts the form shows, as the browser receives them. */
    private static String i18nOf(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    @Test
    void showsTheFormInChineseByDefault() {
        UI.getCurrent().navigate(LoginView.class);
        LoginForm form = _get(LoginForm.class, spec -> spec.withId("login-form"));
        assertFalse(form.isError());
        assertEquals("login", form.getAction());
        assertEquals("质量党建星级评定平台", _get(H1.class).getText());
        assertTrue(i18nOf(form).contains("\"username\":\"用户名\""), i18nOf(form));
    }

    @Test
    void aFailedLoginShowsOneMessageWhateverTheReason() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginForm form = _get(LoginForm.class, spec -> spec.withId("login-form"));
        assertTrue(form.isError());
        assertTrue(i18nOf(form).contains("或账户因连续 5 次登录失败已被锁定 15 分钟"), i18nOf(form));
    }

    @Test
    void aLoginTheDatabaseCouldNotAnswerAsksToTryAgainShortly() {
        UI.getCurrent().navigate("login", QueryParameters.of("unavailable", ""));
        LoginForm form = _get(LoginForm.class, spec -> spec.withId("login-form"));
        assertTrue(form.isError());
        assertTrue(i18nOf(form).contains("\"title\":\"暂时无法登录\""), i18nOf(form));
        assertTrue(i18nOf(form).contains("系统暂时连接不上数据库，请过几分钟再试"), i18nOf(form));
        assertFalse(i18nOf(form).contains("用户名或密码不正确"), i18nOf(form));
    }

    @Test
    void theVisitorCanSwitchToEnglish() {
        UI.getCurrent().navigate(LoginView.class);
        _click(_get(Button.class, spec -> spec.withId("login-language-en")));
        assertEquals(Locale.ENGLISH, VaadinSession.getCurrent().getLocale());
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(HomeView.class); // leaves and re-creates the view in the new language
        UI.getCurrent().navigate(LoginView.class);
        assertEquals("Quality Party Building Star Rating Portal", _get(H1.class).getText());
    }

    @Test
    void aLoggedInUserGoesStraightHome() {
        login("secretary");
        UI.getCurrent().navigate(LoginView.class);
        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
    }
}

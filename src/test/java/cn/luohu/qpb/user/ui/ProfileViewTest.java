package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.i18n.Language;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.home.ui.HomeView;
import cn.luohu.qpb.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithID;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileViewTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;
    @Autowired
    private AuditService audit;

    private String username;

    @BeforeEach
    void setUp() {
        username = data.user(data.branch(data.committee("资料测试党工委"), "资料测试支部"), Role.SECRETARY);
        login(username);
    }

    private TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private void save() {
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
    }

    private org.jooq.Record4<String, String, String, String> row() {
        return dsl.select(APP_USER.DISPLAY_NAME, APP_USER.PHONE, APP_USER.EMAIL, APP_USER.PREFERRED_LANGUAGE)
                .from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle();
    }

    @Test
    void theUserMenuLeadsHere() {
        UI.getCurrent().navigate(HomeView.class);
        _clickItemWithID(_get(MenuBar.class, spec -> spec.withId("user-menu")), "menu-profile");
        assertInstanceOf(ProfileView.class, UI.getCurrent().getCurrentView());
        assertEquals(username, field("profile-username").getValue());
        assertTrue(field("profile-username").isReadOnly());
        assertEquals("资料测试支部", field("profile-organization").getValue());
        assertEquals("支部书记", field("profile-roles").getValue());
    }

    @Test
    void aUserEditsHerOwnNamePhoneAndEmail() {
        UI.getCurrent().navigate(ProfileView.class);
        _setValue(field("profile-display-name"), "周丽华");
        _setValue(field("profile-phone"), "13700001111");
        _setValue(field("profile-email"), "zhoulh@example.com");
        save();

        var stored = row();
        assertEquals("周丽华", stored.value1());
        assertEquals("13700001111", stored.value2());
        assertEquals("zhoulh@example.com", stored.value3());
        NotificationsKt.expectNotifications("个人资料已保存");

        _setValue(field("profile-phone"), "");
        save();
        assertNull(row().value2(), "a cleared phone is removed");

        actAs(data.user(data.districtId(), Role.ADMIN));
        var event = audit.latestFor("user", username, 1).getFirst();
        assertEquals("PROFILE_UPDATED", event.action());
        assertEquals(username, event.actor());
        assertTrue(event.beforeJson().contains("\"phone\":\"13700001111\""), event.beforeJson());
    }

    @Test
    void problemsAreShownOnTheirFieldsInChinese() {
        UI.getCurrent().navigate(ProfileView.class);
        String before = row().value1();
        _setValue(field("profile-display-name"), " ");
        _setValue(field("profile-email"), "zhoulh-at-example");
        save();
        assertEquals("请填写姓名", field("profile-display-name").getErrorMessage());
        assertEquals("电子邮箱格式不正确，例如 zhangsan@example.com", field("profile-email").getErrorMessage());
        assertEquals(before, row().value1());
        assertTrue(_get(Button.class, spec -> spec.withId("profile-save")).isEnabled());
    }

    @Test
    void aChangeMadeMeanwhileIsNotOverwritten() {
        UI.getCurrent().navigate(ProfileView.class);
        dsl.update(APP_USER).set(APP_USER.DISPLAY_NAME, "管理员改的").set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.USERNAME.eq(username)).execute();
        _setValue(field("profile-display-name"), "我改的");
        save();
        assertTrue(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("profile-error"))
                .getText().contains("刚刚被他人修改过"));
        assertEquals("管理员改的", row().value1());
    }

    @Test
    void theLanguageChoiceIsStoredAndApplied() {
        UI.getCurrent().navigate(ProfileView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Language> language = _get(RadioButtonGroup.class, spec -> spec.withId("profile-language"));
        assertEquals(Language.ZH, language.getValue());
        _setValue(language, Language.EN);
        save();
        assertEquals("en", row().value4());
        assertEquals(Locale.ENGLISH, VaadinSession.getCurrent().getLocale());
    }

    @Autowired
    private org.springframework.security.core.session.SessionRegistry sessions;

    /**
     * Issue 11, item 2 (ASVS 3.3.4): her own sessions are listed with the one she uses marked, and she ends
     * another one from here. Sessions are registered as a login does; the current one is the request's.
     */
    @Test
    void herSessionsAreListedAndAnotherOneCanBeEnded() {
        var principal = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                .getPrincipal();
        String here = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes())
                .getRequest().getSession(true).getId();
        String elsewhere = cn.luohu.qpb.support.TestData.unique("other-device");
        sessions.registerNewSession(here, principal);
        sessions.registerNewSession(elsewhere, principal);
        UI.getCurrent().navigate(ProfileView.class);

        var list = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("profile-session-list"));
        assertEquals(2, list.getChildren().count());
        assertEquals("当前会话", _get(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("profile-session-current")).getText());
        Button end = _get(list, Button.class, spec -> spec.withText("结束"));
        _click(end);

        assertTrue(sessions.getSessionInformation(elsewhere).isExpired(), "ended on the server");
        assertFalse(sessions.getSessionInformation(here).isExpired(), "not the one she uses");
        assertEquals(1, list.getChildren().count());
        _assertNone(Button.class, spec -> spec.withId("profile-sessions-end-others"));
    }
}

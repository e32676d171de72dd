package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.home.ui.HomeView;
import cn.luohu.qpb.support.KaribuTest;
import cn.luohu.qpb.support.TestData;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangePasswordViewTest extends KaribuTest {

    @Autowired
    private UserDetailsService users;
    @Autowired
    private PasswordEncoder encoder;

    private String username;

    @BeforeEach
    void setUp() {
        username = data.user(data.branch(data.committee("改密测试党工委"), "改密测试支部"), Role.SECRETARY);
    }

    private PasswordField field(String id) {
        return _get(PasswordField.class, spec -> spec.withId(id));
    }

    private void submit(String current, String fresh, String confirmation) {
        _setValue(field("current-password"), current);
        _setValue(field("new-password"), fresh);
        _setValue(field("confirm-password"), confirmation);
        _click(_get(Button.class, spec -> spec.withId("change-password-submit")));
    }

    private boolean stored(String password) {
        return encoder.matches(password, users.loadUserByUsername(username).getPassword());
    }

    @Test
    void aTemporaryPasswordKeepsEveryOtherRouteClosedUntilChanged() {
        data.mustChangePassword(username);
        login(username);
        UI.getCurrent().navigate(HomeView.class);
        assertInstanceOf(ChangePasswordView.class, UI.getCurrent().getCurrentView());
        assertTrue(_get(Paragraph.class, spec -> spec.withId("password-forced-notice")).getText().contains("临时密码"));

        submit(TestData.PASSWORD, "my own new passphrase", "my own new passphrase");
        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
        assertTrue(stored("my own new passphrase"));
        UI.getCurrent().navigate(HomeView.class);
        assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void anOrdinaryUserSeesNoForcedNotice() {
        login(username);
        UI.getCurrent().navigate(ChangePasswordView.class);
        _assertNone(Paragraph.class, spec -> spec.withId("password-forced-notice"));
    }

    @Test
    void aWrongCurrentPasswordIsShownOnItsField() {
        login(username);
        UI.getCurrent().navigate(ChangePasswordView.class);
        submit("not my password", "my own new passphrase", "my own new passphrase");
        assertTrue(field("current-password").isInvalid());
        assertEquals("当前密码不正确", field("current-password").getErrorMessage());
        assertTrue(stored(TestData.PASSWORD));
    }

    @Test
    void aMismatchedConfirmationIsCaughtBeforeSaving() {
        login(username);
        UI.getCurrent().navigate(ChangePasswordView.class);
        submit(TestData.PASSWORD, "my own new passphrase", "my own new passphrasE");
        assertTrue(field("confirm-password").isInvalid());
        assertTrue(stored(TestData.PASSWORD));
    }

    @Test
    void policyRefusalsAreExplainedInChinese() {
        login(username);
        UI.getCurrent().navigate(ChangePasswordView.class);
        submit(TestData.PASSWORD, "short", "short");
        assertEquals("密码太短：至少需要 12 个字符", field("new-password").getErrorMessage());
        submit(TestData.PASSWORD, "password1234", "password1234");
        assertEquals("这个密码太常见，很容易被猜中，请换一个", field("new-password").getErrorMessage());
        assertFalse(field("current-password").isInvalid());
        assertTrue(stored(TestData.PASSWORD));
    }
}

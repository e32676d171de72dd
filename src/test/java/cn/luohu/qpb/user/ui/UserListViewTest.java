package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.support.KaribuTest;
import cn.luohu.qpb.support.TestData;
import cn.luohu.qpb.user.UserAdminService;
import cn.luohu.qpb.user.UserChanges;
import cn.luohu.qpb.user.UserSummary;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.TextField;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserListViewTest extends KaribuTest {

    @Autowired
    private UserAdminService users;
    @Autowired
    private OrganizationService organizations;
    @Autowired
    private AuditService audit;
    @Autowired
    private UserDetailsService userDetails;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private DSLContext dsl;

    private String admin;
    private long committeeId;
    private long branchId;

    @BeforeEach
    void setUp() {
        committeeId = data.committee("用户界面测试党工委");
        branchId = data.branch(committeeId, "用户界面测试支部");
        admin = data.user(data.districtId(), Role.ADMIN);
        login(admin);
        UI.getCurrent().navigate(UserListView.class);
    }

    private Grid<UserSummary> grid() {
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = _get(Grid.class, spec -> spec.withId("users-grid"));
        return grid;
    }

    private TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    /** Searches for exactly this user and clicks one of the items in its row's action menu. */
    private void rowAction(String username, String action) {
        _setValue(field("users-filter-text"), username);
        assertEquals(1, GridKt._size(grid()));
        MenuBar menu = (MenuBar) GridKt._getCellComponent(grid(), 0, "actions");
        ContextMenuKt._clickItemWithID(menu, "user-" + action + "-" + username);
    }

    private UserSummary stored(String username) {
        long id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
        return users.get(id);
    }

    @Test
    void searchAndFiltersNarrowTheLazyGrid() {
        String reviewer = data.user(committeeId, Role.REVIEWER);
        String secretary = data.user(branchId, Role.SECRETARY);
        assertTrue(GridKt._size(grid()) > 150, "the demo district and more");

        OrganizationSummary committee = organizations.get(committeeId);
        _setValue(combo("users-filter-organization"), committee);
        assertEquals(2, GridKt._size(grid()));
        assertEquals("共 2 个用户", _get(Span.class, spec -> spec.withId("users-count")).getText());

        _setValue(combo("users-filter-role"), Role.REVIEWER);
        assertEquals(1, GridKt._size(grid()));
        UserSummary row = GridKt._get(grid(), 0);
        assertEquals(reviewer, row.username());

        _setValue(combo("users-filter-role"), null);
        _setValue(field("users-filter-text"), secretary);
        assertEquals(secretary, GridKt._get(grid(), 0).username());
        _setValue(combo("users-filter-enabled"), Boolean.FALSE);
        assertEquals(0, GridKt._size(grid()));
        _setValue(combo("users-filter-enabled"), Boolean.TRUE);
        _setValue(combo("users-filter-locked"), Boolean.FALSE);
        assertEquals(1, GridKt._size(grid()));
        _setValue(combo("users-filter-locked"), Boolean.TRUE);
        assertEquals(0, GridKt._size(grid()));
        assertEquals("共 0 个用户", _get(Span.class, spec -> spec.withId("users-count")).getText());
    }

    @Test
    void administratorsFindTheViewInTheSideNavigation() {
        List<String> items = _get(com.vaadin.flow.component.sidenav.SideNav.class, spec -> spec.withId("side-nav"))
                .getItems().stream().map(com.vaadin.flow.component.sidenav.SideNavItem::getLabel).toList();
        assertTrue(items.contains("用户管理"), items.toString());
        assertEquals("用户管理 · 质量党建星级评定平台", UI.getCurrent().getInternals().getTitle());
    }

    @Test
    void theOrganisationFilterFindsOrganisationsAsYouType() {
        ComboBox<OrganizationSummary> picker = combo("users-filter-organization");
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(picker, "用户界面测试支部");
        List<String> suggestions = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions(picker);
        assertFalse(suggestions.isEmpty());
        assertTrue(suggestions.stream().allMatch(label -> label.endsWith("用户界面测试支部")), suggestions.toString());
    }

    @Test
    void aPastedNameOverTheLimitIsRefusedOnItsFieldAndKeptWhole() {
        _click(_get(Button.class, spec -> spec.withId("users-create")));
        String username = TestData.unique("ui-long");
        _setValue(field("editor-username"), username);
        String pasted = "陈".repeat(101);
        _setValue(field("editor-display-name"), pasted);
        assertEquals("101 / 100 字", field("editor-display-name").getHelperText());
        _setValue(combo("editor-organization"), organizations.get(branchId));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("editor-roles"));
        _setValue(roles, Set.of(Role.SECRETARY));
        _click(_get(Button.class, spec -> spec.withId("editor-save")));

        assertTrue(field("editor-display-name").isInvalid());
        assertEquals("最多 100 个字，现有 101 个字：请删减后再保存（不会自动截断）", field("editor-display-name").getErrorMessage());
        assertEquals(pasted, field("editor-display-name").getValue(), "nothing is cut");
        assertEquals(0, dsl.fetchCount(APP_USER, APP_USER.USERNAME.eq(username)), "nothing was saved");
    }

    @Test
    void anAdministratorCreatesAUserAndSeesTheOneTimePasswordOnce() {
        _click(_get(Button.class, spec -> spec.withId("users-create")));
        String username = TestData.unique("ui-new");
        _setValue(field("editor-username"), username);
        _setValue(field("editor-display-name"), "陈建国");
        _setValue(combo("editor-organization"), organizations.get(branchId));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("editor-roles"));
        _setValue(roles, Set.of(Role.SECRETARY));
        _setValue(field("editor-phone"), "13912345678");
        _click(_get(Button.class, spec -> spec.withId("editor-save")));

        _assertNone(TextField.class, spec -> spec.withId("editor-username"));
        String password = _get(Span.class, spec -> spec.withId("otp-value")).getText();
        assertTrue(encoder.matches(password, userDetails.loadUserByUsername(username).getPassword()));
        assertTrue(_get(Paragraph.class, spec -> spec.withId("otp-note")).getText().contains("只显示这一次"));
        UserSummary created = stored(username);
        assertEquals("陈建国", created.displayName());
        assertTrue(created.mustChangePassword());
        assertEquals("USER_CREATED", audit.latestFor("user", username, 1).getFirst().action());

        var dialog = _get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("otp-dialog"));
        assertFalse(dialog.isCloseOnEsc() || dialog.isCloseOnOutsideClick(), "only the button closes it");
        _click(_get(Button.class, spec -> spec.withId("otp-close")));
        _assertNone(Span.class, spec -> spec.withId("otp-value"));
    }

    @Test
    void theEditorExplainsEveryProblemOnItsFieldInChinese() {
        _click(_get(Button.class, spec -> spec.withId("users-create")));
        _setValue(field("editor-username"), "张 三");
        _setValue(field("editor-email"), "not-an-address");
        _click(_get(Button.class, spec -> spec.withId("editor-save")));

        assertEquals("用户名只能包含英文字母、数字、点、下划线和连字符，且须以字母或数字开头",
                field("editor-username").getErrorMessage());
        assertEquals("请填写姓名", field("editor-display-name").getErrorMessage());
        assertEquals("请选择所属组织", combo("editor-organization").getErrorMessage());
        assertTrue(_get(CheckboxGroup.class, spec -> spec.withId("editor-roles")).isInvalid());
        assertTrue(field("editor-email").isInvalid());
        assertTrue(_get(Button.class, spec -> spec.withId("editor-save")).isEnabled(), "ready for another try");

        String username = TestData.unique("ui-place");
        _setValue(field("editor-username"), username);
        _setValue(field("editor-display-name"), "陈建国");
        _setValue(field("editor-email"), "");
        _setValue(combo("editor-organization"), organizations.get(committeeId));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("editor-roles"));
        _setValue(roles, Set.of(Role.SECRETARY));
        _click(_get(Button.class, spec -> spec.withId("editor-save")));
        assertEquals("“用户界面测试党工委”不是参评党组织：支部书记只能属于社区党委或党支部",
                combo("editor-organization").getErrorMessage());
        assertFalse(field("editor-username").isInvalid());
        assertEquals(0, dsl.fetchCount(APP_USER, APP_USER.USERNAME.eq(username)));
    }

    @Test
    void anAdministratorEditsAUser() {
        String username = data.user(branchId, Role.SECRETARY);
        rowAction(username, "edit");
        assertEquals(username, field("editor-username").getValue());
        assertTrue(field("editor-username").isReadOnly());
        assertEquals(branchId, this.<OrganizationSummary>combo("editor-organization").getValue().id());

        _setValue(field("editor-display-name"), "刘红（已改）");
        _setValue(field("editor-email"), "liuhong@example.com");
        _click(_get(Button.class, spec -> spec.withId("editor-save")));

        UserSummary saved = stored(username);
        assertEquals("刘红（已改）", saved.displayName());
        assertEquals("liuhong@example.com", saved.email());
        NotificationsKt.expectNotifications("已保存 刘红（已改） 的信息");
        assertEquals("USER_UPDATED", audit.latestFor("user", username, 1).getFirst().action());
    }

    @Test
    void aStaleEditIsRefusedWithAClearMessage() {
        String username = data.user(branchId, Role.SECRETARY);
        rowAction(username, "edit");
        UserSummary meanwhile = stored(username);
        users.update(meanwhile.id(), new UserChanges("另一位管理员改的", branchId, EnumSet.of(Role.SECRETARY), null,
                null, meanwhile.version()));

        _setValue(field("editor-display-name"), "我改的");
        _click(_get(Button.class, spec -> spec.withId("editor-save")));

        Paragraph error = _get(Paragraph.class, spec -> spec.withId("editor-error"));
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("用户 " + username + " 的信息刚刚被他人修改过"), error.getText());
        assertEquals("另一位管理员改的", stored(username).displayName());
    }

    @Test
    void disablingAsksFirstAndEnablingUndoesIt() {
        String username = data.user(branchId, Role.SECRETARY);
        rowAction(username, "disable");
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("user-disable-confirm"));
        assertTrue(ConfirmDialogKt.getText(confirm).contains(username));
        assertTrue(stored(username).enabled(), "nothing happens before the confirmation");
        ConfirmDialogKt._fireConfirm(confirm);
        assertFalse(stored(username).enabled());
        assertEquals("USER_DISABLED", audit.latestFor("user", username, 1).getFirst().action());

        NotificationsKt.clearNotifications();
        rowAction(username, "enable");
        assertTrue(stored(username).enabled());
        assertEquals("USER_ENABLED", audit.latestFor("user", username, 1).getFirst().action());
    }

    @Test
    void anAdministratorCannotDisableHimselfAndIsToldWhy() {
        rowAction(admin, "disable");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("user-disable-confirm")));
        NotificationsKt.expectNotifications("不能停用自己的账户");
        assertTrue(stored(admin).enabled());
    }

    @Test
    void aLockedUserCanBeUnlocked() {
        String username = data.user(branchId, Role.SECRETARY);
        String other = data.user(branchId, Role.SECRETARY);
        dsl.update(APP_USER).set(APP_USER.LOCKED_UNTIL, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).plusMinutes(15))
                .where(APP_USER.USERNAME.eq(username)).execute();

        _setValue(field("users-filter-text"), other);
        MenuBar unlocked = (MenuBar) GridKt._getCellComponent(grid(), 0, "actions");
        List<String> items = unlocked.getItems().getFirst().getSubMenu().getItems().stream()
                .map(item -> item.getId().orElse("")).toList();
        assertEquals(List.of("user-edit-" + other, "user-disable-" + other, "user-reset-" + other), items,
                "unlock is offered for locked users only");

        rowAction(username, "unlock");
        assertFalse(stored(username).locked());
        assertEquals("USER_UNLOCKED", audit.latestFor("user", username, 1).getFirst().action());
    }

    @Test
    void aPasswordResetAsksFirstThenShowsTheNewPasswordOnce() {
        String username = data.user(branchId, Role.SECRETARY);
        rowAction(username, "reset");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("user-reset-confirm")));

        String password = _get(Span.class, spec -> spec.withId("otp-value")).getText();
        assertTrue(encoder.matches(password, userDetails.loadUserByUsername(username).getPassword()));
        assertTrue(stored(username).mustChangePassword());
        assertEquals("PASSWORD_RESET", audit.latestFor("user", username, 1).getFirst().action());
    }
}

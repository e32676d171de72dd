package cn.luohu.qpb.base.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.i18n.Language;
import cn.luohu.qpb.notification.NotificationService;
import cn.luohu.qpb.user.SessionInfo;
import cn.luohu.qpb.user.UserAccountService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * The shell around every logged-in view: the side navigation shows only the views the user's roles
 * may open; the header shows the user's organisation, the notification bell with the unread count (counted
 * again at every navigation and when notifications are marked read) and a menu for language, profile,
 * password and logout.
 */
@Layout
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** The route of the change-password view, opened from the user menu. */
    public static final String CHANGE_PASSWORD_ROUTE = "change-password";
    /** The route of the profile view (display name, phone, e-mail, language), opened from the user menu. */
    public static final String PROFILE_ROUTE = "profile";
    /** The route of the notifications view, opened by the bell. */
    public static final String NOTIFICATIONS_ROUTE = "notifications";

    private final transient UserAccountService accounts;
    private final transient NotificationService notifications;
    private final transient AuthenticationContext authenticationContext;
    private final Button bell = new Button(new Icon(VaadinIcon.BELL));
    private final Span unread = new Span();

    public MainLayout(UserAccountService accounts, NotificationService notifications,
                      AuthenticationContext authenticationContext) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.authenticationContext = authenticationContext;
        SessionInfo me = accounts.sessionInfo();
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header(me));
        addToDrawer(brand(), navigation());
    }

    private HorizontalLayout header(SessionInfo me) {
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("qpb-header-title");
        Span organization = new Span(me.organizationName());
        organization.setId("header-organization");
        organization.addClassName("qpb-header-org");
        HorizontalLayout header = new HorizontalLayout(title, organization, bell(), userMenu(me));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(organization);
        header.addClassName("qpb-header");
        return header;
    }

    private Button bell() {
        bell.setId("notification-bell");
        bell.addClassName("qpb-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        unread.setId("notification-count");
        unread.addClassName("qpb-bell-count");
        bell.setSuffixComponent(unread);
        bell.addClickListener(click -> UI.getCurrent().navigate(NOTIFICATIONS_ROUTE));
        return bell;
    }

    /** Shows the current number of unread notifications on the bell. */
    public void refreshUnreadCount() {
        int count = notifications.unreadCount();
        unread.setText(count > 99 ? "99+" : String.valueOf(count));
        unread.setVisible(count > 0);
        String label = getTranslation("notification.bell", count);
        bell.setAriaLabel(label);
        bell.setTooltipText(label);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshUnreadCount();
    }

    private MenuBar userMenu(SessionInfo me) {
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        MenuItem user = menu.addItem(new Span(new Icon(VaadinIcon.USER), new Span(me.displayName())));
        SubMenu items = user.getSubMenu();
        SubMenu languages = items.addItem(getTranslation("user.menu.language")).getSubMenu();
        for (Language language : Language.values()) {
            MenuItem item = languages.addItem(getTranslation("language." + language.code()),
                    click -> switchLanguage(language));
            item.setId("language-" + language.code());
            item.setCheckable(true);
            item.setChecked(Language.of(getLocale()) == language);
        }
        items.addItem(getTranslation("user.menu.profile"),
                click -> UI.getCurrent().navigate(PROFILE_ROUTE)).setId("menu-profile");
        items.addItem(getTranslation("user.menu.change-password"),
                click -> UI.getCurrent().navigate(CHANGE_PASSWORD_ROUTE)).setId("menu-change-password");
        items.addItem(getTranslation("user.menu.logout"), click -> authenticationContext.logout())
                .setId("menu-logout");
        return menu;
    }

    private void switchLanguage(Language language) {
        accounts.changeLanguage(language);
        VaadinSession.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().reload();
    }

    private Div brand() {
        Div brand = new Div(new Span("☭"), new Span(getTranslation("app.short-title")));
        brand.addClassName("qpb-brand");
        return brand;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
            }
            nav.addItem(item);
        }
        return nav;
    }
}

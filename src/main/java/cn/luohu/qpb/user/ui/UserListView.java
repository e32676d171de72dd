package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.user.UserAdminService;
import cn.luohu.qpb.user.UserFilter;
import cn.luohu.qpb.user.UserSort;
import cn.luohu.qpb.user.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Administrators manage every account here: a lazy grid (paged, sorted and filtered in SQL) with search
 * and filters, and per row edit, disable or enable, unlock and password reset.
 */
@Route(UserListView.ROUTE)
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.users", order = 20, icon = "vaadin:users")
public class UserListView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "admin/users";

    private final transient UserAdminService users;
    private final transient OrganizationService organizations;
    private final TextField text = new TextField();
    private final ComboBox<Role> role = new ComboBox<>();
    private final ComboBox<OrganizationSummary> organization;
    private final ComboBox<Boolean> enabled = new ComboBox<>();
    private final ComboBox<Boolean> locked = new ComboBox<>();
    private final Span count = new Span();
    private final Grid<UserSummary> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<UserSummary, Void, UserFilter> dataProvider;

    public UserListView(UserAdminService users, OrganizationService organizations) {
        this.users = users;
        this.organizations = organizations;
        this.organization = OrganizationPicker.create(organizations, false);
        addClassName("qpb-page");
        setSizeFull();
        add(new H2(getTranslation("user.admin.title")));

        dataProvider = DataProvider.<UserSummary, UserFilter>fromFilteringCallbacks(
                query -> users.find(filterOf(query), query.getOffset(), query.getLimit(), sortsOf(query)).stream(),
                query -> users.count(filterOf(query))).withConfigurableFilter();
        dataProvider.setFilter(UserFilter.none());

        add(filters(), toolbar());
        configureGrid();
        add(grid);
        updateCount();
    }

    private FlexLayout filters() {
        text.setId("users-filter-text");
        text.setPlaceholder(getTranslation("user.filter.text"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(100);
        role.setId("users-filter-role");
        role.setPlaceholder(getTranslation("user.field.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setClearButtonVisible(true);
        organization.setId("users-filter-organization");
        organization.setPlaceholder(getTranslation("user.filter.organization"));
        enabled.setId("users-filter-enabled");
        enabled.setPlaceholder(getTranslation("user.filter.enabled"));
        enabled.setItems(Boolean.TRUE, Boolean.FALSE);
        enabled.setItemLabelGenerator(on -> getTranslation(on ? "user.status.enabled" : "user.status.disabled"));
        enabled.setClearButtonVisible(true);
        locked.setId("users-filter-locked");
        locked.setPlaceholder(getTranslation("user.filter.locked"));
        locked.setItems(Boolean.TRUE, Boolean.FALSE);
        locked.setItemLabelGenerator(on -> getTranslation(on ? "user.status.locked" : "user.status.not-locked"));
        locked.setClearButtonVisible(true);
        text.addValueChangeListener(e -> applyFilter());
        role.addValueChangeListener(e -> applyFilter());
        organization.addValueChangeListener(e -> applyFilter());
        enabled.addValueChangeListener(e -> applyFilter());
        locked.addValueChangeListener(e -> applyFilter());
        FlexLayout filters = new FlexLayout(text, role, organization, enabled, locked);
        filters.addClassName("qpb-filters");
        return filters;
    }

    private FlexLayout toolbar() {
        count.setId("users-count");
        count.addClassName("qpb-count");
        Button create = new Button(getTranslation("user.admin.create"), VaadinIcon.PLUS.create(), click -> openCreate());
        create.setId("users-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout toolbar = new FlexLayout(count, create);
        toolbar.addClassName("qpb-toolbar");
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(UserSummary::username).setHeader(getTranslation("user.field.username"))
                .setKey(UserSort.Column.USERNAME.name()).setSortable(true).setAutoWidth(true).setFrozen(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("user.field.display-name"))
                .setKey(UserSort.Column.DISPLAY_NAME.name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(UserSummary::organizationName).setHeader(getTranslation("user.field.organization"))
                .setKey(UserSort.Column.ORGANIZATION.name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(this::roleLabels).setHeader(getTranslation("user.field.roles")).setKey("roles")
                .setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader(getTranslation("user.field.status")).setKey("status")
                .setAutoWidth(true);
        grid.addColumn(UserSummary::phone).setHeader(getTranslation("user.field.phone")).setKey("phone")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("user.field.actions")).setKey("actions")
                .setWidth("7rem").setFlexGrow(0).setFrozenToEnd(true); // auto width is measured before the menu renders
        grid.addItemDoubleClickListener(event -> openEdit(event.getItem()));
        grid.setItems(dataProvider);
        grid.setMinHeight("24rem");
        setFlexGrow(1, grid);
    }

    String roleLabels(UserSummary user) {
        return user.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining("、"));
    }

    private Component status(UserSummary user) {
        Div badges = new Div();
        badges.addClassName("qpb-badges");
        badges.add(badge(user.enabled() ? "user.status.enabled" : "user.status.disabled",
                user.enabled() ? "qpb-badge-ok" : "qpb-badge-off"));
        if (user.locked()) {
            badges.add(badge("user.status.locked", "qpb-badge-warn"));
        }
        if (user.mustChangePassword()) {
            badges.add(badge("user.status.must-change", "qpb-badge-info"));
        }
        return badges;
    }

    private Span badge(String key, String style) {
        Span badge = new Span(getTranslation(key));
        badge.addClassNames("qpb-badge", style);
        return badge;
    }

    private MenuBar actions(UserSummary user) {
        MenuBar menu = new MenuBar();
        menu.setId("user-actions-" + user.username());
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        MenuItem root = menu.addItem(getTranslation("user.action.menu"));
        SubMenu items = root.getSubMenu();
        items.addItem(getTranslation("user.action.edit"), click -> openEdit(user))
                .setId("user-edit-" + user.username());
        if (user.enabled()) {
            items.addItem(getTranslation("user.action.disable"), click -> confirmDisable(user))
                    .setId("user-disable-" + user.username());
        } else {
            items.addItem(getTranslation("user.action.enable"), click -> run(() -> users.enable(user.id()),
                    "user.action.enabled", user)).setId("user-enable-" + user.username());
        }
        if (user.locked()) {
            items.addItem(getTranslation("user.action.unlock"), click -> run(() -> users.unlock(user.id()),
                    "user.action.unlocked", user)).setId("user-unlock-" + user.username());
        }
        items.addItem(getTranslation("user.action.reset-password"), click -> confirmReset(user))
                .setId("user-reset-" + user.username());
        return menu;
    }

    private void openCreate() {
        new UserEditorDialog(users, organizations, null, saved -> {
            refresh();
            new OneTimePasswordDialog(saved.username(), saved.displayName(), saved.oneTimePassword()).open();
        }).open();
    }

    private void openEdit(UserSummary user) {
        UserSummary fresh;
        try {
            fresh = users.get(user.id()); // the current version, not the one the grid loaded a while ago
        } catch (PortalException refusal) {
            PortalErrorHandler.showError(UI.getCurrent(), refusal);
            refresh();
            return;
        }
        new UserEditorDialog(users, organizations, fresh, saved -> {
            refresh();
            notifySuccess(getTranslation("user.action.saved", saved.displayName()));
        }).open();
    }

    private void confirmDisable(UserSummary user) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("user.disable.title"),
                getTranslation("user.disable.text", user.displayName(), user.username()),
                getTranslation("user.disable.confirm"),
                event -> run(() -> users.disable(user.id()), "user.action.disabled", user));
        confirm.setId("user-disable-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("user.editor.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void confirmReset(UserSummary user) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("user.reset.title"),
                getTranslation("user.reset.text", user.displayName(), user.username()),
                getTranslation("user.reset.confirm"),
                event -> {
                    try {
                        String password = users.resetPassword(user.id());
                        refresh();
                        new OneTimePasswordDialog(user.username(), user.displayName(), password).open();
                    } catch (PortalException refusal) {
                        PortalErrorHandler.showError(UI.getCurrent(), refusal);
                    }
                });
        confirm.setId("user-reset-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("user.editor.cancel"));
        confirm.open();
    }

    /** Runs a change; shows its success, or the refusal in the administrator's words. */
    private void run(Runnable change, String successKey, UserSummary user) {
        try {
            change.run();
            notifySuccess(getTranslation(successKey, user.displayName()));
        } catch (PortalException refusal) {
            PortalErrorHandler.showError(UI.getCurrent(), refusal);
        }
        refresh();
    }

    private void notifySuccess(String message) {
        SuccessToast.show(message, "users-success");
    }

    private void refresh() {
        dataProvider.refreshAll();
        updateCount();
    }

    private void applyFilter() {
        dataProvider.setFilter(currentFilter());
        updateCount();
    }

    private UserFilter currentFilter() {
        return new UserFilter(text.getValue(), role.getValue(),
                organization.getValue() == null ? null : organization.getValue().id(), enabled.getValue(),
                locked.getValue());
    }

    private void updateCount() {
        count.setText(getTranslation("user.admin.count", users.count(currentFilter())));
    }

    private static UserFilter filterOf(Query<UserSummary, UserFilter> query) {
        return query.getFilter().orElse(UserFilter.none());
    }

    private static List<UserSort> sortsOf(Query<UserSummary, UserFilter> query) {
        return query.getSortOrders().stream()
                .map(order -> new UserSort(UserSort.Column.valueOf(order.getSorted()),
                        order.getDirection() == SortDirection.ASCENDING))
                .toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " · " + getTranslation("app.title");
    }
}

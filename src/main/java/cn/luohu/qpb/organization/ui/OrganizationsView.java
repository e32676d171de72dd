package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.organization.OrganizationAdminService;
import cn.luohu.qpb.organization.OrganizationFilter;
import cn.luohu.qpb.organization.OrganizationNode;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The organisation tree, loaded level by level as it is opened; with a search or filter it shows the
 * matches as a flat list. Administrators create, edit, move, deactivate and reactivate from here;
 * district staff see the whole tree, reviewers their committee's subtree.
 */
@Route("organisations")
@RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
@Menu(title = "nav.organisations", order = 10, icon = "vaadin:sitemap")
public class OrganizationsView extends VerticalLayout implements HasDynamicTitle {

    private final transient OrganizationService organizations;
    private final transient OrganizationAdminService admin;
    private final TreeGrid<OrganizationNode> tree = new TreeGrid<>();
    private OrganizationFilter filter = OrganizationFilter.none();
    private final TreeProvider provider = new TreeProvider();

    public OrganizationsView(OrganizationService organizations, OrganizationAdminService admin, CurrentUser currentUser) {
        this.organizations = organizations;
        this.admin = admin;
        addClassName("qpb-page");
        setSizeFull();
        add(new H2(getTranslation("nav.organisations")),
                new OrganizationFilterBar("org-filter", organizations.committees(), this::applyFilter));
        if (currentUser.has(Role.ADMIN)) {
            add(adminActions());
        }
        configureTree();
        add(tree);
    }

    private FlexLayout adminActions() {
        Button create = new Button(getTranslation("org.action.create"), VaadinIcon.PLUS.create(), click -> openCreate());
        create.setId("org-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button edit = new Button(getTranslation("org.action.edit"), VaadinIcon.EDIT.create(),
                click -> selected().ifPresent(this::openEdit));
        edit.setId("org-edit");
        Button move = new Button(getTranslation("org.action.move"), VaadinIcon.ARROWS.create(),
                click -> selected().ifPresent(this::openMove));
        move.setId("org-move");
        Button toggle = new Button(getTranslation("org.action.toggle-active"), VaadinIcon.POWER_OFF.create(),
                click -> selected().ifPresent(this::confirmToggleActive));
        toggle.setId("org-toggle-active");
        List<Button> needSelection = List.of(edit, move, toggle);
        needSelection.forEach(b -> b.setEnabled(false));
        tree.addSelectionListener(e -> needSelection.forEach(b -> b.setEnabled(e.getFirstSelectedItem().isPresent())));
        FlexLayout actions = new FlexLayout(create, edit, move, toggle);
        actions.addClassName("qpb-filters");
        return actions;
    }

    private void configureTree() {
        tree.setId("org-tree");
        tree.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        tree.addHierarchyColumn(n -> n.organization().shortName()).setHeader(getTranslation("org.field.name"))
                .setAutoWidth(true).setFlexGrow(3);
        tree.addColumn(n -> n.organization().code()).setHeader(getTranslation("org.field.code")).setAutoWidth(true);
        tree.addColumn(n -> Labels.of(this, "org.kind", n.organization().kind())).setHeader(getTranslation("org.field.kind"))
                .setAutoWidth(true);
        tree.addColumn(n -> Labels.of(this, "org.category", n.organization().category()))
                .setHeader(getTranslation("org.field.category")).setAutoWidth(true);
        tree.addComponentColumn(n -> n.organization().kind().isAssessed() ? new Stars(n.organization().currentStar()) : new Span())
                .setHeader(getTranslation("org.field.star")).setAutoWidth(true);
        tree.addColumn(n -> n.organization().memberCount()).setHeader(getTranslation("org.field.members")).setAutoWidth(true);
        tree.addColumn(n -> getTranslation(n.organization().active() ? "org.status.active" : "org.status.inactive"))
                .setHeader(getTranslation("org.field.status")).setAutoWidth(true);
        tree.addComponentColumn(n -> {
            Button open = new Button(getTranslation("org.action.open"),
                    click -> UI.getCurrent().navigate(OrganizationDetailView.class, OrganizationDetailView.parameters(n.organization().code())));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        tree.setDataProvider(provider);
        tree.expand(organizations.children(null, 0, 1)); // the top level open: its committees are what people look for
        tree.setSizeFull();
    }

    private void applyFilter(OrganizationFilter changed) {
        filter = changed;
        provider.refreshAll();
    }

    private Optional<OrganizationNode> selected() {
        return tree.getSelectedItems().stream().findFirst();
    }

    private void openCreate() {
        OrganizationSummary parent = selected().map(OrganizationNode::organization).orElse(null);
        new OrganizationEditorDialog(admin, organizations, parent, null, this::changed).open();
    }

    private void openEdit(OrganizationNode node) {
        new OrganizationEditorDialog(admin, organizations, null, node.organization(), this::changed).open();
    }

    private void openMove(OrganizationNode node) {
        new MoveOrganizationDialog(admin, organizations, node.organization(), this::changed).open();
    }

    private void confirmToggleActive(OrganizationNode node) {
        OrganizationSummary org = node.organization();
        boolean deactivating = org.active();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("org-toggle-confirm");
        confirm.setHeader(getTranslation(deactivating ? "org.deactivate.title" : "org.reactivate.title", org.name()));
        confirm.setText(getTranslation(deactivating ? "org.deactivate.text" : "org.reactivate.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation(deactivating ? "org.action.deactivate" : "org.action.reactivate"));
        confirm.addConfirmListener(e -> {
            try {
                int version = admin.editable(org.id()).version();
                if (deactivating) {
                    admin.deactivate(org.id(), version);
                } else {
                    admin.reactivate(org.id(), version);
                }
                changed(getTranslation(deactivating ? "org.deactivated" : "org.reactivated", org.name()));
            } catch (cn.luohu.qpb.base.PortalException refusal) {
                PortalErrorHandler.showError(UI.getCurrent(), refusal);
            }
        });
        confirm.open();
    }

    private void changed(String message) {
        provider.refreshAll();
        tree.deselectAll();
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.organisations") + " · " + getTranslation("app.title");
    }

    /** Levels come from the service as they are opened; with a filter, the matches as one flat level. */
    private final class TreeProvider extends AbstractBackEndHierarchicalDataProvider<OrganizationNode, Void> {

        @Override
        protected Stream<OrganizationNode> fetchChildrenFromBackEnd(HierarchicalQuery<OrganizationNode, Void> query) {
            if (filter.isActive()) {
                return query.getParent() != null ? Stream.empty()
                        : organizations.findVisibleNodes(filter, query.getOffset(), query.getLimit(), List.of()).stream();
            }
            Long parentId = query.getParent() == null ? null : query.getParent().organization().id();
            return organizations.children(parentId, query.getOffset(), query.getLimit()).stream();
        }

        @Override
        public int getChildCount(HierarchicalQuery<OrganizationNode, Void> query) {
            if (filter.isActive()) {
                return query.getParent() != null ? 0 : organizations.countVisible(filter);
            }
            return organizations.countChildren(query.getParent() == null ? null : query.getParent().organization().id());
        }

        @Override
        public boolean hasChildren(OrganizationNode item) {
            return !filter.isActive() && item.hasChildren();
        }

        @Override
        public Object getId(OrganizationNode item) {
            return item.organization().id(); // expansion and selection survive a refresh
        }
    }
}

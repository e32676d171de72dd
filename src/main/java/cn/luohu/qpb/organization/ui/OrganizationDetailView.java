package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.organization.OrganizationDetail;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.organization.StarRevocationService;
import cn.luohu.qpb.organization.UserOfOrganization;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import java.util.stream.Collectors;

/**
 * One organisation, at its own address: its data, its secretary, its star history and its accounts.
 * District staff can revoke its star (摘星) here.
 */
@Route("organisations/:code")
@RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
public class OrganizationDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient OrganizationService organizations;
    private final transient StarRevocationService revocations;
    private final transient DisplayZone zone;
    private final transient CurrentUser currentUser;
    private String title = "";

    public OrganizationDetailView(OrganizationService organizations, StarRevocationService revocations, CurrentUser currentUser,
                                  DisplayZone zone) {
        this.organizations = organizations;
        this.revocations = revocations;
        this.zone = zone;
        this.currentUser = currentUser;
        addClassName("qpb-page");
    }

    /** The address parameters of an organisation's page. */
    public static RouteParameters parameters(String code) {
        return new RouteParameters("code", code);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        // a code outside the caller's scope is refused by the service, and shown by the error view
        OrganizationDetail detail = organizations.detail(code);
        show(detail);
    }

    private void show(OrganizationDetail detail) {
        removeAll();
        OrganizationSummary org = detail.organization();
        title = org.shortName();
        H2 name = new H2(org.name());
        name.setId("org-detail-name");
        Div card = new Div();
        card.setId("org-detail-card");
        card.addClassName("qpb-card");
        card.add(new LabeledValue(getTranslation("org.field.code"), org.code()),
                new LabeledValue(getTranslation("org.field.kind"), Labels.of(this, "org.kind", org.kind())),
                new LabeledValue(getTranslation("org.field.category"), Labels.of(this, "org.category", org.category())),
                new LabeledValue(getTranslation("org.field.region"), Labels.of(this, "org.region", org.regionalSystem())),
                new LabeledValue(getTranslation("org.field.parent"), parentLink(detail)),
                new LabeledValue(getTranslation("org.field.committee"), org.committeeShortName()),
                new LabeledValue(getTranslation("org.field.secretary"), org.secretaryName()),
                new LabeledValue(getTranslation("org.field.members"), String.valueOf(org.memberCount())),
                new LabeledValue(getTranslation("org.field.contact"), org.contact()),
                new LabeledValue(getTranslation("org.field.status"), getTranslation(org.active() ? "org.status.active" : "org.status.inactive")));
        if (org.kind().isAssessed()) {
            card.add(new LabeledValue(getTranslation("org.field.star"), new Stars(org.currentStar())));
        }
        add(name, card);
        if (currentUser.require().has(Role.APPROVER) && org.kind().isAssessed() && org.currentStar() > 0) {
            Button revoke = new Button(getTranslation("star.revoke"),
                    click -> new RevokeStarDialog(revocations, org, () -> show(organizations.detail(org.code()))).open());
            revoke.setId("org-detail-revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(revoke);
        }

        if (org.kind().isAssessed()) {
            add(new H3(getTranslation("home.secretary.history")));
            StarHistoryGrid history = new StarHistoryGrid(detail.history(), zone);
            history.setId("org-detail-history");
            add(history);
        }

        add(new H3(getTranslation("org.detail.users")));
        Grid<UserOfOrganization> users = new Grid<>();
        users.setId("org-detail-users");
        users.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        users.setAllRowsVisible(true);
        users.addColumn(UserOfOrganization::username).setHeader(getTranslation("org.detail.username")).setAutoWidth(true);
        users.addColumn(UserOfOrganization::displayName).setHeader(getTranslation("org.detail.display-name")).setAutoWidth(true);
        users.addColumn(u -> u.roles().stream().map(r -> getTranslation("role." + r)).collect(Collectors.joining("、")))
                .setHeader(getTranslation("org.detail.roles")).setAutoWidth(true);
        users.addColumn(u -> getTranslation(u.enabled() ? "org.detail.enabled" : "org.detail.disabled"))
                .setHeader(getTranslation("org.field.status")).setAutoWidth(true);
        users.setItems(detail.users());
        add(users);
    }

    private Component parentLink(OrganizationDetail detail) {
        if (detail.parentCode() == null) {
            return new Span();
        }
        String href = RouteConfiguration.forSessionScope().getUrl(OrganizationDetailView.class, parameters(detail.parentCode()));
        Anchor parent = new Anchor(href, detail.parentName());
        parent.setId("org-detail-parent");
        return parent;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}

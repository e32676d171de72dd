package cn.luohu.qpb.home.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.user.UserAccountService;
import cn.luohu.qpb.user.UserCounts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.Map;

/** Administrators: how many accounts and organisations the portal holds. */
class AdminPanel extends VerticalLayout {

    AdminPanel(OrganizationService organizations, UserAccountService accounts) {
        setId("home-admin");
        setPadding(false);
        add(new H3(getTranslation("home.admin.title")));
        UserCounts users = accounts.counts();
        Map<OrgKind, Integer> orgs = organizations.countActiveByKind();
        int orgTotal = orgs.values().stream().mapToInt(Integer::intValue).sum();

        FlexLayout tiles = new FlexLayout();
        tiles.addClassName("qpb-tiles");
        tiles.add(tile("admin-user-count", "home.admin.users", users.total()),
                tile("admin-org-count", "home.admin.organizations", orgTotal),
                tile("admin-locked-count", "home.admin.locked", users.locked()),
                tile("admin-disabled-count", "home.admin.disabled", users.disabled()));
        for (Role role : Role.values()) {
            tiles.add(tile("admin-role-" + role.name().toLowerCase(), "role." + role.name(),
                    users.byRole().get(role)));
        }
        for (OrgKind kind : OrgKind.values()) {
            tiles.add(tile("admin-kind-" + kind.name().toLowerCase(), "org.kind." + kind.name(), orgs.get(kind)));
        }
        add(tiles);
    }

    private Div tile(String id, String labelKey, int value) {
        Span number = new Span(String.valueOf(value));
        number.addClassName("qpb-tile-number");
        number.setId(id);
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("qpb-tile-label");
        Div tile = new Div(number, label);
        tile.addClassName("qpb-tile");
        return tile;
    }
}

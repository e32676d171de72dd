package cn.luohu.qpb.organization;

import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.security.PortalPrincipal;
import cn.luohu.qpb.base.security.Role;
import org.springframework.stereotype.Component;

/**
 * The one answer to "what may this user see?": district staff and administrators everything, a reviewer
 * his committee's subtree, a secretary her own organisation. The organisation's path is read fresh, so
 * a moved organisation or user takes effect at once.
 */
@Component
public class OrganizationScope {

    private final CurrentUser currentUser;
    private final OrganizationRepository repository;

    OrganizationScope(CurrentUser currentUser, OrganizationRepository repository) {
        this.currentUser = currentUser;
        this.repository = repository;
    }

    public Scope current() {
        PortalPrincipal user = currentUser.require();
        if (user.has(Role.APPROVER) || user.has(Role.ADMIN)) {
            return Scope.all();
        }
        var organization = repository.organizationOfUser(user.userId());
        if (organization.isEmpty()) {
            return Scope.nothing();
        }
        if (user.has(Role.REVIEWER)) {
            return Scope.subtree(organization.get().path());
        }
        if (user.has(Role.SECRETARY)) {
            return Scope.single(organization.get().id());
        }
        return Scope.nothing();
    }
}

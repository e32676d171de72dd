package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.OrgKind;

/**
 * Where each role may belong (issue "Administration"): a secretary to an assessed organisation, a reviewer
 * to a committee, district staff to the district committee; an administrator anywhere.
 */
public final class RolePlacement {

    private RolePlacement() {
    }

    public static boolean allows(Role role, OrgKind organizationKind) {
        return switch (role) {
            case SECRETARY -> organizationKind.isAssessed();
            case REVIEWER -> organizationKind == OrgKind.COMMITTEE;
            case APPROVER -> organizationKind == OrgKind.DISTRICT;
            case ADMIN -> true;
        };
    }
}

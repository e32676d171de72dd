package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;

import java.util.Optional;
import java.util.Set;

/**
 * The rules that keep the portal administrable (issue "Administration"): an administrator cannot disable
 * himself or change his own roles (neither take away his ADMIN role nor grant himself another: segregation
 * of duties, issue 11), and the last enabled administrator cannot be removed (neither disabled nor stripped
 * of ADMIN). Pure: the service supplies the facts, read under lock.
 */
final class AdminSafeguards {

    private AdminSafeguards() {
    }

    /**
     * The refusal (a translation key) for changing an account from its state before to its state after,
     * if any.
     *
     * @param callerId the administrator making the change
     * @param targetId the account changed
     * @param enabledAdminsNow how many enabled accounts hold ADMIN now, the target included
     */
    static Optional<String> refusal(long callerId, long targetId, boolean enabledBefore, Set<Role> rolesBefore,
                                    boolean enabledAfter, Set<Role> rolesAfter, int enabledAdminsNow) {
        boolean self = callerId == targetId;
        if (self && !enabledAfter) {
            return Optional.of("user.error.disable-self");
        }
        if (self && rolesBefore.contains(Role.ADMIN) && !rolesAfter.contains(Role.ADMIN)) {
            return Optional.of("user.error.own-admin-role");
        }
        if (self && !rolesBefore.equals(rolesAfter)) {
            return Optional.of("user.error.own-roles");
        }
        boolean enabledAdminBefore = enabledBefore && rolesBefore.contains(Role.ADMIN);
        boolean enabledAdminAfter = enabledAfter && rolesAfter.contains(Role.ADMIN);
        if (enabledAdminBefore && !enabledAdminAfter && enabledAdminsNow <= 1) {
            return Optional.of("user.error.last-admin");
        }
        return Optional.empty();
    }
}

package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.OrgKind;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The role rules: which roles go together on one account, and where each role may belong (issue
 * "Administration"). Segregation of duties: an administrator manages accounts and the tree but takes no
 * part in the workflow, so ADMIN never shares an account with SECRETARY, REVIEWER or APPROVER (else he could
 * grant himself a workflow role and act in it). Placement: a secretary belongs to an assessed organisation, a
 * reviewer to a committee, district staff to the district committee; an administrator anywhere. The rule
 * that nobody changes his own roles is {@link AdminSafeguards}'.
 */
public final class RolePlacement {

    /** The refusal of ADMIN together with a workflow role. */
    public static final String ADMIN_WITH_WORKFLOW_ROLE = "user.error.admin-with-workflow-role";
    private static final Set<Role> WORKFLOW = EnumSet.of(Role.SECRETARY, Role.REVIEWER, Role.APPROVER);

    private RolePlacement() {
    }

    /** Why one account cannot hold these roles together (a translation key), if it cannot. */
    public static Optional<String> combinationProblem(Set<Role> roles) {
        return roles.contains(Role.ADMIN) && roles.stream().anyMatch(WORKFLOW::contains)
                ? Optional.of(ADMIN_WITH_WORKFLOW_ROLE) : Optional.empty();
    }

    /**
     * The roles an account acts in. One that breaks the rule above (it was allowed before the rule existed, and
     * no migration may guess which role to take away) acts as an administrator only, until another administrator
     * gives the workflow role its own account: the administrator can never approve, review or submit with it.
     */
    public static Set<Role> effective(Set<Role> stored) {
        return combinationProblem(stored).isPresent() ? EnumSet.of(Role.ADMIN) : stored;
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

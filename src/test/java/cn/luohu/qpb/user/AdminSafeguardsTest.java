package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdminSafeguardsTest {

    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> APPROVER = EnumSet.of(Role.APPROVER);
    private static final Set<Role> BOTH = EnumSet.of(Role.ADMIN, Role.APPROVER);

    @Test
    void anAdministratorKeepsHisOwnAccountAndRole() {
        assertEquals(Optional.of("user.error.disable-self"), AdminSafeguards.refusal(1, 1, true, ADMIN, false, ADMIN, 5));
        assertEquals(Optional.of("user.error.own-admin-role"),
                AdminSafeguards.refusal(1, 1, true, BOTH, true, APPROVER, 5));
        assertEquals(Optional.of("user.error.own-roles"), AdminSafeguards.refusal(1, 1, true, ADMIN, true, BOTH, 5),
                "nor grants himself another (issue 11: segregation of duties)");
        assertEquals(Optional.empty(), AdminSafeguards.refusal(1, 1, true, ADMIN, true, ADMIN, 1));
    }

    @Test
    void theLastEnabledAdministratorStays() {
        assertEquals(Optional.of("user.error.last-admin"), AdminSafeguards.refusal(1, 2, true, ADMIN, false, ADMIN, 1));
        assertEquals(Optional.of("user.error.last-admin"), AdminSafeguards.refusal(1, 2, true, BOTH, true, APPROVER, 1));
        assertEquals(Optional.empty(), AdminSafeguards.refusal(1, 2, true, ADMIN, false, ADMIN, 2));
        assertEquals(Optional.empty(), AdminSafeguards.refusal(1, 2, true, BOTH, true, APPROVER, 2));
    }

    @Test
    void otherAccountsAreNotConcerned() {
        assertEquals(Optional.empty(), AdminSafeguards.refusal(1, 2, false, ADMIN, false, APPROVER, 1),
                "a disabled administrator is not one of the enabled ones");
        assertEquals(Optional.empty(), AdminSafeguards.refusal(1, 2, true, APPROVER, false, APPROVER, 1));
        assertEquals(Optional.empty(), AdminSafeguards.refusal(1, 2, true, APPROVER, true, BOTH, 1));
        assertEquals(Optional.empty(), AdminSafeguards.refusal(1, 2, false, ADMIN, true, ADMIN, 1), "enabling is fine");
    }
}

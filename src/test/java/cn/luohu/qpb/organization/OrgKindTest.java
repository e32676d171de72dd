package cn.luohu.qpb.organization;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.user.RolePlacement;
import org.junit.jupiter.api.Test;

import static cn.luohu.qpb.organization.OrgKind.BRANCH;
import static cn.luohu.qpb.organization.OrgKind.COMMITTEE;
import static cn.luohu.qpb.organization.OrgKind.COMMUNITY_COMMITTEE;
import static cn.luohu.qpb.organization.OrgKind.DISTRICT;
import static cn.luohu.qpb.organization.OrgKind.GENERAL_BRANCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape of the tree and where roles belong, exhaustively. */
class OrgKindTest {

    @Test
    void everyParentChildPairIsDecided() {
        String allowed = "";
        for (OrgKind child : OrgKind.values()) {
            for (OrgKind parent : OrgKind.values()) {
                if (child.mayHaveParent(parent)) {
                    allowed += child + "<" + parent + " ";
                }
            }
        }
        assertEquals("COMMITTEE<DISTRICT GENERAL_BRANCH<COMMITTEE GENERAL_BRANCH<COMMUNITY_COMMITTEE "
                + "COMMUNITY_COMMITTEE<COMMITTEE BRANCH<COMMITTEE BRANCH<GENERAL_BRANCH BRANCH<COMMUNITY_COMMITTEE ",
                allowed);
        assertTrue(DISTRICT.allowedParents().isEmpty(), "the district committee is the root");
    }

    @Test
    void onlyAssessedKindsNeedACategory() {
        assertTrue(BRANCH.needsCategory());
        assertTrue(COMMUNITY_COMMITTEE.needsCategory());
        assertFalse(GENERAL_BRANCH.needsCategory());
        assertFalse(COMMITTEE.needsCategory());
    }

    @Test
    void rolesBelongWhereTheirWorkIs() {
        assertTrue(RolePlacement.allows(Role.SECRETARY, BRANCH));
        assertTrue(RolePlacement.allows(Role.SECRETARY, COMMUNITY_COMMITTEE));
        assertFalse(RolePlacement.allows(Role.SECRETARY, GENERAL_BRANCH));
        assertFalse(RolePlacement.allows(Role.SECRETARY, COMMITTEE));
        assertTrue(RolePlacement.allows(Role.REVIEWER, COMMITTEE));
        assertFalse(RolePlacement.allows(Role.REVIEWER, BRANCH));
        assertFalse(RolePlacement.allows(Role.REVIEWER, DISTRICT));
        assertTrue(RolePlacement.allows(Role.APPROVER, DISTRICT));
        assertFalse(RolePlacement.allows(Role.APPROVER, COMMITTEE));
        for (OrgKind kind : OrgKind.values()) {
            assertTrue(RolePlacement.allows(Role.ADMIN, kind));
        }
    }
}

package cn.luohu.qpb.organization;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scope is enforced by the server: on a generated tree, each role sees exactly its part and no more. */
class OrganizationScopeTest extends IntegrationTest {

    @Autowired
    private OrganizationService organizations;

    private long committeeA;
    private long committeeB;
    private final Set<Long> subtreeA = new HashSet<>();
    private final List<Long> branchesA = new ArrayList<>();
    private long branchB;

    /** Two committees; under A a random tree of general branches and branches, three levels deep. */
    @BeforeEach
    void generateTree() {
        committeeA = data.committee("甲街道党工委");
        committeeB = data.committee("乙街道党工委");
        subtreeA.add(committeeA);
        Random random = new Random(7);
        for (int g = 0; g < 4; g++) {
            long general = data.organization(committeeA, OrgKind.GENERAL_BRANCH, null, "甲总支" + g);
            subtreeA.add(general);
            for (int b = 0; b < 2 + random.nextInt(4); b++) {
                long branch = data.branch(general, "甲总支" + g + "支部" + b);
                subtreeA.add(branch);
                branchesA.add(branch);
            }
        }
        long direct = data.branch(committeeA, "甲直属支部");
        subtreeA.add(direct);
        branchesA.add(direct);
        branchB = data.branch(committeeB, "乙支部");
        data.branch(committeeB, "乙支部二");
    }

    private static Set<Long> ids(List<OrganizationSummary> orgs) {
        return orgs.stream().map(OrganizationSummary::id).collect(Collectors.toSet());
    }

    @Test
    void theSubtreeQueryReturnsExactlyTheSubtree() {
        actAs(data.user(data.districtId(), Role.APPROVER));
        assertEquals(subtreeA, ids(organizations.subtree(committeeA)));
        long general = organizations.get(branchesA.getFirst()).id();
        assertTrue(ids(organizations.subtree(general)).contains(general));
    }

    @Test
    void aReviewerSeesHisCommitteesSubtreeAndNothingElse() {
        actAs(data.user(committeeA, Role.REVIEWER));
        int count = organizations.countVisible(OrganizationFilter.none());
        assertEquals(subtreeA.size(), count);
        assertEquals(subtreeA, ids(organizations.findVisible(OrganizationFilter.none(), 0, 100, List.of())));
        assertEquals("甲直属支部", organizations.get(branchesA.getLast()).name());
    }

    @Test
    void aReviewerCannotReachAnotherCommitteesOrganisationEvenByItsId() {
        actAs(data.user(committeeA, Role.REVIEWER));
        assertThrows(NotFoundException.class, () -> organizations.get(branchB));
        assertThrows(NotFoundException.class, () -> organizations.starHistory(branchB));
        assertThrows(NotFoundException.class, () -> organizations.subtree(committeeB));
        assertThrows(NotFoundException.class, () -> organizations.get(data.districtId()));
        assertThrows(NotFoundException.class, () -> organizations.get(Long.MAX_VALUE), "a missing id looks the same");
    }

    @Test
    void aSecretarySeesOnlyHerOwnOrganisation() {
        long mine = branchesA.getFirst();
        actAs(data.user(mine, Role.SECRETARY));
        assertEquals(mine, organizations.mine().id());
        assertEquals(mine, organizations.get(mine).id());
        assertThrows(NotFoundException.class, () -> organizations.get(branchesA.get(1)));
        assertThrows(NotFoundException.class, () -> organizations.starHistory(branchB));
        assertThrows(AccessDeniedException.class, () -> organizations.findVisible(OrganizationFilter.none(), 0, 10, List.of()));
        assertThrows(AccessDeniedException.class, () -> organizations.starDistribution());
    }

    @Test
    void districtStaffSeeTheWholeDistrict() {
        actAs(data.user(data.districtId(), Role.APPROVER));
        assertEquals(branchB, organizations.get(branchB).id());
        List<CommitteeStarCounts> distribution = organizations.starDistribution();
        assertTrue(distribution.stream().anyMatch(c -> c.committeeId() == committeeA));
    }

    @Test
    void filtersAndSortingRunInTheQuery() {
        actAs(data.user(committeeA, Role.REVIEWER));
        List<OrganizationSummary> found = organizations.findVisible(
                new OrganizationFilter("直属", null, null, null), 0, 10, List.of());
        assertEquals(List.of(branchesA.getLast()), found.stream().map(OrganizationSummary::id).toList());
        assertEquals(0, organizations.countVisible(new OrganizationFilter("%", null, null, null)),
                "a wildcard typed by the user is matched literally");
        List<String> ascending = organizations.findVisible(OrganizationFilter.none(), 0, 100,
                List.of(new OrganizationSort(OrganizationSort.Column.CODE, true))).stream().map(OrganizationSummary::code).toList();
        List<String> descending = new ArrayList<>(organizations.findVisible(OrganizationFilter.none(), 0, 100,
                List.of(new OrganizationSort(OrganizationSort.Column.CODE, false))).stream().map(OrganizationSummary::code).toList());
        java.util.Collections.reverse(descending);
        assertEquals(ascending, descending);
        assertEquals(5, organizations.findVisible(OrganizationFilter.none(), 2, 5, List.of()).size(), "paged in SQL");
        assertEquals(subtreeA.size(), organizations.countVisible(new OrganizationFilter(null, null, 0, true)));
    }
}

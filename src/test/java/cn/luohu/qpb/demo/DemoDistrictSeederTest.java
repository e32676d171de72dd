package cn.luohu.qpb.demo;

import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STAR_HISTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo district the README promises, seeded into the test database at start-up. */
class DemoDistrictSeederTest extends IntegrationTest {

    @Autowired
    private DSLContext dsl;
    @Autowired
    private PasswordEncoder encoder;

    private List<DemoDistrict.Org> demo() {
        return DemoDistrict.organizations();
    }

    @Test
    void theTreeHasTheTenSubdistrictsSectorCommitteesAndEnoughAssessedOrganisations() {
        List<String> committees = demo().stream().filter(o -> o.kind() == OrgKind.COMMITTEE).map(DemoDistrict.Org::shortName).toList();
        for (String subdistrict : List.of("桂园", "黄贝", "东门", "翠竹", "东晓", "南湖", "笋岗", "东湖", "莲塘", "清水河")) {
            assertTrue(committees.contains(subdistrict + "街道党工委"), subdistrict);
        }
        assertTrue(committees.size() >= 13, "10 subdistricts and at least 3 sector committees");
        List<DemoDistrict.Org> assessed = demo().stream().filter(o -> o.kind().isAssessed()).toList();
        assertTrue(assessed.size() >= 120, "at least 120 assessed organisations: " + assessed.size());
        assertEquals(Set.of(Category.values()), assessed.stream().map(DemoDistrict.Org::category).collect(Collectors.toSet()));
        assertTrue(demo().stream().anyMatch(o -> o.kind() == OrgKind.GENERAL_BRANCH));
        assertEquals(demo().size(), demo().stream().map(DemoDistrict.Org::code).distinct().count(), "codes are unique");
    }

    @Test
    void theSeedIsDeterministic() {
        assertEquals(DemoDistrict.organizations(), DemoDistrict.organizations());
    }

    @Test
    void theDatabaseHoldsTheDemoDistrictWithPathsAndTwoYearsOfHistory() {
        var root = dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.CODE.eq(DemoDistrict.ROOT_CODE)).fetchSingle();
        assertEquals("中共深圳市罗湖区委员会", root.getName());
        var branch = dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.CODE.eq("DM-Z1-001")).fetchSingle();
        var general = dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.CODE.eq("DM-Z1")).fetchSingle();
        assertEquals(general.getPath() + branch.getId() + "/", branch.getPath());
        assertEquals(3, branch.getDepth());

        List<Long> assessedIds = dsl.select(ORGANIZATION.ID).from(ORGANIZATION)
                .where(ORGANIZATION.CODE.in(demo().stream().filter(o -> o.kind().isAssessed()).map(DemoDistrict.Org::code).toList()))
                .fetch(r -> r.value1());
        assertEquals(2 * assessedIds.size(), dsl.fetchCount(STAR_HISTORY, STAR_HISTORY.ORGANIZATION_ID.in(assessedIds)));
        Set<Integer> stars = dsl.selectDistinct(ORGANIZATION.CURRENT_STAR).from(ORGANIZATION)
                .where(ORGANIZATION.ID.in(assessedIds)).fetchSet(ORGANIZATION.CURRENT_STAR);
        assertTrue(stars.size() >= 4, "star levels vary: " + stars);
        Set<String> kinds = dsl.selectDistinct(STAR_HISTORY.CHANGE_KIND).from(STAR_HISTORY).fetchSet(STAR_HISTORY.CHANGE_KIND);
        assertTrue(kinds.containsAll(Set.of("INITIAL", "PROMOTION", "DEMOTION", "UNCHANGED")), kinds.toString());
    }

    @Test
    void thisYearsCycleIsOpenWithASelfAssessmentForEveryDemoOrganisation() {
        var cycle = dsl.selectFrom(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE)
                .where(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.YEAR.eq(java.time.LocalDate.now().getYear())).fetchSingle();
        assertEquals("OPEN", cycle.getStatus());
        List<String> assessedCodes = demo().stream().filter(o -> o.kind().isAssessed()).map(DemoDistrict.Org::code).toList();
        assertEquals(assessedCodes.size(), dsl.fetchCount(cn.luohu.qpb.jooq.Tables.ASSESSMENT,
                cn.luohu.qpb.jooq.Tables.ASSESSMENT.CYCLE_ID.eq(cycle.getId()).and(cn.luohu.qpb.jooq.Tables.ASSESSMENT.ORGANIZATION_ID
                        .in(dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.in(assessedCodes))))));
    }

    @Test
    void someSelfAssessmentsAreUnderWayAndTheDemoSecretarysOwnIsLeftForHer() {
        java.util.function.Function<String, String> stateOf = code -> dsl.select(cn.luohu.qpb.jooq.Tables.ASSESSMENT.STATE)
                .from(cn.luohu.qpb.jooq.Tables.ASSESSMENT).join(ORGANIZATION).on(ORGANIZATION.ID.eq(cn.luohu.qpb.jooq.Tables.ASSESSMENT.ORGANIZATION_ID))
                .join(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE).on(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.ID.eq(cn.luohu.qpb.jooq.Tables.ASSESSMENT.CYCLE_ID))
                .where(ORGANIZATION.CODE.eq(code).and(cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE.YEAR.eq(java.time.LocalDate.now().getYear())))
                .fetchSingle().value1();
        assertEquals("SUBMITTED", stateOf.apply("GY001"));
        assertEquals("DRAFT", stateOf.apply("HB001"));
        assertEquals("NOT_STARTED", stateOf.apply("GY004"));
    }

    @Test
    void theDemoAccountsExistWithTheDocumentedPasswordAndRoles() {
        for (String[] account : new String[][]{{"admin", "ADMIN", "LH"}, {"district", "APPROVER", "LH"},
                {"reviewer", "REVIEWER", "CZ"}, {"secretary", "SECRETARY", "CZ001"}, {"rev-gy", "REVIEWER", "GY"},
                {"sec-cz001", "SECRETARY", "CZ001"}, {"sec-lx-z1-001", "SECRETARY", "LX-Z1-001"}}) {
            var user = dsl.select(APP_USER.PASSWORD_HASH, APP_USER.MUST_CHANGE_PASSWORD, ORGANIZATION.CODE, APP_USER_ROLE.ROLE)
                    .from(APP_USER).join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID))
                    .join(APP_USER_ROLE).on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID))
                    .where(APP_USER.USERNAME.eq(account[0])).fetchSingle();
            assertTrue(encoder.matches(DemoDistrictSeeder.DEMO_PASSWORD, user.value1()), account[0]);
            assertFalse(user.value2(), account[0] + " is not forced to change the password");
            assertEquals(account[2], user.value3(), account[0]);
            assertEquals(account[1], user.value4(), account[0]);
        }
        long secretaries = dsl.fetchCount(APP_USER, APP_USER.USERNAME.like("sec-%"));
        assertEquals(demo().stream().filter(o -> o.kind().isAssessed()).count(), secretaries);
        assertEquals(demo().stream().filter(o -> o.kind() == OrgKind.COMMITTEE).count(),
                dsl.fetchCount(APP_USER, APP_USER.USERNAME.like("rev-%")));
        String committeePath = dsl.select(ORGANIZATION.PATH).from(ORGANIZATION)
                .where(ORGANIZATION.CODE.eq(DemoDistrictSeeder.DEMO_REVIEWER_COMMITTEE)).fetchSingle().value1();
        String secretaryPath = dsl.select(ORGANIZATION.PATH).from(ORGANIZATION)
                .where(ORGANIZATION.CODE.eq(DemoDistrictSeeder.DEMO_SECRETARY_ORGANIZATION)).fetchSingle().value1();
        assertTrue(secretaryPath.startsWith(committeePath), "the demo secretary's organisation is under 翠竹");
    }
}

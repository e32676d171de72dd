package cn.luohu.qpb.base;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.home.ui.HomeView;
import cn.luohu.qpb.support.KaribuTest;
import cn.luohu.qpb.base.security.ui.LoginView;
import cn.luohu.qpb.base.ui.AccessDeniedView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentState;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.NOTICE_BATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Every route against every role and against an anonymous visitor. A new view must be added to the
 * table below, or this test fails: access is decided on purpose, never by accident.
 */
class RouteAccessMatrixTest extends KaribuTest {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> REVIEWERS_AND_STAFF = EnumSet.of(Role.REVIEWER, Role.APPROVER, Role.ADMIN);

    /** Route → the roles that may open it. Anonymous visitors may open only the login view. */
    private static final Map<String, Set<Role>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("", EVERYONE);
        ALLOWED.put("change-password", EVERYONE);
        ALLOWED.put("organisations", REVIEWERS_AND_STAFF);
        ALLOWED.put("organisations/:code", REVIEWERS_AND_STAFF);
        ALLOWED.put("admin/users", EnumSet.of(Role.ADMIN));
        ALLOWED.put("profile", EVERYONE);
        ALLOWED.put("standards", EnumSet.of(Role.APPROVER, Role.ADMIN));
        ALLOWED.put("standards/:id", EnumSet.of(Role.APPROVER, Role.ADMIN));
        ALLOWED.put("standards/:id/preview", EnumSet.of(Role.APPROVER, Role.ADMIN));
        ALLOWED.put("my-assessment", EnumSet.of(Role.SECRETARY));
        ALLOWED.put("assessments/:id", EVERYONE);
        ALLOWED.put("reviews", EnumSet.of(Role.REVIEWER));
        ALLOWED.put("reviews/:id", EnumSet.of(Role.REVIEWER));
        ALLOWED.put("admin/import", EnumSet.of(Role.ADMIN));
        // district staff run the yearly cycles; administrators make no workflow decisions (DOMAIN.md)
        ALLOWED.put("cycles", EnumSet.of(Role.APPROVER));
        ALLOWED.put("cycles/:id", EnumSet.of(Role.APPROVER));
        ALLOWED.put("approvals", EnumSet.of(Role.APPROVER));
        ALLOWED.put("approvals/:id", EnumSet.of(Role.APPROVER));
        ALLOWED.put("objections", EnumSet.of(Role.APPROVER));
        // a public notice is public to everyone logged in, and anyone of them may object
        ALLOWED.put("notices", EVERYONE);
        ALLOWED.put("notices/:id", EVERYONE);
        ALLOWED.put("notices/:id/print", EVERYONE);
        ALLOWED.put("notifications", EVERYONE);
    }

    /**
     * A real address for each route with parameters: an organisation that the demo reviewer (翠竹) may see,
     * the first seeded standard, a planned cycle of its own year that this test makes when it is missing,
     * and an assessment of the demo secretary's organisation, which every demo user may see.
     */
    private final Map<String, String> sample = new HashMap<>(Map.of("organisations/:code", "organisations/CZ001",
            "standards/:id", "standards/1", "standards/:id/preview", "standards/1/preview"));

    /** The year of the sample cycle: far from any real one and from the years other cycle tests take (3000 on). */
    private static final int SAMPLE_CYCLE_YEAR = 2999;

    @Autowired
    private DSLContext dsl;

    @BeforeEach
    void sampleCycle() {
        Long id = dsl.select(ASSESSMENT_CYCLE.ID).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.YEAR.eq(SAMPLE_CYCLE_YEAR))
                .fetchOptional(r -> r.value1()).orElseGet(() -> dsl.insertInto(ASSESSMENT_CYCLE)
                        .set(ASSESSMENT_CYCLE.YEAR, SAMPLE_CYCLE_YEAR)
                        .set(ASSESSMENT_CYCLE.NAME, "访问矩阵测试评定")
                        .set(ASSESSMENT_CYCLE.SELF_DEADLINE, LocalDate.of(SAMPLE_CYCLE_YEAR, 3, 31))
                        .set(ASSESSMENT_CYCLE.REVIEW_DEADLINE, LocalDate.of(SAMPLE_CYCLE_YEAR, 4, 30))
                        .set(ASSESSMENT_CYCLE.APPROVAL_DEADLINE, LocalDate.of(SAMPLE_CYCLE_YEAR, 5, 31))
                        .returningResult(ASSESSMENT_CYCLE.ID).fetchSingle().value1());
        sample.put("cycles/:id", "cycles/" + id);
        sample.put("assessments/:id", "assessments/"
                + new AssessmentFixtures(dsl).openAssessment(data.organizationId("CZ001"), 3));
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        long submitted = fixtures.openAssessment(data.organizationId("CZ001"), 3);
        fixtures.state(submitted, AssessmentState.SUBMITTED);
        sample.put("reviews/:id", "reviews/" + submitted);
        long recommended = fixtures.recommended(fixtures.cycle(), data.organizationId("CZ001"), 3, 3, data.userId("reviewer"), false);
        sample.put("approvals/:id", "approvals/" + recommended);
        long notice = dsl.insertInto(NOTICE_BATCH).set(NOTICE_BATCH.CYCLE_ID, id).set(NOTICE_BATCH.STARTS_ON, LocalDate.now())
                .set(NOTICE_BATCH.ENDS_ON, LocalDate.now().plusDays(4)).set(NOTICE_BATCH.PUBLISHED_BY, data.userId("district"))
                .set(NOTICE_BATCH.PUBLISHED_AT, java.time.LocalDateTime.now()).returningResult(NOTICE_BATCH.ID).fetchSingle().value1();
        sample.put("notices/:id", "notices/" + notice);
        sample.put("notices/:id/print", "notices/" + notice + "/print");
    }

    private String address(String template) {
        return sample.getOrDefault(template, template);
    }

    private static final Map<Role, String> DEMO_USER = Map.of(
            Role.SECRETARY, "secretary", Role.REVIEWER, "reviewer", Role.APPROVER, "district", Role.ADMIN, "admin");

    @Test
    void theTableCoversEveryRoute() {
        Set<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(ALLOWED.keySet());
        expected.add("login");
        assertEquals(expected, routes);
    }

    @Test
    void anonymousVisitorsAreSentToLogin() {
        for (String route : ALLOWED.keySet()) {
            UI.getCurrent().navigate(address(route));
            assertInstanceOf(LoginView.class, UI.getCurrent().getCurrentView(), route);
        }
        UI.getCurrent().navigate("login");
        assertInstanceOf(LoginView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void eachRoleOpensExactlyItsRoutes() {
        for (Role role : Role.values()) {
            login(DEMO_USER.get(role));
            for (Map.Entry<String, Set<Role>> route : ALLOWED.entrySet()) {
                if (route.getValue().contains(role)) {
                    UI.getCurrent().navigate(address(route.getKey()));
                    Class<? extends Component> target = RouteConfiguration.forApplicationScope()
                            .getRoute(address(route.getKey())).orElseThrow();
                    assertEquals(target, UI.getCurrent().getCurrentView().getClass(), role + " may open /" + route.getKey());
                } else {
                    UI.getCurrent().navigate(address(route.getKey()));
                    assertInstanceOf(AccessDeniedView.class, UI.getCurrent().getCurrentView(),
                            role + " may not open /" + route.getKey());
                }
            }
            UI.getCurrent().navigate("login");
            assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView(), "a logged-in " + role + " skips the login page");
            logout();
        }
    }
}

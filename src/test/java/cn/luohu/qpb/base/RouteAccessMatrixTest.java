package cn.luohu.qpb.base;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.home.ui.HomeView;
import cn.luohu.qpb.support.KaribuTest;
import cn.luohu.qpb.base.security.ui.LoginView;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every route against every role and against an anonymous visitor. A new view must be added to the
 * table below, or this test fails: access is decided on purpose, never by accident.
 */
class RouteAccessMatrixTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.jooq.DSLContext dsl;

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
        ALLOWED.put("admin/import", EnumSet.of(Role.ADMIN));
    }

    /** A real address for each route with parameters: an organisation that the demo reviewer (翠竹) may see, the first seeded standard. */
    private static final Map<String, String> SAMPLE = new java.util.HashMap<>(Map.of("organisations/:code", "organisations/CZ001",
            "standards/:id", "standards/1", "standards/:id/preview", "standards/1/preview"));

    /** An assessment of the demo secretary's organisation, which every demo user may see. */
    @org.junit.jupiter.api.BeforeEach
    void sampleAssessment() {
        SAMPLE.computeIfAbsent("assessments/:id", template -> "assessments/"
                + new cn.luohu.qpb.assessment.AssessmentFixtures(dsl).openAssessment(data.organizationId("CZ001"), 3));
    }

    private static String address(String template) {
        return SAMPLE.getOrDefault(template, template);
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
                    assertThrows(MockAccessDeniedException.class, () -> UI.getCurrent().navigate(address(route.getKey())),
                            role + " may not open /" + route.getKey());
                }
            }
            UI.getCurrent().navigate("login");
            assertInstanceOf(HomeView.class, UI.getCurrent().getCurrentView(), "a logged-in " + role + " skips the login page");
            logout();
        }
    }
}

package cn.luohu.qpb.base;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of ARCHITECTURE.md, checked on every build so nobody has to remember it. */
@AnalyzeClasses(packages = "cn.luohu.qpb",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.WithoutGeneratedCode.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewsTalkOnlyToServices = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "cn.luohu.qpb.jooq..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("views talk to services; SQL stays in repositories");

    @ArchTest
    static final ArchRule servicesDoNotTouchTheUi = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin.flow.component..", "com.vaadin.flow.router..")
            .because("services, rules and repositories must work without a screen");

    @ArchTest
    static final ArchRule jooqStaysInRepositories = noClasses()
            .that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "cn.luohu.qpb.jooq..")
            .because("services use repositories for SQL");

    /** Generated jOOQ classes are not ours to arrange (their own packages refer to each other). */
    static final class WithoutGeneratedCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/cn/luohu/qpb/jooq/");
        }
    }

    @ArchTest
    static final ArchRule everyViewDeclaresWhoMayOpenIt = classes()
            .that().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
            .and().doNotHaveSimpleName("LoginView")
            .should().beAnnotatedWith(RolesAllowed.class)
            .because("access to every screen is decided on purpose; only the login view is open to all");

    /**
     * The public methods of services that carry no role check, each with the reason: they are not reached
     * from a screen, or they run before anyone is logged in. Any other public service method must say who
     * may call it (issue 11); its scope check is the service's, tried by ScopeSweepTest.
     */
    static final Map<String, String> INTERNAL_SERVICE_METHODS = Map.of(
            "cn.luohu.qpb.user.PortalUserDetailsService.loadUserByUsername",
            "Spring Security's login asks it before anyone is logged in (and CurrentUser, to read the account as it is now)",
            "cn.luohu.qpb.audit.AuditService.record",
            "Propagation.MANDATORY: only inside the transaction of another service method, which checked the caller",
            "cn.luohu.qpb.audit.AuditService.recordEach",
            "Propagation.MANDATORY: only inside the transaction of another service method, which checked the caller",
            "cn.luohu.qpb.audit.AuditService.recordAttempt",
            "Propagation.MANDATORY: login attempts (before anyone is logged in), in the login listener's transaction",
            "cn.luohu.qpb.audit.AuditService.recordFor",
            "refusals, written by the portal itself in a transaction of their own that survives the refusal's rollback");

    private static String fullName(JavaMethod method) {
        return method.getOwner().getName() + "." + method.getName();
    }

    @ArchTest
    static final ArchRule everyPublicServiceMethodSaysWhoMayCallIt = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
            .and().arePublic()
            .and(DescribedPredicate.describe("not listed as internal",
                    method -> !INTERNAL_SERVICE_METHODS.containsKey(fullName(method))))
            .should().beAnnotatedWith(PreAuthorize.class)
            .because("security lives on the server: every public service method checks the caller's role "
                    + "(the internal ones are listed in INTERNAL_SERVICE_METHODS with the reason)");

    /** The list of internal methods names only methods that exist and have no role check. */
    @ArchTest
    static void everyInternalServiceMethodExists(JavaClasses classes) {
        Set<String> found = new HashSet<>();
        classes.stream().filter(c -> c.isAnnotatedWith(Service.class)).flatMap(c -> c.getMethods().stream())
                .filter(m -> !m.isAnnotatedWith(PreAuthorize.class)).forEach(m -> found.add(fullName(m)));
        Set<String> stale = new TreeSet<>(INTERNAL_SERVICE_METHODS.keySet());
        stale.removeAll(found);
        if (!stale.isEmpty()) {
            throw new AssertionError("listed as internal but not found without a role check: " + stale);
        }
    }

    /**
     * A refusal thrown inside a nested transactional call has already marked the transaction rollback-only:
     * a bean (service, component) that catches it and answers "no" instead ends in an UnexpectedRollbackException,
     * which tells an out-of-scope id from a missing one (issue 11, item 7). Ask a yes/no question instead.
     * Screens may catch refusals to show them: their service call has ended by then.
     */
    @ArchTest
    static final ArchRule noBeanCatchesARefusal = codeUnits()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("..ui..")
            .and().areDeclaredInClassesThat().areMetaAnnotatedWith(Component.class)
            .should(new ArchCondition<JavaCodeUnit>("not catch a PortalException") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                        for (JavaClass caught : block.getCaughtThrowables()) {
                            if (caught.isAssignableTo(PortalException.class)) {
                                events.add(SimpleConditionEvent.violated(unit,
                                        unit.getFullName() + " catches " + caught.getSimpleName()));
                            }
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("cn.luohu.qpb.(**)").should().beFreeOfCycles();
}

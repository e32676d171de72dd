package cn.luohu.qpb.base;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("cn.luohu.qpb.(**)").should().beFreeOfCycles();
}

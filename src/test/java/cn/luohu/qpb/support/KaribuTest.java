package cn.luohu.qpb.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one base of the UI tests: a mocked Vaadin environment on the real Spring context, and a
 * {@link #login(String)} that makes a real user (loaded from the database) the current one.
 */
public abstract class KaribuTest extends IntegrationTest {

    private static Routes routes;

    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("cn.luohu.qpb");
        }
    }

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        // the fake browser announces the JVM's locale: make it a Chinese browser, as our users have
        Locale jvmLocale = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        try {
            MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        } finally {
            Locale.setDefault(jvmLocale);
        }
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /**
     * Logs in as this user. karibu runs no servlet filters, so both the security context and the fake
     * request (which Vaadin's view access checker reads) are set.
     */
    protected void login(String username) {
        var authentication = data.authenticate(username);
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(authority -> authority.substring("ROLE_".length())).collect(Collectors.toSet());
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roles.contains(role));
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }

    protected static <T> T currentView(Class<T> type) {
        return type.cast(UI.getCurrent().getCurrentView());
    }
}

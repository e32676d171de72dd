package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.base.i18n.Language;
import cn.luohu.qpb.base.ui.MainLayout;
import cn.luohu.qpb.user.SessionInfo;
import cn.luohu.qpb.user.UserAccountService;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * On a logged-in user's first navigation in a session: applies the language they chose (which wins over
 * the browser's), and, while their password is a temporary one, keeps every route but the
 * change-password view closed to them.
 */
@Component
class UserSessionInitializer implements VaadinServiceInitListener {

    /** Session attribute: Boolean, whether this session's user must still change the password. */
    private static final String MUST_CHANGE = UserSessionInitializer.class.getName() + ".mustChange";

    private final UserAccountService accounts;
    private final AuthenticationContext authenticationContext;

    UserSessionInitializer(UserAccountService accounts, AuthenticationContext authenticationContext) {
        this.accounts = accounts;
        this.authenticationContext = authenticationContext;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        if (!authenticationContext.isAuthenticated()) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        Boolean mustChange = (Boolean) session.getAttribute(MUST_CHANGE);
        if (mustChange == null) {
            SessionInfo me = accounts.sessionInfo();
            Language.ofCode(me.preferredLanguage()).ifPresent(language -> {
                session.setLocale(language.locale());
                event.getUI().setLocale(language.locale());
            });
            mustChange = me.mustChangePassword();
            session.setAttribute(MUST_CHANGE, mustChange);
        }
        if (mustChange && !event.getLocation().getPath().equals(MainLayout.CHANGE_PASSWORD_ROUTE)) {
            event.rerouteTo(MainLayout.CHANGE_PASSWORD_ROUTE);
        }
    }

    /** Called by the change-password view once the new password is stored. */
    static void passwordChanged() {
        VaadinSession.getCurrent().setAttribute(MUST_CHANGE, Boolean.FALSE);
    }
}

package cn.luohu.qpb.base.security.ui;

import cn.luohu.qpb.base.i18n.Language;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * Login in Chinese or English. A failed login shows one message whatever the reason (wrong password,
 * unknown user, locked account), so the page never tells whether a username exists; a login that failed
 * because the database did not answer asks the user to try again shortly.
 */
@Route(value = LoginView.ROUTE, autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ROUTE = "login";

    private final LoginForm form = new LoginForm();
    private final transient AuthenticationContext authenticationContext;

    public LoginView(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
        addClassName("qpb-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        form.setId("login-form");
        form.setAction(ROUTE); // Spring Security's form login processes the POST
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(false));

        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("qpb-login-title");
        Paragraph subtitle = new Paragraph(getTranslation("app.district"));
        subtitle.addClassName("qpb-login-subtitle");
        Paragraph lockoutHint = new Paragraph(getTranslation("login.lockout-hint"));
        lockoutHint.addClassName("qpb-login-hint");
        Div card = new Div(title, subtitle, form, lockoutHint, languageSwitch());
        card.addClassName("qpb-login-card");
        add(card);
    }

    private HorizontalLayout languageSwitch() {
        HorizontalLayout languages = new HorizontalLayout();
        languages.addClassName("qpb-login-languages");
        for (Language language : Language.values()) {
            Button button = new Button(getTranslation("language." + language.code()), click -> {
                VaadinSession.getCurrent().setLocale(language.locale());
                UI.getCurrent().getPage().reload();
            });
            button.setId("login-language-" + language.code());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            languages.add(button);
        }
        return languages;
    }

    private LoginI18n i18n(boolean unavailable) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(unavailable ? "login.unavailable.title" : "login.error.title"));
        error.setMessage(getTranslation(unavailable ? "login.unavailable.message" : "login.error.message"));
        error.setUsername(getTranslation("login.error.username-required"));
        error.setPassword(getTranslation("login.error.password-required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean unavailable = parameters.containsKey("unavailable");
        form.setI18n(i18n(unavailable));
        form.setError(unavailable || parameters.containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.title");
    }
}

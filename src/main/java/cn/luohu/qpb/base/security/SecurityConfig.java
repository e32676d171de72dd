package cn.luohu.qpb.base.security;

import cn.luohu.qpb.base.db.DatabaseUnavailable;
import cn.luohu.qpb.base.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.EvaluationContext;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Form login through the portal's login view, backed by the users table. Service methods carry
 * {@code @PreAuthorize} (see {@link Access}), so the server refuses whatever the UI shows.
 * Spring Security's default session-fixation protection gives the session a new id at login.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, RequestUtil requestUtil, SessionRegistry sessions)
            throws Exception {
        // the portal's stylesheet and images must load on the login page too; load balancers and monitoring
        // ask for health (and Prometheus metrics, when exposed: README) without logging in
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/images/**",
                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus").permitAll());
        // Vaadin's own CSRF settings exempt the login page, POST included (login CSRF). Only Vaadin's internal
        // requests are exempt here: they carry Vaadin's own CSRF token. The login form sends Spring's token,
        // which Vaadin writes into the page's <meta name="_csrf"> tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        // every login is registered, so a session ended on the server (on any instance) logs out on its next request
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                .expiredSessionStrategy(new SessionEndedStrategy(requestUtil)));
        // the login page named here too, or Spring Security would also generate a default one
        http.formLogin(form -> form.loginPage("/" + LoginView.ROUTE).failureHandler(loginFailure()));
        // an address that is no route: Vaadin's default in production mode is a bare 403 from here; a logged-in
        // user is let through to the router instead, which shows the translated not-found page (the views keep
        // their own access control), and a visitor who is not logged in goes to the login page as before
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/" + LoginView.ROUTE)
                .enableCsrfConfiguration(false)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        return http.build();
    }

    /**
     * A failed login goes back to the login page: {@code ?unavailable} when the database did not answer (the
     * user is asked to try again shortly), {@code ?error} for everything else (one message, whatever the reason).
     */
    private static AuthenticationFailureHandler loginFailure() {
        AuthenticationFailureHandler error = new SimpleUrlAuthenticationFailureHandler("/" + LoginView.ROUTE + "?error");
        AuthenticationFailureHandler unavailable = new SimpleUrlAuthenticationFailureHandler("/" + LoginView.ROUTE + "?unavailable");
        return (request, response, exception) -> {
            if (DatabaseUnavailable.isCause(exception)) {
                log.warn("Login failed: the database is unavailable ({})", exception.getMessage());
                unavailable.onAuthenticationFailure(request, response, exception);
            } else {
                error.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    /** Tells the session registry when a session ends or changes its id. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * Method security judges the account as it is now ({@link CurrentUser}), not the roles frozen into the
     * session at login: a role taken away, a disabled or locked account is refused at the next call.
     */
    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler(ObjectProvider<CurrentUser> currentUser) {
        return new DefaultMethodSecurityExpressionHandler() {
            @Override
            public EvaluationContext createEvaluationContext(Supplier<? extends Authentication> authentication,
                                                             MethodInvocation invocation) {
                return super.createEvaluationContext(() -> currentUser.getObject().asNow(authentication.get()), invocation);
            }
        };
    }

    /** bcrypt for passwords people choose; salted SHA-256 for the random one-time ones (see the encoder). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of(
                "bcrypt", new BCryptPasswordEncoder(),
                OneTimeSecretEncoder.ID, new OneTimeSecretEncoder()));
    }
}

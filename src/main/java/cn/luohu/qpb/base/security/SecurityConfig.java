package cn.luohu.qpb.base.security;

import cn.luohu.qpb.base.db.DatabaseUnavailable;
import cn.luohu.qpb.base.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.util.Map;

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
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http) throws Exception {
        // the portal's stylesheet and images must load on the login page too; load balancers and monitoring
        // ask for health (and Prometheus metrics, when exposed: README) without logging in
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/images/**",
                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus").permitAll());
        // the login page named here too, or Spring Security would also generate a default one
        http.formLogin(form -> form.loginPage("/" + LoginView.ROUTE).failureHandler(loginFailure()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/" + LoginView.ROUTE));
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

    /** bcrypt for passwords people choose; salted SHA-256 for the random one-time ones (see the encoder). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of(
                "bcrypt", new BCryptPasswordEncoder(),
                OneTimeSecretEncoder.ID, new OneTimeSecretEncoder()));
    }
}

package cn.luohu.qpb.base.security;

import cn.luohu.qpb.base.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

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

    @Bean
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, RequestUtil requestUtil) throws Exception {
        // the portal's stylesheet and images must load on the login page too
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/images/**").permitAll());
        // Vaadin's own CSRF settings exempt the login page, POST included (login CSRF). Only Vaadin's internal
        // requests are exempt here: they carry Vaadin's own CSRF token. The login form sends Spring's token,
        // which Vaadin writes into the page's <meta name="_csrf"> tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/" + LoginView.ROUTE)
                .enableCsrfConfiguration(false));
        return http.build();
    }

    /** bcrypt for passwords people choose; salted SHA-256 for the random one-time ones (see the encoder). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of(
                "bcrypt", new BCryptPasswordEncoder(),
                OneTimeSecretEncoder.ID, new OneTimeSecretEncoder()));
    }
}

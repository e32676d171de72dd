package cn.luohu.qpb.base.security;

import cn.luohu.qpb.base.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
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
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http) throws Exception {
        // the portal's stylesheet and images must load on the login page too
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/images/**").permitAll());
        // an address that is no route: Vaadin's default in production mode is a bare 403 from here; a logged-in
        // user is let through to the router instead, which shows the translated not-found page (the views keep
        // their own access control), and a visitor who is not logged in goes to the login page as before
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/" + LoginView.ROUTE)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
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

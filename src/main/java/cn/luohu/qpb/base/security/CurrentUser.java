package cn.luohu.qpb.base.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The one way services learn who is calling: roles and the organisation that is their scope. */
@Component
public class CurrentUser {

    public Optional<PortalPrincipal> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof PortalPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    public PortalPrincipal require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not logged in"));
    }

    public boolean has(Role role) {
        return get().map(p -> p.has(role)).orElse(false);
    }

    public Optional<String> username() {
        return get().map(PortalPrincipal::getUsername);
    }
}

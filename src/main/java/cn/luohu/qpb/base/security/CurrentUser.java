package cn.luohu.qpb.base.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/**
 * The one way services learn who is calling: roles and the organisation that is their scope, as the
 * account is <em>now</em>, not as it was at login (issue 11). The account is read from the database once
 * per request (and on every call outside a request, e.g. in a background job); a disabled, locked or
 * deleted account is nobody. Method security sees the same account (see SecurityConfig).
 */
@Component
public class CurrentUser {

    /** Request attribute: the account as read in this request, so a request reads it at most once. */
    private static final String READ_IN_REQUEST = CurrentUser.class.getName() + ".account.";

    private final UserDetailsService accounts;

    CurrentUser(UserDetailsService accounts) {
        this.accounts = accounts;
    }

    public Optional<PortalPrincipal> get() {
        return now(SecurityContextHolder.getContext().getAuthentication());
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

    /**
     * The authentication that method security judges: the logged-in account as it is now, or an anonymous
     * one when the account is no longer allowed in. Anything but a portal login passes unchanged.
     */
    Authentication asNow(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal)) {
            return authentication;
        }
        return now(authentication).<Authentication>map(p -> UsernamePasswordAuthenticationToken.authenticated(p, null,
                        p.getAuthorities()))
                .orElseGet(() -> new AnonymousAuthenticationToken("account-gone", "anonymousUser",
                        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    }

    private Optional<PortalPrincipal> now(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof PortalPrincipal atLogin)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = READ_IN_REQUEST + atLogin.userId();
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Read read) {
            return read.account();
        }
        Optional<PortalPrincipal> account = read(atLogin);
        if (request != null) {
            request.setAttribute(key, new Read(account), RequestAttributes.SCOPE_REQUEST);
        }
        return account;
    }

    private Optional<PortalPrincipal> read(PortalPrincipal atLogin) {
        try {
            return Optional.of(accounts.loadUserByUsername(atLogin.getUsername()))
                    .filter(PortalPrincipal.class::isInstance).map(PortalPrincipal.class::cast)
                    .filter(now -> now.userId() == atLogin.userId() && now.isEnabled() && now.isAccountNonLocked());
        } catch (UsernameNotFoundException deleted) {
            return Optional.empty();
        }
    }

    /** The servlet session of the current request, if any: her profile marks it and a password change keeps it. */
    public Optional<String> sessionId() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? Optional.ofNullable(request.getRequest().getSession(false)).map(HttpSession::getId)
                : Optional.empty();
    }

    private record Read(Optional<PortalPrincipal> account) {
    }
}

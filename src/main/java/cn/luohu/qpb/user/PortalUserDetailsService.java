package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.PortalPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Loads accounts for Spring Security's login and for {@code CurrentUser}'s read once per request; a lock that has
 * run out no longer counts. One statement, so it opens no transaction of its own (which would cost three more
 * round trips per request); inside a caller's transaction it joins it.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class PortalUserDetailsService implements UserDetailsService {

    private final UserAccountRepository repository;
    private final Clock clock;

    PortalUserDetailsService(UserAccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = repository.credentials(username).orElseThrow(() -> new UsernameNotFoundException(username));
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        boolean nonLocked = account.lockedUntil() == null || !account.lockedUntil().isAfter(now);
        return new PortalPrincipal(account.id(), account.username(), account.passwordHash(), account.enabled(),
                nonLocked, account.organizationId(), RolePlacement.effective(account.roles()));
    }
}

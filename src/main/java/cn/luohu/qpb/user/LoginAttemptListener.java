package cn.luohu.qpb.user;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.db.RetryOnConflict;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Counts failed logins and locks an account for 15 minutes after the fifth (ending its sessions); audits every login,
 * failed login and logout with the client's address.
 */
@Component
@RetryOnConflict // the same account's logins through two nodes at once
public class LoginAttemptListener {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final String ENTITY = "user";

    private final UserAccountRepository repository;
    private final UserSessions sessions;
    private final AuditService audit;
    private final Clock clock;

    LoginAttemptListener(UserAccountRepository repository, UserSessions sessions, AuditService audit, Clock clock) {
        this.sessions = sessions;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        repository.registerSuccess(username);
        audit.recordAttempt(username, AuditAction.LOGIN, ENTITY, username, null, address(event.getAuthentication()));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String address = address(event.getAuthentication());
        String reason = event.getException().getClass().getSimpleName();
        audit.recordAttempt(username, AuditAction.LOGIN_FAILED, ENTITY, username, Map.of("reason", reason), address);
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            LocalDateTime lockUntil = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).plus(LOCK_DURATION)
                    .truncatedTo(ChronoUnit.MILLIS); // the column keeps milliseconds
            if (repository.registerFailure(username, MAX_FAILURES, lockUntil)) {
                // a locked account is locked everywhere: its open sessions end too
                repository.credentials(username).ifPresent(account -> sessions.endAll(account.id(), null));
                audit.recordAttempt(username, AuditAction.ACCOUNT_LOCKED, ENTITY, username,
                        Map.of("lockedUntil", lockUntil.toString()), address);
            }
        }
    }

    @EventListener
    @Transactional
    public void onLogout(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordAttempt(username, AuditAction.LOGOUT, ENTITY, username, null, address(event.getAuthentication()));
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}

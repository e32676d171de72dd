package cn.luohu.qpb.user;

import cn.luohu.qpb.base.db.DatabaseUnavailable;
import cn.luohu.qpb.base.security.PortalPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionIdChangedEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Spring Security's session registry, kept in the database so that every instance of the portal sees the
 * same sessions (issue 11): a session ended here, by any instance, is logged out by Spring Security's
 * ConcurrentSessionFilter on its next request wherever it lives. The account services end sessions when an
 * account is disabled, locked, its roles or organisation change, or its password changes; a user may end
 * her own others on her profile.
 */
@Component
class UserSessions implements SessionRegistry {

    /** How stale "last seen" may grow before a request writes it again. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** Request attribute: the session as this request's check read it, so that a fresh one costs no second statement. */
    private static final String READ_IN_REQUEST = UserSessions.class.getName() + ".read";

    private final UserSessionRepository repository;
    private final Clock clock;
    private final Duration timeout;

    UserSessions(UserSessionRepository repository, Clock clock,
                 @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.repository = repository;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The stored form of a servlet session id: the id itself is a bearer secret. */
    static String keyOf(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        if (principal instanceof PortalPrincipal user) {
            LocalDateTime now = now();
            repository.forgetStale(user.userId(), now.minus(timeout));
            repository.register(keyOf(sessionId), user.userId(), now);
        }
    }

    /**
     * Asked on every request of a logged-in session. While the database is down the answer is "not registered",
     * so the request goes on to the page, which says the database is unavailable in the user's language; a
     * session ended meanwhile is still refused at its first request after the database is back.
     */
    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        try {
            return registered(sessionId);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                return null;
            }
            throw e;
        }
    }

    private SessionInformation registered(String sessionId) {
        return repository.find(keyOf(sessionId)).map(stored -> {
            if (RequestContextHolder.getRequestAttributes() instanceof RequestAttributes request) {
                request.setAttribute(READ_IN_REQUEST, new Seen(sessionId, stored.lastSeenAt()), RequestAttributes.SCOPE_REQUEST);
            }
            // the principal: the account's id (the filter reads only whether it expired; nothing lists sessions by principal)
            SessionInformation information = new SessionInformation(stored.userId(), sessionId,
                    Date.from(stored.lastSeenAt().toInstant(ZoneOffset.UTC)));
            if (stored.ended()) {
                information.expireNow();
            }
            return information;
        }).orElse(null);
    }

    /**
     * Asked right after {@link #getSessionInformation} on every request: "last seen" is written at most once in
     * {@link #TOUCH_EVERY}, and a session this request has just read as seen within it is not even asked about.
     */
    @Override
    public void refreshLastRequest(String sessionId) {
        LocalDateTime now = now();
        LocalDateTime before = now.minus(TOUCH_EVERY);
        if (RequestContextHolder.getRequestAttributes() instanceof RequestAttributes request
                && request.getAttribute(READ_IN_REQUEST, RequestAttributes.SCOPE_REQUEST) instanceof Seen seen
                && seen.sessionId().equals(sessionId) && !seen.lastSeenAt().isBefore(before)) {
            return;
        }
        repository.touch(keyOf(sessionId), now, before);
    }

    /** A session's "last seen" as read in this request. */
    private record Seen(String sessionId, LocalDateTime lastSeenAt) {
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        repository.remove(keyOf(sessionId));
    }

    /** Nothing in the portal asks for every principal; the registry answers per session. */
    @Override
    public List<Object> getAllPrincipals() {
        return List.of();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return List.of(); // only asked to limit sessions per user, which the portal does not (maximumSessions -1)
    }

    @EventListener
    void destroyed(SessionDestroyedEvent event) {
        removeSessionInformation(event.getId());
    }

    @EventListener
    void idChanged(SessionIdChangedEvent event) {
        repository.rekey(keyOf(event.getOldSessionId()), keyOf(event.getNewSessionId()));
    }

    /** Ends every session of the account but the kept one (a servlet session id, or null for none kept). */
    int endAll(long userId, String keptSessionId) {
        return repository.endAll(userId, keptSessionId == null ? null : keyOf(keptSessionId), now());
    }

    boolean endOne(long userId, long id) {
        return repository.endOne(userId, id, now());
    }

    /** The account's live sessions, newest first, the one with {@code currentSessionId} marked. */
    List<OwnSession> live(long userId, String currentSessionId) {
        String current = currentSessionId == null ? null : keyOf(currentSessionId);
        return repository.seenSince(userId, now().minus(timeout)).stream()
                .map(s -> new OwnSession(s.id(), s.createdAt(), s.lastSeenAt(), s.key().equals(current)))
                .toList();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
    }
}

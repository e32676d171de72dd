package cn.luohu.qpb.user;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.i18n.Language;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.security.PortalPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The logged-in user's own account (password, language, profile) and account figures for administrators. */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class UserAccountService {

    private static final String ENTITY = "user";

    private final UserAccountRepository repository;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final UserSessions sessions;
    private final Clock clock;
    private final PasswordPolicy policy = PasswordPolicy.standard();

    UserAccountService(UserAccountRepository repository, CurrentUser currentUser, PasswordEncoder passwordEncoder,
                       AuditService audit, UserSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.repository = repository;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Access.LOGGED_IN)
    public SessionInfo sessionInfo() {
        return repository.sessionInfo(currentUser.require().userId()).orElseThrow(NotFoundException::new);
    }

    /**
     * Changes the caller's password after checking the current one and the policy; clears a forced change.
     */
    @PreAuthorize(Access.LOGGED_IN)
    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        PortalPrincipal user = currentUser.require();
        String hash = repository.passwordHash(user.userId()).orElseThrow(NotFoundException::new);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new PortalException("password.current-wrong");
        }
        if (newPassword == null) {
            throw new PasswordRefusedException(PasswordPolicy.Violation.TOO_SHORT);
        }
        if (newPassword.equals(currentPassword)) {
            throw new PasswordRefusedException(PasswordPolicy.Violation.SAME_AS_CURRENT);
        }
        policy.check(user.getUsername(), newPassword).ifPresent(violation -> {
            throw new PasswordRefusedException(violation);
        });
        repository.updatePassword(user.userId(), passwordEncoder.encode(newPassword), false,
                LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        // ASVS 3.3.3: the account's other sessions end; the one that made the change stays
        int ended = sessions.endAll(user.userId(), currentUser.sessionId().orElse(null));
        audit.record(AuditAction.PASSWORD_CHANGED, ENTITY, user.getUsername(), null, Map.of("otherSessionsEnded", ended));
    }

    /** The caller's logged-in sessions, newest first, the one she uses now marked (ASVS 3.3.4). */
    @PreAuthorize(Access.LOGGED_IN)
    public List<OwnSession> sessions() {
        return sessions.live(currentUser.require().userId(), currentUser.sessionId().orElse(null));
    }

    /** Ends one of the caller's sessions; another user's session is refused like a missing one. */
    @PreAuthorize(Access.LOGGED_IN)
    @Transactional
    public void endSession(long sessionId) {
        PortalPrincipal user = currentUser.require();
        if (!sessions.endOne(user.userId(), sessionId)) {
            throw new NotFoundException();
        }
        audit.record(AuditAction.SESSIONS_ENDED, ENTITY, user.getUsername(), null, Map.of("ended", 1));
    }

    /** Ends every session of the caller but the one she uses now; returns how many ended. */
    @PreAuthorize(Access.LOGGED_IN)
    @Transactional
    public int endOtherSessions() {
        PortalPrincipal user = currentUser.require();
        int ended = sessions.endAll(user.userId(), currentUser.sessionId().orElse(null));
        audit.record(AuditAction.SESSIONS_ENDED, ENTITY, user.getUsername(), null, Map.of("ended", ended));
        return ended;
    }

    @PreAuthorize(Access.LOGGED_IN)
    @Transactional
    public void changeLanguage(Language language) {
        PortalPrincipal user = currentUser.require();
        String before = repository.sessionInfo(user.userId()).map(SessionInfo::preferredLanguage).orElse(null);
        repository.updateLanguage(user.userId(), language.code());
        audit.record(AuditAction.LANGUAGE_CHANGED, ENTITY, user.getUsername(),
                before == null ? null : Map.of("language", before), Map.of("language", language.code()));
    }

    /** The caller's own account, for the profile page. */
    @PreAuthorize(Access.LOGGED_IN)
    public Profile profile() {
        return repository.profile(currentUser.require().userId()).orElseThrow(NotFoundException::new);
    }

    /**
     * Stores the caller's display name, phone, e-mail and language; refused when the account changed
     * since the profile was read (e.g. an administrator edited it meanwhile).
     */
    @PreAuthorize(Access.LOGGED_IN)
    @Transactional
    public void updateProfile(ProfileChanges changes) {
        List<String> problems = changes.fieldProblems();
        if (!problems.isEmpty()) {
            throw new PortalException(problems.getFirst());
        }
        PortalPrincipal user = currentUser.require();
        Profile before = repository.profile(user.userId()).orElseThrow(NotFoundException::new);
        String displayName = changes.displayName().strip();
        String phone = UserFields.clean(changes.phone());
        String email = UserFields.clean(changes.email());
        if (!repository.updateProfile(user.userId(), displayName, phone, email, changes.language().code(),
                changes.expectedVersion())) {
            throw new PortalException("user.error.stale", user.getUsername());
        }
        audit.record(AuditAction.PROFILE_UPDATED, ENTITY, user.getUsername(),
                profileView(before.displayName(), before.phone(), before.email(), before.preferredLanguage()),
                profileView(displayName, phone, email, changes.language().code()));
    }

    private static Map<String, Object> profileView(String displayName, String phone, String email, String language) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("displayName", displayName);
        view.put("phone", phone);
        view.put("email", email);
        view.put("language", language);
        return view;
    }

    @PreAuthorize(Access.ADMIN)
    public UserCounts counts() {
        UserCounts counts = repository.counts(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        return new UserCounts(counts.total(), counts.disabled(), counts.locked(), counts.mustChangePassword(),
                repository.countEnabledByRole());
    }
}

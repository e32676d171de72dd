package cn.luohu.qpb.user;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import cn.luohu.qpb.base.security.OneTimeSecretEncoder;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Account administration (issue "Administration", users): search, create (one or a whole import), edit,
 * disable, enable, unlock and reset passwords. Administrators only. Disabling, a new password, and a change
 * of roles or organisation end the account's sessions at once (issue 11). Role placement is
 * {@link RolePlacement}'s rule, the self-protection rules are {@link AdminSafeguards}'; this service
 * gathers the facts under lock, applies them, and audits every change.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class UserAdminService {

    private static final String ENTITY = "user";

    private final UserAdminRepository repository;
    private final OrganizationService organizations;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final UserSessions sessions;
    private final Clock clock;

    UserAdminService(UserAdminRepository repository, OrganizationService organizations, CurrentUser currentUser,
                     AuditService audit, UserSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.repository = repository;
        this.organizations = organizations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of accounts, filtered and sorted in SQL. */
    @PreAuthorize(Access.ADMIN)
    public List<UserSummary> find(UserFilter filter, int offset, int limit, List<UserSort> sorts) {
        return repository.find(filter, now(), offset, limit, sorts);
    }

    @PreAuthorize(Access.ADMIN)
    public int count(UserFilter filter) {
        return repository.count(filter, now());
    }

    @PreAuthorize(Access.ADMIN)
    public UserSummary get(long id) {
        return repository.get(id, now()).orElseThrow(NotFoundException::new);
    }

    /**
     * Every reason why these accounts cannot be created, empty when all can: field rules, duplicate
     * usernames (in the list or already taken), unknown or inactive organisations, role placement.
     * Imports may call it for their dry run; {@link #createAll} checks the same again.
     */
    @PreAuthorize(Access.ADMIN)
    public List<UserProblem> problems(List<NewUser> users) {
        return validate(users).problems();
    }

    /** Creates one account; returns its one-time password, which is shown once and stored only hashed. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public String create(NewUser user) {
        Validated validated = validate(List.of(user));
        if (!validated.problems().isEmpty()) {
            UserProblem first = validated.problems().getFirst();
            auditRefusedAdmins(List.of(user), validated.problems());
            throw new PortalException(first.messageKey(), first.arguments().toArray());
        }
        return insert(List.of(user), validated.organizations()).get(user.username());
    }

    /**
     * Creates all these accounts in one transaction, or none: any problem refuses the whole list with a
     * {@link UsersRefusedException} listing every problem. Returns username → one-time password, in the
     * list's order. Built for imports of tens of thousands: one query resolves the organisations, rows
     * go in multi-row inserts, and the one-time passwords get a fast salted hash (see OneTimeSecretEncoder).
     */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public Map<String, String> createAll(List<NewUser> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        Validated validated = validate(users);
        if (!validated.problems().isEmpty()) {
            auditRefusedAdmins(users, validated.problems());
            throw new UsersRefusedException(validated.problems());
        }
        return insert(users, validated.organizations());
    }

    /** Applies an administrator's edit, refused when the account changed since the editor was opened. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void update(long id, UserChanges changes) {
        List<String> fieldProblems = changes.fieldProblems();
        if (!fieldProblems.isEmpty()) {
            throw new PortalException(fieldProblems.getFirst());
        }
        int enabledAdmins = repository.lockEnabledAdmins(); // first, always: one lock order, no deadlock
        var state = repository.lockForChange(id).orElseThrow(NotFoundException::new);
        if (state.version() != changes.expectedVersion()) {
            throw new PortalException("user.error.stale", state.username());
        }
        UserSummary before = get(id);
        OrganizationSummary organization = organizations.get(changes.organizationId());
        if (organization.id() != before.organizationId() && !organization.active()) {
            throw new PortalException("user.error.organization-inactive", organization.name());
        }
        AdminSafeguards.refusal(caller(), id, state.enabled(), state.roles(), state.enabled(), changes.roles(),
                enabledAdmins).ifPresent(key -> {
            if (!state.roles().equals(changes.roles())) {
                auditRefusedRoles(state.username(), key, changes.roles());
            }
            throw new PortalException(key);
        });
        RolePlacement.combinationProblem(changes.roles()).ifPresent(key -> {
            auditRefusedRoles(state.username(), key, changes.roles());
            throw new PortalException(key);
        });
        placementProblem(changes.roles(), organization).ifPresent(key -> {
            throw new PortalException(key, organization.name());
        });
        if (!repository.update(id, changes, changes.displayName().strip(), UserFields.clean(changes.phone()),
                UserFields.clean(changes.email()))) {
            throw new PortalException("user.error.stale", state.username());
        }
        UserSummary after = get(id);
        if (!after.roles().equals(before.roles()) || after.organizationId() != before.organizationId()) {
            sessions.endAll(id, null); // what the account may do changed: it logs in again to do it
        }
        audit.record(AuditAction.USER_UPDATED, ENTITY, state.username(), auditView(before), auditView(after));
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void disable(long id) {
        int enabledAdmins = repository.lockEnabledAdmins();
        var state = repository.lockForChange(id).orElseThrow(NotFoundException::new);
        AdminSafeguards.refusal(caller(), id, state.enabled(), state.roles(), false, state.roles(), enabledAdmins)
                .ifPresent(key -> {
                    throw new PortalException(key);
                });
        if (!state.enabled()) {
            return; // already disabled: nothing changes, nothing to audit
        }
        repository.setEnabled(id, false);
        sessions.endAll(id, null);
        audit.record(AuditAction.USER_DISABLED, ENTITY, state.username(), Map.of("enabled", true),
                Map.of("enabled", false));
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void enable(long id) {
        var state = repository.lockForChange(id).orElseThrow(NotFoundException::new);
        if (state.enabled()) {
            return;
        }
        repository.setEnabled(id, true);
        audit.record(AuditAction.USER_ENABLED, ENTITY, state.username(), Map.of("enabled", false),
                Map.of("enabled", true));
    }

    /** Lifts a lock from failed logins at once and starts counting failures afresh. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void unlock(long id) {
        var state = repository.lockForChange(id).orElseThrow(NotFoundException::new);
        UserSummary before = get(id);
        repository.unlock(id);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("lockedUntil", before.lockedUntil() == null ? null : before.lockedUntil().toString());
        audit.record(AuditAction.USER_UNLOCKED, ENTITY, state.username(), was, Map.of("locked", false));
    }

    /**
     * Gives the account a new one-time password (returned once, stored only hashed) that must be changed
     * at the next login. It also lifts a lock, so the user can log in with it straight away.
     */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public String resetPassword(long id) {
        var state = repository.lockForChange(id).orElseThrow(NotFoundException::new);
        String password = OneTimePassword.generate();
        repository.resetPassword(id, OneTimeSecretEncoder.hash(password), now());
        sessions.endAll(id, null); // whoever knew the old password is out
        audit.record(AuditAction.PASSWORD_RESET, ENTITY, state.username(), null,
                Map.of("mustChangePassword", true, "locked", false));
        return password;
    }

    private Map<String, String> insert(List<NewUser> users, Map<String, OrganizationSummary> byCode) {
        List<String> passwords = IntStream.range(0, users.size()).mapToObj(i -> OneTimePassword.generate()).toList();
        List<String> hashes = passwords.stream().map(OneTimeSecretEncoder::hash).toList();
        List<UserAdminRepository.NewAccount> accounts = new ArrayList<>(users.size());
        Map<String, Object> audited = new LinkedHashMap<>();
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            NewUser user = users.get(i);
            OrganizationSummary organization = byCode.get(user.organizationCode().strip());
            accounts.add(new UserAdminRepository.NewAccount(user.username(), user.displayName().strip(),
                    organization.id(), EnumSet.copyOf(user.roles()), UserFields.clean(user.phone()),
                    UserFields.clean(user.email()), hashes.get(i)));
            audited.put(user.username(), auditView(user.username(), user.displayName().strip(), organization.code(),
                    user.roles(), UserFields.clean(user.phone()), UserFields.clean(user.email())));
            result.put(user.username(), passwords.get(i));
        }
        repository.insertAll(accounts, now());
        audit.recordEach(AuditAction.USER_CREATED, ENTITY, audited);
        return result;
    }

    private Validated validate(List<NewUser> users) {
        List<UserProblem> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        Set<String> codes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < users.size(); i++) {
            NewUser user = users.get(i);
            for (String key : user.fieldProblems()) {
                problems.add(new UserProblem(i, user.username(), key, List.of()));
            }
            if (!UserFields.isBlank(user.username())) {
                Integer earlier = firstIndex.putIfAbsent(user.username().toLowerCase(Locale.ROOT), i);
                if (earlier != null) {
                    problems.add(new UserProblem(i, user.username(), "user.error.username-repeated",
                            List.of(earlier + 1)));
                }
            }
            if (!UserFields.isBlank(user.organizationCode())) {
                codes.add(user.organizationCode().strip());
            }
        }
        for (String taken : repository.existingUsernames(users.stream().map(NewUser::username)
                .filter(Objects::nonNull).filter(name -> !name.isBlank()).distinct().toList())) {
            Integer index = firstIndex.get(taken.toLowerCase(Locale.ROOT));
            if (index == null) {
                continue; // only a non-ASCII look-alike, which the username format refuses anyway
            }
            problems.add(new UserProblem(index, users.get(index).username(), "user.error.username-taken",
                    List.of(taken)));
        }
        Map<String, OrganizationSummary> byCode = organizations.findByCodes(codes);
        for (int i = 0; i < users.size(); i++) {
            NewUser user = users.get(i);
            if (UserFields.isBlank(user.organizationCode())) {
                continue;
            }
            OrganizationSummary organization = byCode.get(user.organizationCode().strip());
            if (organization == null) {
                problems.add(new UserProblem(i, user.username(), "user.error.organization-unknown",
                        List.of(user.organizationCode().strip())));
            } else if (!organization.active()) {
                problems.add(new UserProblem(i, user.username(), "user.error.organization-inactive",
                        List.of(organization.name())));
            } else if (user.roles() != null) {
                int index = i;
                RolePlacement.combinationProblem(user.roles()).ifPresentOrElse(
                        key -> problems.add(new UserProblem(index, user.username(), key, List.of())),
                        () -> placementProblem(user.roles(), organization).ifPresent(key -> problems.add(
                                new UserProblem(index, user.username(), key, List.of(organization.name())))));
            }
        }
        problems.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new Validated(problems, byCode);
    }

    /** The first role the organisation cannot hold, as the key that explains where that role belongs. */
    private static Optional<String> placementProblem(Set<Role> roles, OrganizationSummary organization) {
        return roles.stream().sorted()
                .filter(role -> !RolePlacement.allows(role, organization.kind()))
                .map(role -> "user.error.placement." + role.name())
                .findFirst();
    }

    /** Audits each account of the list refused for holding ADMIN with a workflow role. */
    private void auditRefusedAdmins(List<NewUser> users, List<UserProblem> problems) {
        problems.stream().filter(problem -> problem.messageKey().equals(RolePlacement.ADMIN_WITH_WORKFLOW_ROLE))
                .forEach(problem -> auditRefusedRoles(problem.username(), problem.messageKey(), users.get(problem.index()).roles()));
    }

    /**
     * A refused change of roles is an audit event of its own, written in a transaction of its own: the
     * change's transaction rolls back with the refusal.
     */
    private void auditRefusedRoles(String username, String reason, Set<Role> roles) {
        audit.recordFor(currentUser.require().getUsername(), AuditAction.ROLE_CHANGE_REFUSED, ENTITY, username,
                Map.of("reason", reason, "roles", roles.stream().sorted().map(Role::name).toList()), null);
    }

    private long caller() {
        return currentUser.require().userId();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
    }

    /** What the audit trail keeps about an account: never a password or its hash. */
    private static Map<String, Object> auditView(UserSummary user) {
        return auditView(user.username(), user.displayName(), user.organizationCode(), user.roles(), user.phone(),
                user.email());
    }

    private static Map<String, Object> auditView(String username, String displayName, String organizationCode,
                                                 Set<Role> roles, String phone, String email) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", username);
        view.put("displayName", displayName);
        view.put("organization", organizationCode);
        view.put("roles", roles.stream().sorted().map(Role::name).toList());
        view.put("phone", phone);
        view.put("email", email);
        return view;
    }

    private record Validated(List<UserProblem> problems, Map<String, OrganizationSummary> organizations) {
    }
}

package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;

@Repository
class UserAccountRepository {

    private final DSLContext dsl;

    UserAccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The account with its roles, in one statement: it is read at every login and once per request (CurrentUser). */
    Optional<Credentials> credentials(String username) {
        var rows = dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.PASSWORD_HASH, APP_USER.ENABLED,
                        APP_USER.LOCKED_UNTIL, APP_USER.ORGANIZATION_ID, APP_USER_ROLE.ROLE)
                .from(APP_USER).leftJoin(APP_USER_ROLE).on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.USERNAME.eq(username))
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.forEach(r -> {
            if (r.value7() != null) {
                roles.add(Role.valueOf(r.value7()));
            }
        });
        var r = rows.getFirst();
        return Optional.of(new Credentials(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), roles));
    }

    Set<Role> roles(long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dsl.select(APP_USER_ROLE.ROLE).from(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(userId))
                .forEach(r -> roles.add(Role.valueOf(r.value1())));
        return roles;
    }

    Optional<SessionInfo> sessionInfo(long userId) {
        return dsl.select(APP_USER.DISPLAY_NAME, ORGANIZATION.NAME, APP_USER.PREFERRED_LANGUAGE,
                        APP_USER.MUST_CHANGE_PASSWORD)
                .from(APP_USER).join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID))
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new SessionInfo(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Counts a failed login and, at the limit, locks the account and starts counting afresh.
     * MariaDB applies SET clauses left to right, each seeing the values set before it, so
     * locked_until must be computed before failed_login_count is changed.
     */
    boolean registerFailure(String username, int limit, LocalDateTime lockUntil) {
        var reachesLimit = APP_USER.FAILED_LOGIN_COUNT.plus(1).ge(limit);
        dsl.update(APP_USER)
                .set(APP_USER.LOCKED_UNTIL, DSL.when(reachesLimit, DSL.val(lockUntil)).otherwise(APP_USER.LOCKED_UNTIL))
                .set(APP_USER.FAILED_LOGIN_COUNT, DSL.when(reachesLimit, DSL.inline(0))
                        .otherwise(APP_USER.FAILED_LOGIN_COUNT.plus(1)))
                .where(APP_USER.USERNAME.eq(username))
                .execute();
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username)
                .and(APP_USER.LOCKED_UNTIL.eq(lockUntil)));
    }

    void registerSuccess(String username) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGIN_COUNT, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .where(APP_USER.USERNAME.eq(username))
                .execute();
    }

    Optional<String> passwordHash(long userId) {
        return dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> r.value1());
    }

    void updatePassword(long userId, String hash, boolean mustChange, LocalDateTime changedAt) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, hash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(APP_USER.PASSWORD_CHANGED_AT, changedAt)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    Optional<Profile> profile(long userId) {
        return dsl.select(APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PHONE, APP_USER.EMAIL,
                        APP_USER.PREFERRED_LANGUAGE, ORGANIZATION.NAME, APP_USER.VERSION)
                .from(APP_USER).join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID))
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new Profile(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), roles(userId), r.value7()));
    }

    /** Stores the caller's own profile if the row still has the expected version. */
    boolean updateProfile(long userId, String displayName, String phone, String email, String language,
                          int expectedVersion) {
        return dsl.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PHONE, phone)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.PREFERRED_LANGUAGE, language)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(userId).and(APP_USER.VERSION.eq(expectedVersion)))
                .execute() == 1;
    }

    void updateLanguage(long userId, String language) {
        dsl.update(APP_USER).set(APP_USER.PREFERRED_LANGUAGE, language).where(APP_USER.ID.eq(userId)).execute();
    }

    Map<Role, Integer> countEnabledByRole() {
        Map<Role, Integer> result = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            result.put(role, 0);
        }
        dsl.select(APP_USER_ROLE.ROLE, DSL.count())
                .from(APP_USER_ROLE).join(APP_USER).on(APP_USER.ID.eq(APP_USER_ROLE.USER_ID))
                .where(APP_USER.ENABLED.isTrue())
                .groupBy(APP_USER_ROLE.ROLE)
                .forEach(r -> result.put(Role.valueOf(r.value1()), r.value2()));
        return result;
    }

    UserCounts counts(LocalDateTime now) {
        return dsl.select(DSL.count(),
                        DSL.count().filterWhere(APP_USER.ENABLED.isFalse()),
                        DSL.count().filterWhere(APP_USER.LOCKED_UNTIL.gt(now)),
                        DSL.count().filterWhere(APP_USER.MUST_CHANGE_PASSWORD.isTrue()))
                .from(APP_USER)
                .fetchSingle(r -> new UserCounts(r.value1(), r.value2(), r.value3(), r.value4(), Map.of()));
    }

    record Credentials(long id, String username, String passwordHash, boolean enabled,
                       LocalDateTime lockedUntil, long organizationId, Set<Role> roles) {
    }
}

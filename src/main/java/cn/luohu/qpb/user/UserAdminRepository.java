package cn.luohu.qpb.user;

import cn.luohu.qpb.base.db.InLists;
import cn.luohu.qpb.base.db.RowGuards;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.jooq.tables.AppUser;
import cn.luohu.qpb.jooq.tables.Organization;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;

/** The administrators' queries on accounts: paged search, bulk creation, and the guarded changes. */
@Repository
class UserAdminRepository {

    private static final AppUser U = APP_USER.as("u");
    private static final Organization O = ORGANIZATION.as("o");

    private static final String ENABLED_ADMINS_GUARD = "enabled-admins";

    private final DSLContext dsl;
    private final RowGuards guards;

    UserAdminRepository(DSLContext dsl, RowGuards guards) {
        this.dsl = dsl;
        this.guards = guards;
    }

    List<UserSummary> find(UserFilter filter, LocalDateTime now, int offset, int limit, List<UserSort> sorts) {
        List<? extends Record> rows = selectSummary()
                .where(matches(filter, now))
                .orderBy(orderBy(sorts))
                .offset(offset).limit(limit)
                .fetch();
        Map<Long, Set<Role>> roles = rolesOf(rows.stream().map(r -> r.get(U.ID)).toList());
        return rows.stream().map(r -> toSummary(r, roles.get(r.get(U.ID)), now)).toList();
    }

    int count(UserFilter filter, LocalDateTime now) {
        return dsl.fetchCount(dsl.select(U.ID).from(U).join(O).on(O.ID.eq(U.ORGANIZATION_ID))
                .where(matches(filter, now)));
    }

    Optional<UserSummary> get(long id, LocalDateTime now) {
        return selectSummary().where(U.ID.eq(id)).fetchOptional()
                .map(r -> toSummary(r, rolesOf(List.of(id)).get(id), now));
    }

    /** The account's state, its row locked until the transaction ends (so checks and write see one state). */
    Optional<AccountState> lockForChange(long id) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.ENABLED, APP_USER.VERSION)
                .from(APP_USER).where(APP_USER.ID.eq(id))
                .forUpdate()
                .fetchOptional(r -> new AccountState(r.value1(), r.value2(), r.value3(), r.value4(),
                        rolesOf(List.of(id)).getOrDefault(id, EnumSet.noneOf(Role.class))));
    }

    /**
     * The number of enabled administrators, their rows locked: two administrators removing each other
     * at the same moment are served one after the other, and the second sees the first's change. On a
     * cluster through the guard's write: each of the two writes only the other's row.
     */
    int lockEnabledAdmins() {
        guards.bump(ENABLED_ADMINS_GUARD);
        return dsl.select(APP_USER.ID)
                .from(APP_USER).join(APP_USER_ROLE).on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER_ROLE.ROLE.eq(Role.ADMIN.name()).and(APP_USER.ENABLED.isTrue()))
                .forUpdate()
                .fetch().size();
    }

    /** Which of these usernames exist already (compared as the database compares: ignoring case). */
    List<String> existingUsernames(Collection<String> usernames) {
        List<String> existing = new ArrayList<>();
        for (List<String> chunk : InLists.chunks(usernames)) {
            existing.addAll(dsl.select(APP_USER.USERNAME).from(APP_USER)
                    .where(APP_USER.USERNAME.in(chunk))
                    .fetch(r -> r.value1()));
        }
        return existing;
    }

    /**
     * Inserts the accounts and their roles in multi-row statements (INSERT ... RETURNING gives the new ids
     * in one round trip per chunk); every account must change its password at the first login.
     */
    void insertAll(List<NewAccount> accounts, LocalDateTime now) {
        for (List<NewAccount> chunk : InLists.chunks(accounts)) {
            var insert = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH,
                    APP_USER.ORGANIZATION_ID, APP_USER.PHONE, APP_USER.EMAIL, APP_USER.MUST_CHANGE_PASSWORD,
                    APP_USER.PASSWORD_CHANGED_AT, APP_USER.CREATED_AT);
            for (NewAccount account : chunk) {
                insert = insert.values(account.username(), account.displayName(), account.passwordHash(),
                        account.organizationId(), account.phone(), account.email(), true, now, now);
            }
            Map<String, Long> ids = new HashMap<>();
            insert.returningResult(APP_USER.ID, APP_USER.USERNAME).fetch()
                    .forEach(r -> ids.put(r.value2(), r.value1()));
            var roles = dsl.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE);
            for (NewAccount account : chunk) {
                Long id = ids.get(account.username());
                if (id == null) {
                    throw new IllegalStateException("no id returned for " + account.username());
                }
                for (Role role : account.roles()) {
                    roles = roles.values(id, role.name());
                }
            }
            roles.execute();
        }
    }

    /** Applies an edit if the row still has the expected version; false when someone else changed it first. */
    boolean update(long id, UserChanges changes, String displayName, String phone, String email) {
        int updated = dsl.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.ORGANIZATION_ID, changes.organizationId())
                .set(APP_USER.PHONE, phone)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id).and(APP_USER.VERSION.eq(changes.expectedVersion())))
                .execute();
        if (updated == 1) {
            dsl.deleteFrom(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(id)).execute();
            var roles = dsl.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE);
            for (Role role : changes.roles()) {
                roles = roles.values(id, role.name());
            }
            roles.execute();
        }
        return updated == 1;
    }

    void setEnabled(long id, boolean enabled) {
        dsl.update(APP_USER)
                .set(APP_USER.ENABLED, enabled)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    void unlock(long id) {
        dsl.update(APP_USER)
                .setNull(APP_USER.LOCKED_UNTIL)
                .set(APP_USER.FAILED_LOGIN_COUNT, 0)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    /** A new one-time password that must be changed; lifts a lock so that it works at once. */
    void resetPassword(long id, String hash, LocalDateTime now) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, hash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, true)
                .set(APP_USER.PASSWORD_CHANGED_AT, now)
                .setNull(APP_USER.LOCKED_UNTIL)
                .set(APP_USER.FAILED_LOGIN_COUNT, 0)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    private SelectOnConditionStep<? extends Record> selectSummary() {
        return dsl.select(U.ID, U.USERNAME, U.DISPLAY_NAME, U.ORGANIZATION_ID, O.CODE, O.NAME, U.PHONE, U.EMAIL,
                        U.ENABLED, U.LOCKED_UNTIL, U.MUST_CHANGE_PASSWORD, U.CREATED_AT, U.VERSION)
                .from(U).join(O).on(O.ID.eq(U.ORGANIZATION_ID));
    }

    private Map<Long, Set<Role>> rolesOf(Collection<Long> userIds) {
        Map<Long, Set<Role>> roles = new HashMap<>();
        if (userIds.isEmpty()) {
            return roles;
        }
        dsl.select(APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE).from(APP_USER_ROLE)
                .where(APP_USER_ROLE.USER_ID.in(userIds))
                .forEach(r -> roles.computeIfAbsent(r.value1(), id -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(r.value2())));
        return roles;
    }

    private static Condition lockedAt(LocalDateTime now) {
        return U.LOCKED_UNTIL.gt(now);
    }

    private static Condition matches(UserFilter filter, LocalDateTime now) {
        Condition condition = DSL.trueCondition();
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip();
            // contains() escapes LIKE wildcards in what the user typed
            condition = condition.and(U.USERNAME.contains(text).or(U.DISPLAY_NAME.contains(text)));
        }
        if (filter.role() != null) {
            condition = condition.and(DSL.exists(DSL.selectOne().from(APP_USER_ROLE)
                    .where(APP_USER_ROLE.USER_ID.eq(U.ID).and(APP_USER_ROLE.ROLE.eq(filter.role().name())))));
        }
        if (filter.organizationId() != null) {
            // the organisation and its whole subtree: one range scan of the path index
            Field<String> path = DSL.field(DSL.select(ORGANIZATION.PATH).from(ORGANIZATION)
                    .where(ORGANIZATION.ID.eq(filter.organizationId())));
            condition = condition.and(O.PATH.startsWith(path));
        }
        if (filter.enabled() != null) {
            condition = condition.and(U.ENABLED.eq(filter.enabled()));
        }
        if (filter.locked() != null) {
            condition = condition.and(filter.locked() ? lockedAt(now) : DSL.not(lockedAt(now)).or(U.LOCKED_UNTIL.isNull()));
        }
        return condition;
    }

    private static List<OrderField<?>> orderBy(List<UserSort> sorts) {
        List<OrderField<?>> fields = new ArrayList<>();
        for (UserSort sort : sorts) {
            Field<?> field = switch (sort.column()) {
                case USERNAME -> U.USERNAME;
                case DISPLAY_NAME -> U.DISPLAY_NAME;
                case ORGANIZATION -> O.CODE;
                case CREATED -> U.CREATED_AT;
            };
            fields.add(sort.ascending() ? field.asc() : field.desc());
        }
        fields.add(U.USERNAME.asc()); // a stable order for paging
        return fields;
    }

    private static UserSummary toSummary(Record r, Set<Role> roles, LocalDateTime now) {
        LocalDateTime lockedUntil = r.get(U.LOCKED_UNTIL);
        Set<Role> held = roles == null ? EnumSet.noneOf(Role.class) : roles;
        return new UserSummary(r.get(U.ID), r.get(U.USERNAME), r.get(U.DISPLAY_NAME), r.get(U.ORGANIZATION_ID),
                r.get(O.CODE), r.get(O.NAME), Collections.unmodifiableSet(held), r.get(U.PHONE), r.get(U.EMAIL),
                r.get(U.ENABLED), lockedUntil != null && lockedUntil.isAfter(now), lockedUntil, r.get(U.MUST_CHANGE_PASSWORD), r.get(U.CREATED_AT), r.get(U.VERSION));
    }

    /** A row to insert: the hash is ready, the organisation resolved. */
    record NewAccount(String username, String displayName, long organizationId, Set<Role> roles, String phone,
                      String email, String passwordHash) {
    }

    /** What the guarded changes need to know about an account, read under lock. */
    record AccountState(long id, String username, boolean enabled, int version, Set<Role> roles) {
    }
}

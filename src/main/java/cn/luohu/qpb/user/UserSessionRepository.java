package cn.luohu.qpb.user;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static cn.luohu.qpb.jooq.Tables.USER_SESSION;

/** The logged-in sessions of accounts, keyed by the SHA-256 of the servlet session id. */
@Repository
class UserSessionRepository {

    private final DSLContext dsl;

    UserSessionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What a request's check needs of a stored session: whose, last seen when, and whether it has been ended. */
    record Stored(long userId, LocalDateTime lastSeenAt, boolean ended) {
    }

    void register(String key, long userId, LocalDateTime now) {
        dsl.insertInto(USER_SESSION)
                .set(USER_SESSION.SESSION_KEY, key).set(USER_SESSION.USER_ID, userId)
                .set(USER_SESSION.CREATED_AT, now).set(USER_SESSION.LAST_SEEN_AT, now)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Asked on every request of a logged-in session: one row by its unique key, no join. */
    Optional<Stored> find(String key) {
        return dsl.select(USER_SESSION.USER_ID, USER_SESSION.LAST_SEEN_AT, USER_SESSION.ENDED_AT)
                .from(USER_SESSION)
                .where(USER_SESSION.SESSION_KEY.eq(key))
                .fetchOptional(r -> new Stored(r.value1(), r.value2(), r.value3() != null));
    }

    /** The user's sessions seen since {@code since}, newest first, each with its key. */
    List<Keyed> seenSince(long userId, LocalDateTime since) {
        return dsl.select(USER_SESSION.ID, USER_SESSION.SESSION_KEY, USER_SESSION.CREATED_AT, USER_SESSION.LAST_SEEN_AT)
                .from(USER_SESSION)
                .where(USER_SESSION.USER_ID.eq(userId).and(USER_SESSION.ENDED_AT.isNull())
                        .and(USER_SESSION.LAST_SEEN_AT.ge(since)))
                .orderBy(USER_SESSION.LAST_SEEN_AT.desc(), USER_SESSION.ID.desc())
                .fetch(r -> new Keyed(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    record Keyed(long id, String key, LocalDateTime createdAt, LocalDateTime lastSeenAt) {
    }

    /** Last seen now, written at most once in {@code before} (a write per request would be a write per click). */
    void touch(String key, LocalDateTime now, LocalDateTime before) {
        dsl.update(USER_SESSION).set(USER_SESSION.LAST_SEEN_AT, now)
                .where(USER_SESSION.SESSION_KEY.eq(key).and(USER_SESSION.LAST_SEEN_AT.lt(before)))
                .execute();
    }

    void rekey(String oldKey, String newKey) {
        dsl.update(USER_SESSION).set(USER_SESSION.SESSION_KEY, newKey).where(USER_SESSION.SESSION_KEY.eq(oldKey)).execute();
    }

    void remove(String key) {
        dsl.deleteFrom(USER_SESSION).where(USER_SESSION.SESSION_KEY.eq(key)).execute();
    }

    /** Forgets the user's sessions not seen since {@code before}: they ended on a server that went away. */
    void forgetStale(long userId, LocalDateTime before) {
        dsl.deleteFrom(USER_SESSION).where(USER_SESSION.USER_ID.eq(userId).and(USER_SESSION.LAST_SEEN_AT.lt(before)))
                .execute();
    }

    /** Ends the user's sessions, all or all but the one with {@code keptKey}; returns how many. */
    int endAll(long userId, String keptKey, LocalDateTime now) {
        var condition = USER_SESSION.USER_ID.eq(userId).and(USER_SESSION.ENDED_AT.isNull());
        if (keptKey != null) {
            condition = condition.and(USER_SESSION.SESSION_KEY.ne(keptKey));
        }
        return dsl.update(USER_SESSION).set(USER_SESSION.ENDED_AT, now).where(condition).execute();
    }

    /** Ends one of the user's sessions (another user's id ends nothing); whether it did. */
    boolean endOne(long userId, long sessionId, LocalDateTime now) {
        return dsl.update(USER_SESSION).set(USER_SESSION.ENDED_AT, now)
                .where(USER_SESSION.ID.eq(sessionId).and(USER_SESSION.USER_ID.eq(userId)).and(USER_SESSION.ENDED_AT.isNull()))
                .execute() == 1;
    }
}

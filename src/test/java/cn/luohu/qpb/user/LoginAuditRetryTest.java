package cn.luohu.qpb.user;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static cn.luohu.qpb.jooq.Tables.USER_SESSION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed login's audit is written in the listener's own transaction: when the listener loses a deadlock
 * and runs again, the attempt is still audited once.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginAuditRetryTest extends IntegrationTest {

    @Autowired
    private LoginAttemptListener listener;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private DataSource dataSource;

    @Test
    void aFailedLoginThatLosesADeadlockAndRunsAgainIsAuditedOnce(CapturedOutput output) throws Exception {
        String username = data.user(data.branch(data.committee("登录重试党工委"), "登录重试支部"), Role.SECRETARY);
        long userId = data.userId(username);
        // the next failure locks the account and ends its open session
        dsl.update(APP_USER).set(APP_USER.FAILED_LOGIN_COUNT, LoginAttemptListener.MAX_FAILURES - 1).where(APP_USER.ID.eq(userId)).execute();
        LocalDateTime now = LocalDateTime.now();
        long session = dsl.insertInto(USER_SESSION).set(USER_SESSION.SESSION_KEY, "retry-" + userId).set(USER_SESSION.USER_ID, userId)
                .set(USER_SESSION.CREATED_AT, now).set(USER_SESSION.LAST_SEEN_AT, now)
                .returningResult(USER_SESSION.ID).fetchSingle().value1();

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            execute(other, "UPDATE user_session SET last_seen_at = NOW(3) WHERE id = ?", session);
            for (int i = 0; i < 50; i++) { // weight: InnoDB rolls back the transaction that wrote less
                execute(other, "INSERT INTO write_guard (name) VALUES (?)", "login-retry-test-" + userId + "-" + i);
            }
            CompletableFuture<Void> failure = CompletableFuture.runAsync(() -> listener.onFailure(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong"), new BadCredentialsException("wrong"))),
                    runnable -> Thread.ofPlatform().start(runnable));
            // the listener has counted the failure (its account row) and waits to end the session
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.get().lockWaits() > 0);
            execute(other, "UPDATE app_user SET failed_login_count = failed_login_count WHERE id = ?", userId); // the deadlock
            other.rollback();
            failure.get(30, TimeUnit.SECONDS);
        }

        assertTrue(output.getOut().contains("LoginAttemptListener.onFailure: lost a race with a concurrent transaction (attempt 1 of 4)"),
                "the listener lost the deadlock and ran again");
        assertEquals(1, dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_ID.eq(username).and(AUDIT_EVENT.ACTION.eq("LOGIN_FAILED"))));
        assertEquals(1, dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_ID.eq(username).and(AUDIT_EVENT.ACTION.eq("ACCOUNT_LOCKED"))));
    }

    private static void execute(Connection connection, String sql, Object parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        }
    }
}

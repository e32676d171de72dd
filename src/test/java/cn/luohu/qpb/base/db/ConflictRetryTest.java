package cn.luohu.qpb.base.db;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.user.UserAccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.Advisor;
import org.springframework.aop.MethodMatcher;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retry's rules: a conflict (SQLSTATE 40001 / error 1213, as MariaDB and Galera report it) runs the whole
 * transaction again, at most {@link ConflictRetry#MAX_ATTEMPTS} times in all; other failures and work that
 * joined an outer transaction are not retried. A real deadlock through a real service: ApprovalConflictTest.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConflictRetryTest extends IntegrationTest {

    @Autowired
    private ConflictRetry retry;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    @Qualifier("conflictRetryAdvisor")
    private Advisor retryAdvisor;

    /** What the driver throws when this transaction lost (a deadlock, or another Galera node committed first). */
    private static RuntimeException conflict() {
        return new CannotAcquireLockException("commit", new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
    }

    @Test
    void aConflictRunsTheWholeTransactionAgainUntilItSucceeds(CapturedOutput output) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger transactionsSeen = new AtomicInteger();

        String result = retry.call("test work", () -> new TransactionTemplate(transactions).execute(status -> {
            transactionsSeen.incrementAndGet();
            assertTrue(status.isNewTransaction(), "every attempt has a transaction of its own");
            if (attempts.incrementAndGet() < 3) {
                throw conflict();
            }
            return "done";
        }));

        assertEquals("done", result);
        assertEquals(3, attempts.get());
        assertEquals(3, transactionsSeen.get());
        assertTrue(output.getOut().contains("test work: lost a race with a concurrent transaction (attempt 2 of 4)"));
        assertFalse(output.getOut().contains("ERROR"), "an expected conflict is no error");
    }

    @Test
    void theBoundHoldsThenTheUserIsAskedToTryAgain() {
        AtomicInteger attempts = new AtomicInteger();

        PortalException refused = assertThrows(PortalException.class, () -> retry.call("test work",
                () -> new TransactionTemplate(transactions).execute(status -> {
                    attempts.incrementAndGet();
                    throw conflict();
                })));

        assertEquals(ConflictRetry.MAX_ATTEMPTS, attempts.get());
        assertEquals("error.concurrent-change", refused.messageKey());
        assertTrue(ConflictRetry.isConflict(refused.getCause()));
    }

    @Test
    void aJoinedTransactionIsLeftToTheOutermostOne() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException thrown = conflict();

        RuntimeException seen = assertThrows(RuntimeException.class, () -> new TransactionTemplate(transactions).execute(outer ->
                retry.call("inner work", () -> {
                    attempts.incrementAndGet();
                    throw thrown;
                })));

        assertEquals(1, attempts.get(), "a retry inside the outer transaction would run on a rolled-back one");
        assertSame(thrown, seen);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(DataIntegrityViolationException.class, () -> retry.call("test work", () -> {
            attempts.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate", new SQLException("Duplicate entry", "23000", 1062));
        }));

        assertEquals(1, attempts.get());
    }

    /** On an annotated service the writes run again after a conflict, the read-only methods (a read loses no race) do not. */
    @Test
    void onlyTheWritesOfAnAnnotatedServiceAreRunAgain() throws Exception {
        MethodMatcher advised = ((PointcutAdvisor) retryAdvisor).getPointcut().getMethodMatcher();
        Class<?> service = UserAccountService.class;

        assertTrue(advised.matches(service.getMethod("changePassword", String.class, String.class), service));
        assertTrue(advised.matches(service.getMethod("endOtherSessions"), service));
        assertFalse(advised.matches(service.getMethod("profile"), service), "read-only");
        assertFalse(advised.matches(service.getMethod("sessions"), service), "read-only");
    }
}

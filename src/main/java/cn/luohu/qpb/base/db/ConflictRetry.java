package cn.luohu.qpb.base.db;

import cn.luohu.qpb.base.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one place where a transaction that lost a race is run again. Two kinds of loss are expected and end
 * in a rolled-back transaction with nothing half-written: an InnoDB deadlock, and on a Galera cluster a
 * certification conflict (another node committed a write to the same row first). Both reach the client as
 * error 1213, SQLSTATE 40001, at any statement or at the commit. The whole unit of work runs again, a bounded
 * number of times, with a short random pause; a later attempt sees what the winner committed (a job finds
 * nothing left to do, an approval finds the quota full). Expected, so logged at INFO, never as an error.
 * <p>
 * Only the outermost transaction can be run again: work that joins a transaction already running is left
 * alone (its exception rolls the outer one back, whose own retry, if any, starts it over).
 */
public class ConflictRetry {

    /** Attempts in all, the first included. */
    public static final int MAX_ATTEMPTS = 4;

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int ER_LOCK_DEADLOCK = 1213;

    /**
     * Runs {@code work} (which starts and ends its own transaction) and runs it again after a conflict; after
     * {@link #MAX_ATTEMPTS} conflicts the user is asked to try again ({@code error.concurrent-change}).
     */
    public <T, E extends Throwable> T call(String what, Work<T, E> work) throws E {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get(); // joined: only the outermost transaction is retried
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                if (attempt == MAX_ATTEMPTS) {
                    log.warn("{}: still conflicting after {} attempts, given up: {}", what, attempt, e.getMessage());
                    throw (PortalException) new PortalException("error.concurrent-change").initCause(e);
                }
                log.info("{}: lost a race with a concurrent transaction (attempt {} of {}), running it again: {}",
                        what, attempt, MAX_ATTEMPTS, e.getMessage());
                pause(attempt);
            }
        }
    }

    /** One attempt: starts and ends its transaction. */
    @FunctionalInterface
    public interface Work<T, E extends Throwable> {
        T get() throws E;
    }

    /** Whether the exception (or one of its causes) is a deadlock or a certification conflict. */
    public static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || sql.getErrorCode() == ER_LOCK_DEADLOCK)) {
                return true;
            }
        }
        return false;
    }

    /** A random pause that grows with the attempt, so two losers do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to run a transaction again", e);
        }
    }
}

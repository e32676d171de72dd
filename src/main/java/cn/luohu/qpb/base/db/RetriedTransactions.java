package cn.luohu.qpb.base.db;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code @Transactional} with {@code @RetryOnConflict} for work that is not called through a Spring proxy, such as
 * a scheduled job's run calling its own method: the work gets its own transaction, run again as a whole after a
 * lost race (see {@link ConflictRetry}).
 */
@Component
public class RetriedTransactions {

    private final TransactionTemplate defaultIsolation;
    private final TransactionTemplate readCommitted;
    private final ConflictRetry retry;

    RetriedTransactions(PlatformTransactionManager transactions, ConflictRetry retry) {
        this.defaultIsolation = new TransactionTemplate(transactions);
        this.readCommitted = new TransactionTemplate(transactions);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.retry = retry;
    }

    /** Runs {@code work} in a transaction of the database's default isolation. */
    public <T> T run(String what, TransactionCallback<T> work) {
        return retry.call(what, () -> defaultIsolation.execute(work));
    }

    /** Runs {@code work} in a READ COMMITTED transaction: each statement sees what others committed meanwhile. */
    public <T> T runReadCommitted(String what, TransactionCallback<T> work) {
        return retry.call(what, () -> readCommitted.execute(work));
    }
}

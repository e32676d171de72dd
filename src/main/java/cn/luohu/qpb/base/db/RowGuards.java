package cn.luohu.qpb.base.db;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static cn.luohu.qpb.jooq.Tables.WRITE_GUARD;

/**
 * The write that makes a guard hold on a Galera cluster. {@code SELECT … FOR UPDATE} makes a second
 * transaction wait only on the node that runs it; another node grants the same lock, and only a write to a
 * common row makes one of the two fail at commit (certification conflict, retried by {@link ConflictRetry}).
 * So a guard bumps a counter of the row it guards, first, as the lock it takes. Used by repositories.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class RowGuards {

    private final DSLContext dsl;

    RowGuards(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Bumps {@code counter} in the row whose {@code key} is {@code id}; false when there is no such row. */
    public <R extends Record> boolean bump(TableField<R, Long> counter, TableField<R, Long> key, long id) {
        return dsl.update(counter.getTable()).set(counter, counter.plus(1)).where(key.eq(id)).execute() == 1;
    }

    /** Bumps the named guard of a rule that has no row of its own (made at its first use). */
    public void bump(String name) {
        dsl.insertInto(WRITE_GUARD).set(WRITE_GUARD.NAME, name).set(WRITE_GUARD.SEQ, 1L)
                .onDuplicateKeyUpdate().set(WRITE_GUARD.SEQ, WRITE_GUARD.SEQ.plus(1))
                .execute();
    }
}

package cn.luohu.qpb.audit;

import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.util.Map;

import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail is append-only in the database itself, whatever the code does. */
class AuditTrailTest extends IntegrationTest {

    @Autowired
    private AuditService audit;
    @Autowired
    private DSLContext dsl;

    @Test
    void eventsCanBeAddedButNeverChangedOrRemoved() {
        String entity = cn.luohu.qpb.support.TestData.unique("entity");
        audit.recordFor("tester", AuditAction.LOGIN, "test", entity, Map.of("key", "值"), "10.0.0.1");
        var stored = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_ID.eq(entity)).fetchSingle();
        assertEquals("{\"key\":\"值\"}", stored.getAfterJson());
        assertEquals("10.0.0.1", stored.getClientAddress());

        Exception update = assertThrows(DataAccessException.class, () -> dsl.update(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR, "someone else").where(AUDIT_EVENT.ID.eq(stored.getId())).execute());
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(DataAccessException.class,
                () -> dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(stored.getId())).execute());
        assertEquals(1, dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_ID.eq(entity)));
    }

    @Test
    void recordingForTheCurrentUserNeedsTheCallersTransaction() {
        assertThrows(org.springframework.transaction.IllegalTransactionStateException.class,
                () -> audit.record(AuditAction.LOGIN, "test", 1, null, null));
    }
}

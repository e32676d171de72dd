package cn.luohu.qpb.audit;

import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.util.Map;

import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail is append-only in the database itself, whatever the code does: by grants, and by triggers. */
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

        // the application's account may not even try: its role has SELECT and INSERT on the trail only
        Exception update = assertThrows(DataAccessException.class, () -> dsl.update(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR, "someone else").where(AUDIT_EVENT.ID.eq(stored.getId())).execute());
        assertTrue(TestDatabase.cause(update).contains("UPDATE command denied"), TestDatabase.cause(update));
        Exception delete = assertThrows(DataAccessException.class,
                () -> dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(stored.getId())).execute());
        assertTrue(TestDatabase.cause(delete).contains("DELETE command denied"), TestDatabase.cause(delete));
        // and an account that may change every table (the server's administrator) is stopped by the triggers
        Exception adminUpdate = assertThrows(IllegalStateException.class,
                () -> data.executeAsAdministrator("UPDATE audit_event SET actor = 'someone else' WHERE id = " + stored.getId()));
        assertTrue(adminUpdate.getMessage().contains("append-only"), adminUpdate.getMessage());
        Exception adminDelete = assertThrows(IllegalStateException.class,
                () -> data.executeAsAdministrator("DELETE FROM audit_event WHERE id = " + stored.getId()));
        assertTrue(adminDelete.getMessage().contains("append-only"), adminDelete.getMessage());
        assertEquals(1, dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_ID.eq(entity)));
    }

    @Test
    void recordingForTheCurrentUserNeedsTheCallersTransaction() {
        assertThrows(org.springframework.transaction.IllegalTransactionStateException.class,
                () -> audit.record(AuditAction.LOGIN, "test", 1, null, null));
    }
}

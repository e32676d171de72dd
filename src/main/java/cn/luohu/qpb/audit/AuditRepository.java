package cn.luohu.qpb.audit;

import cn.luohu.qpb.base.db.InLists;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;

import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;

@Repository
class AuditRepository {


    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(AuditEvent event) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR, event.actor())
                .set(AUDIT_EVENT.ACTION, event.action())
                .set(AUDIT_EVENT.ENTITY_TYPE, event.entityType())
                .set(AUDIT_EVENT.ENTITY_ID, event.entityId())
                .set(AUDIT_EVENT.BEFORE_JSON, event.beforeJson())
                .set(AUDIT_EVENT.AFTER_JSON, event.afterJson())
                .set(AUDIT_EVENT.OCCURRED_AT, event.occurredAt())
                .set(AUDIT_EVENT.CLIENT_ADDRESS, event.clientAddress())
                .execute();
    }

    /** Many events in multi-row inserts (bulk imports write one event per created row). */
    void insertAll(List<AuditEvent> events) {
        for (List<AuditEvent> chunk : InLists.chunks(events)) {
            var insert = dsl.insertInto(AUDIT_EVENT, AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTION, AUDIT_EVENT.ENTITY_TYPE,
                    AUDIT_EVENT.ENTITY_ID, AUDIT_EVENT.BEFORE_JSON, AUDIT_EVENT.AFTER_JSON, AUDIT_EVENT.OCCURRED_AT,
                    AUDIT_EVENT.CLIENT_ADDRESS);
            for (AuditEvent event : chunk) {
                insert = insert.values(event.actor(), event.action(), event.entityType(), event.entityId(),
                        event.beforeJson(), event.afterJson(), event.occurredAt(), event.clientAddress());
            }
            insert.execute();
        }
    }

    List<AuditEvent> latestFor(String entityType, String entityId, int limit) {
        return latest(AUDIT_EVENT.ENTITY_TYPE.eq(entityType).and(AUDIT_EVENT.ENTITY_ID.eq(entityId)), limit);
    }

    List<AuditEvent> latestByActor(String actor, int limit) {
        return latest(AUDIT_EVENT.ACTOR.eq(actor), limit);
    }

    private List<AuditEvent> latest(Condition condition, int limit) {
        return dsl.select(AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTION, AUDIT_EVENT.ENTITY_TYPE, AUDIT_EVENT.ENTITY_ID,
                        AUDIT_EVENT.BEFORE_JSON, AUDIT_EVENT.AFTER_JSON, AUDIT_EVENT.OCCURRED_AT,
                        AUDIT_EVENT.CLIENT_ADDRESS)
                .from(AUDIT_EVENT)
                .where(condition)
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(r -> new AuditEvent(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }
}

package cn.luohu.qpb.audit;

import java.time.LocalDateTime;

/** One audit event; {@code occurredAt} is UTC, before and after are JSON. */
public record AuditEvent(String actor, String action, String entityType, String entityId,
                         String beforeJson, String afterJson, LocalDateTime occurredAt, String clientAddress) {
}

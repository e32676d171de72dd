package cn.luohu.qpb.audit;

import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the append-only audit trail. Callers record inside their own transaction, so an audit event
 * exists exactly when the change it describes was committed.
 */
@Service
public class AuditService {

    private final AuditRepository repository;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Clock clock;

    AuditService(AuditRepository repository, CurrentUser currentUser, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.json = json;
        this.clock = clock;
    }

    /** Records what the current user did; before and after are serialised to JSON (null when absent). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String entityType, Object entityId, Object before, Object after) {
        write(currentUser.username().orElse(null), action, entityType, entityId, before, after, currentClientAddress());
    }

    /**
     * Records the same action by the current user for many entities at once (a bulk import), in batched
     * inserts; {@code afterByEntityId} maps each entity id to its after-state (never a secret).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEach(AuditAction action, String entityType, Map<?, ?> afterByEntityId) {
        String actor = currentUser.username().orElse(null);
        String address = currentClientAddress();
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        List<AuditEvent> events = new ArrayList<>(afterByEntityId.size());
        afterByEntityId.forEach((id, after) -> events.add(new AuditEvent(actor, action.name(), entityType,
                String.valueOf(id), null, toJson(after), now, address)));
        repository.insertAll(events);
    }

    /**
     * Records an event with an explicit actor and address in the caller's transaction, e.g. a login attempt
     * before anyone is logged in: one connection per login, and a retried attempt leaves one row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAttempt(String actor, AuditAction action, String entityType, Object entityId,
                              Object after, String clientAddress) {
        write(actor, action, entityType, entityId, null, after, clientAddress);
    }

    /** Records a refusal in a transaction of its own: it must survive the refusal's rollback. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(String actor, AuditAction action, String entityType, Object entityId,
                          Object after, String clientAddress) {
        write(actor, action, entityType, entityId, null, after, clientAddress);
    }

    /** The newest events about one entity, newest first. */
    @PreAuthorize(Access.ADMIN)
    @Transactional(readOnly = true)
    public List<AuditEvent> latestFor(String entityType, Object entityId, int limit) {
        return repository.latestFor(entityType, String.valueOf(entityId), limit);
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional(readOnly = true)
    public List<AuditEvent> latestByActor(String actor, int limit) {
        return repository.latestByActor(actor, limit);
    }

    private void write(String actor, AuditAction action, String entityType, Object entityId,
                       Object before, Object after, String clientAddress) {
        repository.insert(new AuditEvent(actor, action.name(), entityType,
                entityId == null ? null : String.valueOf(entityId),
                toJson(before), toJson(after), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), clientAddress));
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String currentClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}

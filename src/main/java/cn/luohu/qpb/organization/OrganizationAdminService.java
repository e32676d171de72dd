package cn.luohu.qpb.organization;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.ValidationException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to the organisation tree, for administrators only. Every change is checked against the
 * tree's rules ({@link OrgKind}), refused with a reason, and audited with before and after.
 * Organisations are never deleted: they carry history; they are deactivated instead.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class OrganizationAdminService {

    static final String ENTITY = "organization";

    private final OrganizationAdminRepository repository;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    OrganizationAdminService(OrganizationAdminRepository repository, AuditService audit, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.audit = audit;
    }

    /** Creates one organisation under an existing parent; returns its id. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public long create(NewOrganization org) {
        requireValidFields(org.fieldProblems());
        StoredOrganization parent = repository.byCode(blankToEmpty(org.parentCode()))
                .orElseThrow(() -> new PortalException("org.error.parent-unknown", org.parentCode()));
        requirePlacement(org.kind(), parent);
        if (repository.byCode(org.code().strip()).isPresent()) {
            throw new PortalException("org.error.code-taken", org.code());
        }
        long id = repository.insert(org, parent);
        audit.record(AuditAction.ORGANIZATION_CREATED, ENTITY, org.code(), null, repository.byId(id).orElseThrow());
        return id;
    }

    /**
     * Creates many organisations at once (a bulk import), all or nothing: parents may be existing
     * organisations or others in the list, in any order. Refuses the whole list at the first problem.
     */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void createAll(List<NewOrganization> orgs) {
        if (orgs.isEmpty()) {
            return;
        }
        Map<String, NewOrganization> byCode = new LinkedHashMap<>();
        for (NewOrganization org : orgs) {
            requireValidFields(org.fieldProblems());
            if (byCode.put(org.code().strip(), org) != null) {
                throw new PortalException("org.error.code-duplicate-in-list", org.code());
            }
        }
        Set<String> referenced = new HashSet<>(byCode.keySet());
        orgs.forEach(org -> referenced.add(blankToEmpty(org.parentCode())));
        Map<String, StoredOrganization> stored = repository.byCodes(referenced);
        for (String code : byCode.keySet()) {
            if (stored.containsKey(code)) {
                throw new PortalException("org.error.code-taken", code);
            }
        }
        List<NewOrganization> parentsFirst = parentsFirst(byCode, stored);
        repository.insertAll(parentsFirst, stored);
        audit.record(AuditAction.ORGANIZATIONS_CREATED, ENTITY, null, null,
                Map.of("count", orgs.size(), "codes", List.copyOf(byCode.keySet())));
    }

    /** Saves edited fields; refused if someone else saved the organisation since it was loaded. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void update(long id, OrganizationChanges changes) {
        StoredOrganization before = load(id);
        requireValidFields(changes.fieldProblems(before.kind()));
        if (repository.codeTaken(changes.code().strip(), id)) {
            throw new PortalException("org.error.code-taken", changes.code());
        }
        if (!repository.update(id, changes)) {
            throw new PortalException("error.concurrent-change");
        }
        audit.record(AuditAction.ORGANIZATION_UPDATED, ENTITY, before.code(), before, load(id));
    }

    /** Moves an organisation (with its subtree) under another parent of a kind it may hang from. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void move(long id, long newParentId, int expectedVersion) {
        StoredOrganization org = load(id);
        StoredOrganization newParent = load(newParentId);
        if (org.parentId() == null) {
            throw new PortalException("org.error.move-root");
        }
        if (TreePath.isWithin(newParent.path(), org.path())) {
            throw new PortalException("org.error.move-cycle", newParent.name(), org.name());
        }
        requirePlacement(org.kind(), newParent);
        if (!repository.move(org, newParent, expectedVersion)) {
            throw new PortalException("error.concurrent-change");
        }
        StoredOrganization moved = load(id);
        events.publishEvent(new OrganizationMoved(id, moved.path()));
        audit.record(AuditAction.ORGANIZATION_MOVED, ENTITY, org.code(), org, moved);
    }

    /** Leaves the organisation out of new cycles; its history stays. Children must be deactivated first. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void deactivate(long id, int expectedVersion) {
        StoredOrganization before = load(id);
        if (before.parentId() == null) {
            throw new PortalException("org.error.deactivate-root");
        }
        if (repository.hasActiveChildren(id)) {
            throw new PortalException("org.error.active-children", before.name());
        }
        changeActive(before, false, expectedVersion, AuditAction.ORGANIZATION_DEACTIVATED);
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void reactivate(long id, int expectedVersion) {
        StoredOrganization before = load(id);
        if (before.parentId() != null && !load(before.parentId()).active()) {
            throw new PortalException("org.error.parent-inactive");
        }
        changeActive(before, true, expectedVersion, AuditAction.ORGANIZATION_REACTIVATED);
    }

    /** What the editor needs to edit an organisation: its current fields and version. */
    @PreAuthorize(Access.ADMIN)
    public OrganizationChanges editable(long id) {
        StoredOrganization org = load(id);
        return new OrganizationChanges(org.code(), org.category(), org.regionalSystem(), org.name(), org.shortName(),
                org.secretaryName(), org.memberCount(), org.contact(), org.version());
    }

    private void changeActive(StoredOrganization before, boolean active, int expectedVersion, AuditAction action) {
        if (!repository.setActive(before.id(), active, expectedVersion)) {
            throw new PortalException("error.concurrent-change");
        }
        audit.record(action, ENTITY, before.code(), before, load(before.id()));
    }

    private StoredOrganization load(long id) {
        return repository.byId(id).orElseThrow(NotFoundException::new);
    }

    private static void requireValidFields(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void requirePlacement(OrgKind kind, StoredOrganization parent) {
        if (!kind.mayHaveParent(parent.kind())) {
            throw wrongParentKind(kind, parent.kind());
        }
        if (!parent.active()) {
            throw new PortalException("org.error.parent-inactive");
        }
    }

    /**
     * Orders the list so that every parent comes before its children, checking each placement; a parent
     * code that is neither stored nor in the list refuses the import. The kinds are layered (a kind never
     * hangs below itself, directly or not), so the placement check leaves no loop to find.
     */
    private static List<NewOrganization> parentsFirst(Map<String, NewOrganization> byCode,
                                                      Map<String, StoredOrganization> stored) {
        Map<String, List<NewOrganization>> childrenOf = new HashMap<>();
        List<NewOrganization> ready = new ArrayList<>();
        for (NewOrganization org : byCode.values()) {
            String parentCode = blankToEmpty(org.parentCode());
            StoredOrganization storedParent = stored.get(parentCode);
            if (storedParent != null) {
                requirePlacement(org.kind(), storedParent);
                ready.add(org);
            } else if (byCode.containsKey(parentCode)) {
                NewOrganization parent = byCode.get(parentCode);
                if (!org.kind().mayHaveParent(parent.kind())) {
                    throw wrongParentKind(org.kind(), parent.kind());
                }
                childrenOf.computeIfAbsent(parentCode, code -> new ArrayList<>()).add(org);
            } else {
                throw new PortalException("org.error.parent-unknown", parentCode);
            }
        }
        for (int next = 0; next < ready.size(); next++) {
            ready.addAll(childrenOf.getOrDefault(ready.get(next).code().strip(), List.of()));
        }
        return ready;
    }

    private static PortalException wrongParentKind(OrgKind kind, OrgKind parentKind) {
        return new PortalException("org.error.wrong-parent-kind", new PortalException.Key("org.kind." + kind.name()),
                new PortalException.Key("org.kind." + parentKind.name()));
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}

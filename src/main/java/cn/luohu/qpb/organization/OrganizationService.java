package cn.luohu.qpb.organization;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads of the organisation tree, always limited to the caller's scope. */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

    private final OrganizationRepository repository;
    private final OrganizationScope scope;
    private final CurrentUser currentUser;

    OrganizationService(OrganizationRepository repository, OrganizationScope scope, CurrentUser currentUser) {
        this.repository = repository;
        this.scope = scope;
        this.currentUser = currentUser;
    }

    /** One organisation by id; refused when it lies outside the caller's scope. */
    @PreAuthorize(Access.ANY_ROLE)
    public OrganizationSummary get(long id) {
        // "missing" and "not yours" look the same: ids reveal nothing
        return repository.find(id, scope.current()).orElseThrow(NotFoundException::new);
    }

    /**
     * Whether the caller may see this organisation. A question, not a refusal: callers that only ask must
     * not throw out of this transactional call, which would mark their own transaction rollback-only.
     */
    @PreAuthorize(Access.ANY_ROLE)
    public boolean isVisible(long id) {
        return repository.find(id, scope.current()).isPresent();
    }

    /**
     * The organisations with these codes that the caller may see, in one query (imports resolve thousands
     * of codes at once). Keyed by code, case-insensitively as the database compares codes; codes that are
     * unknown or outside the caller's scope are simply absent.
     */
    @PreAuthorize(Access.ANY_ROLE)
    public Map<String, OrganizationSummary> findByCodes(Collection<String> codes) {
        Map<String, OrganizationSummary> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (!codes.isEmpty()) {
            repository.findByCodes(codes, scope.current()).forEach(o -> result.put(o.code(), o));
        }
        return result;
    }

    /** The organisation the caller belongs to (a secretary's own, a reviewer's committee). */
    @PreAuthorize(Access.ANY_ROLE)
    public OrganizationSummary mine() {
        long organizationId = currentUser.require().organizationId();
        return repository.find(organizationId, Scope.all()).orElseThrow(NotFoundException::new);
    }

    @PreAuthorize(Access.ANY_ROLE)
    public List<StarHistoryEntry> starHistory(long organizationId) {
        get(organizationId);
        return repository.starHistory(organizationId);
    }

    /** A page of the organisations the caller may see, filtered and sorted in SQL. */
    @PreAuthorize(Access.REVIEWER_OR_STAFF)
    public List<OrganizationSummary> findVisible(OrganizationFilter filter, int offset, int limit,
                                                 List<OrganizationSort> sorts) {
        return repository.find(filter, scope.current(), offset, limit, sorts);
    }

    @PreAuthorize(Access.REVIEWER_OR_STAFF)
    public int countVisible(OrganizationFilter filter) {
        return repository.count(filter, scope.current());
    }

    /** An organisation and everything below it, as far as the caller may see. */
    @PreAuthorize(Access.REVIEWER_OR_STAFF)
    public List<OrganizationSummary> subtree(long rootId) {
        OrganizationSummary root = get(rootId);
        String path = repository.ref(root.id()).orElseThrow(NotFoundException::new).path();
        return repository.subtree(path, scope.current());
    }

    /** The organisation with this code (its page address), if the caller may see it. */
    @PreAuthorize(Access.REVIEWER_OR_STAFF)
    public OrganizationDetail detail(String code) {
        OrganizationSummary org = repository.findByCode(code, scope.current()).orElseThrow(NotFoundException::new);
        var parent = repository.parentOf(org.id());
        return new OrganizationDetail(org, parent.map(OrganizationSummary::name).orElse(null),
                parent.map(OrganizationSummary::code).orElse(null),
                repository.starHistory(org.id()), repository.users(org.id()));
    }

    /** One level of the tree, lazily: the children of a parent, or the top of the caller's tree (null). */
    @PreAuthorize(Access.REVIEWER_OR_STAFF)
    public List<OrganizationNode> children(Long parentId, int offset, int limit) {
        return repository.children(parentId, scope.current(), offset, limit);
    }

    @PreAuthorize(Access.REVIEWER_OR_STAFF)
    public int countChildren(Long parentId) {
        return repository.countChildren(parentId, scope.current());
    }

    /** A filtered page of the tree as a flat list, each with its number of children. */
    @PreAuthorize(Access.REVIEWER_OR_STAFF)
    public List<OrganizationNode> findVisibleNodes(OrganizationFilter filter, int offset, int limit,
                                                   List<OrganizationSort> sorts) {
        return repository.withChildCounts(repository.find(filter, scope.current(), offset, limit, sorts));
    }

    /** The committees the caller may see, for filters and pickers. */
    @PreAuthorize(Access.REVIEWER_OR_STAFF)
    public List<OrganizationSummary> committees() {
        return repository.committees(scope.current());
    }

    /** The district's star distribution per committee (district staff). */
    @PreAuthorize(Access.APPROVER)
    public List<CommitteeStarCounts> starDistribution() {
        return repository.starCountsByCommittee();
    }

    @PreAuthorize(Access.STAFF)
    public Map<OrgKind, Integer> countActiveByKind() {
        return repository.countByKind();
    }
}

package cn.luohu.qpb.organization;

/**
 * What part of the tree a user may see. Built in one place ({@link OrganizationScope}) and turned into
 * SQL conditions by the repositories, so scope is enforced in the query, never by filtering afterwards.
 *
 * @param everything true for district staff and administrators
 * @param pathPrefix for a reviewer, the path of his committee: its whole subtree is visible
 * @param organizationId for a secretary, her own organisation only
 */
public record Scope(boolean everything, String pathPrefix, Long organizationId) {

    static Scope all() {
        return new Scope(true, null, null);
    }

    static Scope subtree(String path) {
        return new Scope(false, path, null);
    }

    static Scope single(long organizationId) {
        return new Scope(false, null, organizationId);
    }

    static Scope nothing() {
        return new Scope(false, null, null);
    }
}

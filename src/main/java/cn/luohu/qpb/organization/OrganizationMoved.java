package cn.luohu.qpb.organization;

/**
 * Published inside the transaction of a move, after the subtree's paths changed: whatever another feature
 * stores from the tree (an assessment's committee) follows in the same transaction.
 *
 * @param newPath the moved organisation's path now; its subtree is every path that starts with it
 */
public record OrganizationMoved(long organizationId, String newPath) {
}

package cn.luohu.qpb.organization;

/** An organisation as a row of the tree, with how many organisations hang directly below it. */
public record OrganizationNode(OrganizationSummary organization, int childCount) {

    public boolean hasChildren() {
        return childCount > 0;
    }
}

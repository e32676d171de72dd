package cn.luohu.qpb.organization;

/** Kinds of party organisation in the tree (DOMAIN.md "Organisations"). */
public enum OrgKind {
    DISTRICT, COMMITTEE, GENERAL_BRANCH, COMMUNITY_COMMITTEE, BRANCH;

    /** Community committees and branches are the organisations that are assessed and starred. */
    public boolean isAssessed() {
        return this == COMMUNITY_COMMITTEE || this == BRANCH;
    }
}

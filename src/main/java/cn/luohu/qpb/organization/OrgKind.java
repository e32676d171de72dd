package cn.luohu.qpb.organization;

import java.util.EnumSet;
import java.util.Set;

/** Kinds of party organisation in the tree (DOMAIN.md "Organisations"), and where each may hang. */
public enum OrgKind {
    DISTRICT, COMMITTEE, GENERAL_BRANCH, COMMUNITY_COMMITTEE, BRANCH;

    /** Community committees and branches are the organisations that are assessed and starred. */
    public boolean isAssessed() {
        return this == COMMUNITY_COMMITTEE || this == BRANCH;
    }

    /** The kinds of parent this kind may have; the district committee is the root and has none. */
    public Set<OrgKind> allowedParents() {
        return switch (this) {
            case DISTRICT -> EnumSet.noneOf(OrgKind.class);
            case COMMITTEE -> EnumSet.of(DISTRICT);
            case COMMUNITY_COMMITTEE -> EnumSet.of(COMMITTEE);
            case GENERAL_BRANCH -> EnumSet.of(COMMITTEE, COMMUNITY_COMMITTEE);
            case BRANCH -> EnumSet.of(COMMITTEE, GENERAL_BRANCH, COMMUNITY_COMMITTEE);
        };
    }

    public boolean mayHaveParent(OrgKind parent) {
        return allowedParents().contains(parent);
    }

    /** Assessed organisations need a category (it picks their standard); the others have none. */
    public boolean needsCategory() {
        return isAssessed();
    }
}

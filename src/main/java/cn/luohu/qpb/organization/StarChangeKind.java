package cn.luohu.qpb.organization;

/** Why a star level changed: first grading, promotion (升星), demotion (降星), confirmed, or revoked (摘星). */
public enum StarChangeKind {
    INITIAL, PROMOTION, DEMOTION, UNCHANGED, REVOCATION;

    /** What a yearly result means for an organisation: promotion, demotion or no change. */
    public static StarChangeKind between(int fromStar, int toStar) {
        return toStar > fromStar ? PROMOTION : toStar < fromStar ? DEMOTION : UNCHANGED;
    }
}

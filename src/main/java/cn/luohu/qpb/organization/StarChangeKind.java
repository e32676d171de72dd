package cn.luohu.qpb.organization;

/** Why a star level changed: first grading, promotion (升星), demotion (降星), confirmed, or revoked (摘星). */
public enum StarChangeKind {
    INITIAL, PROMOTION, DEMOTION, UNCHANGED, REVOCATION
}

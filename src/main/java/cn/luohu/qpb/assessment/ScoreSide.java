package cn.luohu.qpb.assessment;

/** Whose entry of an item: the secretary's self-assessment (自评) or the committee reviewer's (评审). */
public enum ScoreSide {
    SELF,
    REVIEW
}

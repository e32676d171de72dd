package cn.luohu.qpb.assessment;

/** Published inside the transaction that records an objection (异议) against a result in public notice. */
public record ObjectionLodged(long assessmentId, long objectionId, long lodgedBy) {
}

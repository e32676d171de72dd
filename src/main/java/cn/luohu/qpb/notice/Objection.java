package cn.luohu.qpb.notice;

import java.time.LocalDateTime;

/** An objection against one result in public notice, with the decision on it once made. */
public record Objection(long id, long assessmentId, long noticeBatchId, String organizationName, String committeeName,
                        int oldStar, int newStar, String lodgedByName, String reason, LocalDateTime lodgedAt,
                        ObjectionStatus status, String decidedByName, LocalDateTime decidedAt, String decisionReason) {
}

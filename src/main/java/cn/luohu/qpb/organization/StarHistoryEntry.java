package cn.luohu.qpb.organization;

import java.time.LocalDateTime;

/** One row of an organisation's star history; {@code changedAt} is UTC. */
public record StarHistoryEntry(int fromStar, int toStar, StarChangeKind kind, String reason,
                               String changedBy, LocalDateTime changedAt) {
}

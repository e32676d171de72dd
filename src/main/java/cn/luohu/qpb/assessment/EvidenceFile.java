package cn.luohu.qpb.assessment;

import java.time.LocalDateTime;

/** One evidence file without its bytes; {@code uploadedAt} is UTC. */
public record EvidenceFile(long id, long assessmentId, long itemId, String fileName, EvidenceType type,
                           long sizeBytes, String sha256, String uploadedBy, LocalDateTime uploadedAt) {
}

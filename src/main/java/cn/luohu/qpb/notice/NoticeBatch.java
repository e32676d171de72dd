package cn.luohu.qpb.notice;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A published notice batch: the approved results of one cycle made public together, from {@code startsOn}
 * to {@code endsOn} inclusive (the cycle's notice length). {@code finalizedAt} is set once its results
 * took effect.
 */
public record NoticeBatch(long id, long cycleId, int year, String cycleName, LocalDate startsOn, LocalDate endsOn, int size,
                          LocalDateTime publishedAt, String publishedBy, LocalDateTime finalizedAt) {
}

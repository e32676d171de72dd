package cn.luohu.qpb.assessment;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One recorded change of an item's points, as {@link Timeline} collapses them; {@code at} is UTC. */
record ScoreChangeRow(long itemId, String indicatorCode, String indicatorTitle, ScoreSide side, BigDecimal before,
                      BigDecimal after, long actorId, String actorName, LocalDateTime at) {
}

package cn.luohu.qpb.assessment;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One entry of an assessment's timeline: a move or a change of an item's points; {@code at} is UTC. */
public sealed interface TimelineEntry {

    /** Who did it; null for the system (e.g. a notice period that ended). */
    String actorName();

    LocalDateTime at();

    /** A move of the assessment, with the comment it was made with. */
    record Move(AssessmentState from, AssessmentState to, String actorName, String comment, LocalDateTime at)
            implements TimelineEntry {
    }

    /** A change of one item's points on one side; a null {@code before} or {@code after} means not scored. */
    record ScoreChange(String indicatorCode, String indicatorTitle, ScoreSide side, BigDecimal before, BigDecimal after,
                       String actorName, LocalDateTime at) implements TimelineEntry {
    }
}

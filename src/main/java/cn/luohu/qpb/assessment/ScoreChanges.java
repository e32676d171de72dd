package cn.luohu.qpb.assessment;

import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.IndicatorRule;
import cn.luohu.qpb.standard.Scoring;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The score history of both sides: a save that changes an item's points (as {@link Scoring} makes them of
 * the entry) writes one row in the save's transaction; a save that leaves them as they were (only the
 * explanation or comment changed, or the same score again) writes nothing, so it costs no statement.
 */
@Component
class ScoreChanges {

    private final AssessmentRepository repository;
    private final Clock clock;

    ScoreChanges(AssessmentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records the change from the item's entry on this side as it was read to the entry just saved. */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(ItemEntries item, ScoreSide side, IndicatorInput saved, long actorId) {
        IndicatorRule rule = item.indicator().rule();
        BigDecimal before = Scoring.pointsOf(rule, item.entry(side));
        BigDecimal after = Scoring.pointsOf(rule, saved);
        if (!samePoints(before, after)) {
            repository.recordScoreChange(item.assessmentId(), item.itemId(), side, before, after, actorId,
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        }
    }

    /** Equal points whatever their scale (9 and 9.00); null (not scored) equals only null. */
    static boolean samePoints(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}

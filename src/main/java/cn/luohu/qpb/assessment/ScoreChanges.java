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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        recordAll(List.of(item), side, read -> saved, actorId);
    }

    /**
     * Records the changes of many items on one side at once (the entries as they were read, and what each now
     * holds), in one statement.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordAll(List<ItemEntries> items, ScoreSide side, Function<ItemEntries, IndicatorInput> saved, long actorId) {
        List<PointsChange> changes = new ArrayList<>();
        for (ItemEntries item : items) {
            IndicatorRule rule = item.indicator().rule();
            BigDecimal before = Scoring.pointsOf(rule, item.entry(side));
            BigDecimal after = Scoring.pointsOf(rule, saved.apply(item));
            if (!samePoints(before, after)) {
                changes.add(new PointsChange(item.assessmentId(), item.itemId(), before, after));
            }
        }
        if (!changes.isEmpty()) {
            repository.recordScoreChanges(changes, side, actorId, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        }
    }

    /** One item's points before and after a save. */
    record PointsChange(long assessmentId, long itemId, BigDecimal before, BigDecimal after) {
    }

    /** Equal points whatever their scale (9 and 9.00); null (not scored) equals only null. */
    static boolean samePoints(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}

package cn.luohu.qpb.assessment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An assessment's timeline: its moves and its score changes in time order, a move first when both happened
 * at the same moment (a first save starts the assessment, then changes its points).
 * <p>
 * Entries are saved as she types, so typing 8.5 and then 9 records two changes. Changes of the same item
 * on the same side by the same person within {@link #BURST} of the first of them, with no move in between,
 * are shown as one entry from the first one's points to the last one's, at the time of the last: the
 * reader wants to know what was decided, not every keystroke. A burst that ends where it began (8 → 8.5 → 8)
 * changed nothing and is left out. The rows themselves stay complete in the database.
 */
final class Timeline {

    static final Duration BURST = Duration.ofMinutes(10);

    private Timeline() {
    }

    /** Both lists oldest first, as the repository reads them. */
    static List<TimelineEntry> of(List<TimelineEntry.Move> moves, List<ScoreChangeRow> changes) {
        List<Burst> bursts = new ArrayList<>();
        Map<BurstKey, Burst> open = new HashMap<>();
        int movesBefore = 0;
        for (ScoreChangeRow change : changes) {
            while (movesBefore < moves.size() && !moves.get(movesBefore).at().isAfter(change.at())) {
                movesBefore++;
            }
            BurstKey key = new BurstKey(change.itemId(), change.side());
            Burst burst = open.get(key);
            if (burst != null && burst.continuedBy(change, movesBefore)) {
                burst.last = change;
            } else {
                burst = new Burst(change, movesBefore);
                open.put(key, burst);
                bursts.add(burst);
            }
        }
        List<TimelineEntry.ScoreChange> scoreChanges = bursts.stream().filter(Burst::changedPoints).map(Burst::entry)
                .sorted(Comparator.comparing(TimelineEntry::at)).toList();

        List<TimelineEntry> timeline = new ArrayList<>(moves.size() + scoreChanges.size());
        int move = 0;
        for (TimelineEntry.ScoreChange change : scoreChanges) {
            while (move < moves.size() && !moves.get(move).at().isAfter(change.at())) {
                timeline.add(moves.get(move++));
            }
            timeline.add(change);
        }
        timeline.addAll(moves.subList(move, moves.size()));
        return timeline;
    }

    private record BurstKey(long itemId, ScoreSide side) {
    }

    private static final class Burst {

        private final ScoreChangeRow first;
        private final int movesBefore;
        private ScoreChangeRow last;

        Burst(ScoreChangeRow first, int movesBefore) {
            this.first = first;
            this.movesBefore = movesBefore;
            this.last = first;
        }

        boolean continuedBy(ScoreChangeRow change, int movesBeforeChange) {
            return change.actorId() == first.actorId() && movesBeforeChange == movesBefore
                    && !change.at().isAfter(first.at().plus(BURST));
        }

        boolean changedPoints() {
            return !ScoreChanges.samePoints(first.before(), last.after());
        }

        TimelineEntry.ScoreChange entry() {
            return new TimelineEntry.ScoreChange(first.indicatorCode(), first.indicatorTitle(), first.side(), first.before(),
                    last.after(), first.actorName(), last.at());
        }
    }
}

package cn.luohu.qpb.assessment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Merging moves and score changes in time order, and collapsing a burst of changes to one entry. */
class TimelineTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 2, 1, 0);
    private static final long SECRETARY = 1;
    private static final long OTHER = 2;

    private static ScoreChangeRow change(long item, ScoreSide side, String before, String after, long actor, int minute) {
        return new ScoreChangeRow(item, "SQ-0" + item, "指标" + item, side, before == null ? null : new BigDecimal(before),
                after == null ? null : new BigDecimal(after), actor, "用户" + actor, T0.plusMinutes(minute));
    }

    private static TimelineEntry.Move move(AssessmentState from, AssessmentState to, int minute) {
        return new TimelineEntry.Move(from, to, "用户", null, T0.plusMinutes(minute));
    }

    /** Each entry as a short text: a move as its target state, a score change as code side before→after. */
    private static List<String> texts(List<TimelineEntry> timeline) {
        return timeline.stream().map(entry -> switch (entry) {
            case TimelineEntry.Move move -> move.to().name();
            case TimelineEntry.ScoreChange c -> c.indicatorCode() + " " + c.side() + " " + c.before() + "→" + c.after();
        }).toList();
    }

    @Test
    void movesAndChangesInTimeOrderAMoveFirstAtTheSameMoment() {
        List<TimelineEntry> timeline = Timeline.of(
                List.of(move(AssessmentState.NOT_STARTED, AssessmentState.DRAFT, 0), move(AssessmentState.DRAFT, AssessmentState.SUBMITTED, 30)),
                List.of(change(1, ScoreSide.SELF, null, "5", SECRETARY, 0), change(2, ScoreSide.SELF, null, "3", SECRETARY, 20),
                        change(1, ScoreSide.REVIEW, null, "4", OTHER, 40)));
        assertEquals(List.of("DRAFT", "SQ-01 SELF null→5", "SQ-02 SELF null→3", "SUBMITTED", "SQ-01 REVIEW null→4"), texts(timeline));
    }

    @Test
    void typingOneScoreAfterAnotherWithinTenMinutesIsOneEntryAtTheLastTime() {
        List<TimelineEntry> timeline = Timeline.of(List.of(), List.of(
                change(1, ScoreSide.SELF, null, "8.5", SECRETARY, 0),
                change(2, ScoreSide.SELF, "1", "2", SECRETARY, 3),
                change(1, ScoreSide.SELF, "8.5", "9", SECRETARY, 10)));
        assertEquals(List.of("SQ-02 SELF 1→2", "SQ-01 SELF null→9"), texts(timeline));
        assertEquals(T0.plusMinutes(10), timeline.get(1).at());
    }

    @Test
    void aBurstEndsAfterTenMinutesAtAnotherPersonsChangeOrAtAMove() {
        assertEquals(List.of("SQ-01 SELF null→8", "SQ-01 SELF 8→9"), texts(Timeline.of(List.of(), List.of(
                change(1, ScoreSide.SELF, null, "8", SECRETARY, 0), change(1, ScoreSide.SELF, "8", "9", SECRETARY, 11)))));
        assertEquals(List.of("SQ-01 SELF null→8", "SQ-01 SELF 8→9"), texts(Timeline.of(List.of(), List.of(
                change(1, ScoreSide.SELF, null, "8", SECRETARY, 0), change(1, ScoreSide.SELF, "8", "9", OTHER, 1)))));
        assertEquals(List.of("SQ-01 REVIEW null→8", "RETURNED", "SQ-01 REVIEW 8→9"), texts(Timeline.of(
                List.of(move(AssessmentState.UNDER_REVIEW, AssessmentState.RETURNED, 1)), List.of(
                        change(1, ScoreSide.REVIEW, null, "8", SECRETARY, 0), change(1, ScoreSide.REVIEW, "8", "9", SECRETARY, 2)))));
        assertEquals(List.of("SQ-01 SELF null→8", "SQ-01 REVIEW null→7"), texts(Timeline.of(List.of(), List.of(
                change(1, ScoreSide.SELF, null, "8", SECRETARY, 0), change(1, ScoreSide.REVIEW, null, "7", SECRETARY, 1)))),
                "the two sides are separate");
    }

    @Test
    void aBurstThatEndsWhereItBeganChangedNothing() {
        assertEquals(List.of(), texts(Timeline.of(List.of(), List.of(
                change(1, ScoreSide.SELF, "8", "8.5", SECRETARY, 0), change(1, ScoreSide.SELF, "8.5", "8.00", SECRETARY, 1)))));
        assertEquals(List.of("SQ-01 SELF 8→null"), texts(Timeline.of(List.of(), List.of(
                change(1, ScoreSide.SELF, "8", "8.5", SECRETARY, 0), change(1, ScoreSide.SELF, "8.5", null, SECRETARY, 1)))));
    }
}

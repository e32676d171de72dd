package cn.luohu.qpb.standard;

/** Why an entered value cannot count; each kind has a translation "scoring.problem.KIND". */
public record ScoreProblem(String indicatorCode, Kind kind) {

    public enum Kind {
        /** The input does not fit the method (e.g. a score for a CHECK indicator). */
        WRONG_INPUT,
        /** A score below 0 or above the maximum. */
        OUT_OF_RANGE,
        /** A score between two steps, e.g. 2.3 with a step of 0.5. */
        OFF_STEP,
        /** A negative or absurd number of occurrences. */
        BAD_OCCURRENCES
    }
}

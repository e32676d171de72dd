package cn.luohu.qpb.standard;

/**
 * How an indicator is scored: CHECK (met = full score, else 0), SCALE (0..max in steps),
 * DEDUCT (max minus a fixed deduction per occurrence, never below 0).
 */
public enum ScoringMethod {
    CHECK, SCALE, DEDUCT
}

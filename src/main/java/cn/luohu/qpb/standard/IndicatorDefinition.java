package cn.luohu.qpb.standard;

import java.math.BigDecimal;

/**
 * One indicator of a standard (三位一体): what to do (业务指引, {@code guidance}), what counts as done well
 * (质量标准, {@code qualityStandard}), and how it is scored.
 */
public record IndicatorDefinition(String code, String title, String guidance, String qualityStandard,
                                  ScoringMethod method, BigDecimal maxScore, BigDecimal step, BigDecimal deduction,
                                  boolean evidenceRequired, String evidenceHint, boolean veto, Integer vetoStarCap,
                                  boolean bonus) {

    /** The most an explanation of an entry on it may hold: free text, but not a novel (the reviewers read this much). */
    public static final int EXPLANATION_MAX = 2000;

    public IndicatorDefinition {
        maxScore = Points.of(maxScore);
        step = Points.of(step);
        deduction = Points.of(deduction);
    }

    public IndicatorRule rule() {
        return new IndicatorRule(code, method, maxScore, step, deduction, veto, vetoStarCap, bonus);
    }
}

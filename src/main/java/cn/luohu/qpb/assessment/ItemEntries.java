package cn.luohu.qpb.assessment;

import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;

/**
 * One item as a save finds it, read in one statement: its assessment and indicator, and both sides' entries
 * with their versions (what a save replaces, so its change of points can be recorded).
 */
record ItemEntries(long itemId, long assessmentId, IndicatorDefinition indicator, IndicatorInput self, int selfVersion,
                   IndicatorInput review, int reviewVersion) {

    IndicatorInput entry(ScoreSide side) {
        return side == ScoreSide.SELF ? self : review;
    }
}

package cn.luohu.qpb.assessment;

import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;

/** One indicator of an assessment with what the secretary entered for it. */
public record SheetItem(long itemId, IndicatorDefinition indicator, IndicatorInput input, String explanation,
                        int rowVersion, int evidenceCount) {
}

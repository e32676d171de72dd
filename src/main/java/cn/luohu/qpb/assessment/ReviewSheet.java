package cn.luohu.qpb.assessment;

import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.Scoring;
import cn.luohu.qpb.standard.ScoringResult;

import java.util.HashMap;
import java.util.Map;

/** An assessment as the reviewer sees it: the secretary's sheet, and his entry beside every item. */
public record ReviewSheet(AssessmentSheet sheet, Map<Long, ReviewEntry> entries, Integer recommendedStar) {

    public ReviewEntry entry(long itemId) {
        return entries.get(itemId);
    }

    /** The score of the review entries made so far (veto caps applied). */
    public ScoringResult reviewScore() {
        Map<String, IndicatorInput> inputs = new HashMap<>();
        for (SheetItem item : sheet.items()) {
            ReviewEntry entry = entries.get(item.itemId());
            if (entry != null && entry.input() != null) {
                inputs.put(item.indicator().code(), entry.input());
            }
        }
        return Scoring.score(sheet.scheme(), inputs);
    }
}

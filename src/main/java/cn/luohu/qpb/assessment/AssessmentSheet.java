package cn.luohu.qpb.assessment;

import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.ScoringResult;
import cn.luohu.qpb.standard.ScoringScheme;
import cn.luohu.qpb.standard.Scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An assessment as its form shows it: the header and every item under its dimension. */
public record AssessmentSheet(AssessmentHeader header, List<SheetDimension> dimensions) {

    public List<SheetItem> items() {
        return dimensions.stream().flatMap(d -> d.items().stream()).toList();
    }

    public ScoringScheme scheme() {
        return new ScoringScheme(items().stream().map(i -> i.indicator().rule()).toList(), header.bands(), header.bonusCap());
    }

    /** The score of what is entered now. */
    public ScoringResult score() {
        Map<String, IndicatorInput> inputs = new HashMap<>();
        items().forEach(item -> {
            if (item.input() != null) {
                inputs.put(item.indicator().code(), item.input());
            }
        });
        return Scoring.score(scheme(), inputs);
    }
}

package cn.luohu.qpb.standard;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a standard says about scoring: its indicators' rules, its star bands and an optional cap on the
 * bonus points. A scheme without indicators cannot score anything and is refused.
 */
public record ScoringScheme(List<IndicatorRule> indicators, StarBands bands, BigDecimal bonusCap) {

    public ScoringScheme {
        if (indicators == null || indicators.isEmpty()) {
            throw new IllegalArgumentException("a standard without indicators cannot be scored");
        }
        indicators = List.copyOf(indicators);
    }
}

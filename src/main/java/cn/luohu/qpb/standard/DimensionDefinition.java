package cn.luohu.qpb.standard;

import java.util.List;

/** A dimension of a standard (e.g. 组织生活), holding its indicators in order. */
public record DimensionDefinition(String name, List<IndicatorDefinition> indicators) {

    public DimensionDefinition {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}

package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.standard.DimensionDefinition;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.Scoring;
import cn.luohu.qpb.standard.ScoringScheme;
import cn.luohu.qpb.standard.StandardDefinition;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.HashMap;
import java.util.Map;

/**
 * The self-assessment form of a standard as a preview: per dimension, each indicator's card; above it, the
 * running total, the star it would earn and the vetoes that failed, recomputed by {@link Scoring} on every
 * change. Nothing is saved.
 */
public class AssessmentForm extends VerticalLayout {

    private final transient ScoringScheme scheme;
    private final Map<String, IndicatorInput> inputs = new HashMap<>();
    private final ScoreSummary summary = new ScoreSummary();

    public AssessmentForm(StandardDefinition standard) {
        setPadding(false);
        setId("assessment-form");
        scheme = standard.indicators().isEmpty() ? null : standard.scoringScheme();
        add(summary);
        for (DimensionDefinition dimension : standard.dimensions()) {
            add(new H3(dimension.name()));
            dimension.indicators().forEach(indicator -> add(new IndicatorCard(indicator, null, null, true,
                    (input, explanation) -> changed(indicator, input))));
        }
        recompute();
    }

    private void changed(IndicatorDefinition indicator, IndicatorInput input) {
        if (input == null) {
            inputs.remove(indicator.code());
        } else {
            inputs.put(indicator.code(), input);
        }
        recompute();
    }

    private void recompute() {
        if (scheme == null) {
            summary.showEmpty();
        } else {
            summary.show(Scoring.score(scheme, inputs));
        }
    }
}

package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.standard.DimensionDefinition;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.Scoring;
import cn.luohu.qpb.standard.ScoringResult;
import cn.luohu.qpb.standard.ScoringScheme;
import cn.luohu.qpb.standard.StandardDefinition;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.HashMap;
import java.util.Map;

/**
 * The self-assessment form of a standard: per dimension, each indicator with its 业务指引, 质量标准 and
 * scoring rule, the input its method needs and a field for an explanation; above it, the running total,
 * the star it would earn and the vetoes that failed, recomputed by {@link Scoring} on every change.
 */
public class AssessmentForm extends VerticalLayout {

    private final transient ScoringScheme scheme;
    private final Map<String, IndicatorInput> inputs = new HashMap<>();
    private final Span total = new Span();
    private final Div stars = new Div();
    private final Span status = new Span();

    public AssessmentForm(StandardDefinition standard) {
        setPadding(false);
        setId("assessment-form");
        scheme = standard.indicators().isEmpty() ? null : standard.scoringScheme();
        total.setId("form-total");
        stars.setId("form-stars");
        status.setId("form-status");
        Div summary = new Div(new LabeledValue(getTranslation("form.total"), total),
                new LabeledValue(getTranslation("form.stars"), stars), status);
        summary.addClassName("qpb-card");
        summary.addClassName("qpb-form-summary");
        add(summary);
        for (DimensionDefinition dimension : standard.dimensions()) {
            add(new H3(dimension.name()));
            dimension.indicators().forEach(indicator -> add(card(indicator)));
        }
        recompute();
    }

    private Div card(IndicatorDefinition indicator) {
        Div card = new Div();
        card.addClassName("qpb-card");
        card.addClassName("qpb-indicator");
        card.setId("indicator-card-" + indicator.code());
        Span title = new Span(indicator.code() + " " + indicator.title());
        title.addClassName("qpb-card-title");
        card.add(title,
                new LabeledValue(getTranslation("standard.indicator.guidance"), indicator.guidance()),
                new LabeledValue(getTranslation("standard.indicator.quality"), indicator.qualityStandard()),
                new LabeledValue(getTranslation("standard.indicator.rule"), ScoringRuleText.of(this, indicator)),
                input(indicator));
        TextArea explanation = new TextArea(getTranslation("form.explanation"));
        explanation.setMaxLength(2000);
        explanation.setWidthFull();
        card.add(explanation);
        if (indicator.evidenceRequired()) {
            card.add(new LabeledValue(getTranslation("form.evidence"), indicator.evidenceHint()));
        }
        return card;
    }

    /** The input that fits the method: met or not, a score in steps, or a count of occurrences. */
    private Component input(IndicatorDefinition indicator) {
        String id = "input-" + indicator.code();
        return switch (indicator.method()) {
            case CHECK -> {
                RadioButtonGroup<Boolean> met = new RadioButtonGroup<>(getTranslation("form.met"));
                met.setId(id);
                met.setItems(true, false);
                met.setItemLabelGenerator(value -> getTranslation(value ? "form.met.yes" : "form.met.no"));
                met.addValueChangeListener(e -> changed(indicator, e.getValue() == null ? null : IndicatorInput.met(e.getValue())));
                yield met;
            }
            case SCALE -> {
                BigDecimalField score = new BigDecimalField(getTranslation("form.score"));
                score.setId(id);
                score.setHelperText(getTranslation("form.score.help", ScoringRuleText.plain(indicator.maxScore()),
                        ScoringRuleText.plain(indicator.step())));
                score.addValueChangeListener(e -> changed(indicator,
                        e.getValue() == null ? null : new IndicatorInput(null, e.getValue(), null)));
                yield score;
            }
            case DEDUCT -> {
                IntegerField occurrences = new IntegerField(getTranslation("form.occurrences"));
                occurrences.setId(id);
                occurrences.setMin(0);
                occurrences.setStepButtonsVisible(true);
                occurrences.addValueChangeListener(e -> changed(indicator,
                        e.getValue() == null ? null : IndicatorInput.occurrences(e.getValue())));
                yield occurrences;
            }
        };
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
        stars.removeAll();
        if (scheme == null) {
            total.setText("0");
            status.setText(getTranslation("form.empty-standard"));
            return;
        }
        ScoringResult result = Scoring.score(scheme, inputs);
        total.setText(ScoringRuleText.plain(result.total()));
        stars.add(new Stars(result.stars()));
        StringBuilder text = new StringBuilder(getTranslation("form.missing", result.missing().size()));
        if (!result.problems().isEmpty()) {
            text.append(' ').append(getTranslation("form.problems", result.problems().size()));
        }
        if (result.vetoCap() != null) {
            text.append(' ').append(getTranslation("form.vetoed", result.failedVetoes().size(), result.vetoCap()));
        }
        status.setText(text.toString());
    }
}

package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.base.ui.AutosavedEntry;
import cn.luohu.qpb.base.ui.AutosavedTextArea;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;

import java.io.Serializable;

/**
 * One indicator as a secretary fills it in: its 业务指引, 质量标准 and scoring rule, the input its method
 * needs (met or not, a score in steps, a count of occurrences) and an explanation. Every change is handed
 * to the listener as an {@link AutosavedEntry}: a refusal the listener throws stays marked on its field.
 */
public class IndicatorCard extends Div {

    /** Receives the indicator's input (null when cleared) and explanation after every change; throws a refusal. */
    @FunctionalInterface
    public interface ChangeListener extends Serializable {
        void changed(IndicatorInput input, String explanation);
    }

    private final IndicatorDefinition indicator;
    private final AutosavedTextArea explanation = new AutosavedTextArea(null);
    private final HasValue<?, ?> input;
    private final AutosavedEntry entry;

    public IndicatorCard(IndicatorDefinition indicator, IndicatorInput initial, String initialExplanation,
                         boolean editable, ChangeListener listener) {
        this.indicator = indicator;
        addClassName("qpb-card");
        addClassName("qpb-indicator");
        setId("indicator-card-" + indicator.code());
        Span title = new Span(indicator.code() + " " + indicator.title());
        title.addClassName("qpb-card-title");
        add(title,
                new LabeledValue(getTranslation("standard.indicator.guidance"), indicator.guidance()),
                new LabeledValue(getTranslation("standard.indicator.quality"), indicator.qualityStandard()),
                new LabeledValue(getTranslation("standard.indicator.rule"), ScoringRuleText.of(this, indicator)));
        Component field = input(initial);
        input = (HasValue<?, ?>) field;
        add(field);
        explanation.setId("explanation-" + indicator.code());
        explanation.setLabel(getTranslation("form.explanation"));
        explanation.setWidthFull();
        explanation.setValue(initialExplanation == null ? "" : initialExplanation);
        entry = new AutosavedEntry(input, explanation, IndicatorDefinition.EXPLANATION_MAX,
                key -> key.startsWith("scoring.problem."), () -> listener.changed(currentInput(), explanation.getValue()));
        entry.setReadOnly(!editable);
        add(explanation);
        if (indicator.evidenceRequired()) {
            add(new LabeledValue(getTranslation("form.evidence"), indicator.evidenceHint()));
        }
    }

    public IndicatorDefinition indicator() {
        return indicator;
    }

    private Component input(IndicatorInput initial) {
        String id = "input-" + indicator.code();
        return switch (indicator.method()) {
            case CHECK -> {
                RadioButtonGroup<Boolean> met = new RadioButtonGroup<>(getTranslation("form.met"));
                met.setId(id);
                met.setItems(true, false);
                met.setItemLabelGenerator(value -> getTranslation(value ? "form.met.yes" : "form.met.no"));
                met.setValue(initial == null ? null : initial.met());
                yield met;
            }
            case SCALE -> {
                BigDecimalField score = new BigDecimalField(getTranslation("form.score"));
                score.setId(id);
                score.setHelperText(getTranslation("form.score.help", ScoringRuleText.plain(indicator.maxScore()),
                        ScoringRuleText.plain(indicator.step())));
                score.setValue(initial == null ? null : initial.score());
                yield score;
            }
            case DEDUCT -> {
                IntegerField occurrences = new IntegerField(getTranslation("form.occurrences"));
                occurrences.setId(id);
                occurrences.setMin(0);
                occurrences.setStepButtonsVisible(true);
                occurrences.setValue(initial == null ? null : initial.occurrences());
                yield occurrences;
            }
        };
    }

    /** What is entered now, as the scoring reads it; null when nothing is. */
    public IndicatorInput currentInput() {
        Object value = input.getValue();
        if (value == null) {
            return null;
        }
        return switch (indicator.method()) {
            case CHECK -> IndicatorInput.met((Boolean) value);
            case SCALE -> new IndicatorInput(null, (java.math.BigDecimal) value, null);
            case DEDUCT -> IndicatorInput.occurrences((Integer) value);
        };
    }

    /** Whether it holds a value that was refused and not saved since. */
    public boolean hasUnsavedValue() {
        return entry.hasUnsavedValue();
    }

    /** Stops (or allows) changes, e.g. once another tab has saved over this one. */
    public void setEditable(boolean editable) {
        entry.setReadOnly(!editable);
    }
}

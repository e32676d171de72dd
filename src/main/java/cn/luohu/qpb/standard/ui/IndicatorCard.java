package cn.luohu.qpb.standard.ui;

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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.io.Serializable;

/**
 * One indicator as a secretary fills it in: its 业务指引, 质量标准 and scoring rule, the input its method
 * needs (met or not, a score in steps, a count of occurrences) and an explanation. Every change is handed
 * to the listener; the explanation after a short pause in typing.
 */
public class IndicatorCard extends Div {

    /** Receives the indicator's input (null when cleared) and explanation after every change. */
    @FunctionalInterface
    public interface ChangeListener extends Serializable {
        void changed(IndicatorInput input, String explanation);
    }

    /** Milliseconds of pause in typing before an explanation is handed over (and saved). */
    static final int TYPING_PAUSE_MS = 1200;

    private final IndicatorDefinition indicator;
    private final TextArea explanation = new TextArea();
    private final HasValue<?, ?> input;
    private final transient ChangeListener listener;

    public IndicatorCard(IndicatorDefinition indicator, IndicatorInput initial, String initialExplanation,
                         boolean editable, ChangeListener listener) {
        this.indicator = indicator;
        this.listener = listener;
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
        input.setReadOnly(!editable);
        add(field);
        explanation.setId("explanation-" + indicator.code());
        explanation.setLabel(getTranslation("form.explanation"));
        explanation.setMaxLength(2000);
        explanation.setWidthFull();
        explanation.setValue(initialExplanation == null ? "" : initialExplanation);
        explanation.setValueChangeMode(ValueChangeMode.TIMEOUT);
        explanation.setValueChangeTimeout(TYPING_PAUSE_MS);
        explanation.setReadOnly(!editable);
        explanation.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                notifyChange();
            }
        });
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
                met.addValueChangeListener(e -> notifyChange());
                yield met;
            }
            case SCALE -> {
                BigDecimalField score = new BigDecimalField(getTranslation("form.score"));
                score.setId(id);
                score.setHelperText(getTranslation("form.score.help", ScoringRuleText.plain(indicator.maxScore()),
                        ScoringRuleText.plain(indicator.step())));
                score.setValue(initial == null ? null : initial.score());
                score.addValueChangeListener(e -> notifyChange());
                yield score;
            }
            case DEDUCT -> {
                IntegerField occurrences = new IntegerField(getTranslation("form.occurrences"));
                occurrences.setId(id);
                occurrences.setMin(0);
                occurrences.setStepButtonsVisible(true);
                occurrences.setValue(initial == null ? null : initial.occurrences());
                occurrences.addValueChangeListener(e -> notifyChange());
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

    private void notifyChange() {
        listener.changed(currentInput(), explanation.getValue());
    }
}

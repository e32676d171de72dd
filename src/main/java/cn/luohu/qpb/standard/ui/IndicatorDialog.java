package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.ScoringMethod;
import cn.luohu.qpb.standard.StandardDefinition;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;

import java.util.List;

/**
 * Adds or edits one indicator of a draft: its two texts (业务指引, 质量标准) and its scoring. Only the fields
 * its method needs are shown. The whole standard is checked when it is published.
 */
class IndicatorDialog extends Dialog {

    private final TextField code = new TextField();
    private final TextField title = new TextField();
    private final TextArea guidance = new TextArea();
    private final TextArea quality = new TextArea();
    private final Select<ScoringMethod> method = new Select<>();
    private final BigDecimalField maxScore = new BigDecimalField();
    private final BigDecimalField step = new BigDecimalField();
    private final BigDecimalField deduction = new BigDecimalField();
    private final Checkbox evidenceRequired = new Checkbox();
    private final TextField evidenceHint = new TextField();
    private final List<TextLimit> limits;
    private final Checkbox veto = new Checkbox();
    private final IntegerField vetoStarCap = new IntegerField();
    private final Checkbox bonus = new Checkbox();

    /** With {@code editing} null, a new indicator. */
    IndicatorDialog(IndicatorDefinition editing, SerializableConsumer<IndicatorDefinition> onDone) {
        setId("indicator-dialog");
        setHeaderTitle(getTranslation(editing == null ? "standard.indicator.add" : "standard.indicator.edit"));
        setWidth("min(52rem, 100vw)");
        label(code, "indicator-code", "standard.indicator.code");
        label(title, "indicator-title", "standard.indicator.title");
        guidance.setId("indicator-guidance");
        guidance.setLabel(getTranslation("standard.indicator.guidance"));
        quality.setId("indicator-quality");
        quality.setLabel(getTranslation("standard.indicator.quality"));
        method.setId("indicator-method");
        method.setLabel(getTranslation("standard.indicator.method"));
        method.setItems(ScoringMethod.values());
        method.setItemLabelGenerator(m -> Labels.of(this, "standard.method", m));
        method.setValue(ScoringMethod.CHECK);
        label(maxScore, "indicator-max", "standard.indicator.max");
        label(step, "indicator-step", "standard.indicator.step");
        label(deduction, "indicator-deduction", "standard.indicator.deduction");
        evidenceRequired.setId("indicator-evidence-required");
        evidenceRequired.setLabel(getTranslation("standard.indicator.evidence-required"));
        label(evidenceHint, "indicator-evidence-hint", "standard.indicator.evidence-hint");
        limits = List.of(TextLimit.on(code, StandardDefinition.CODE_MAX), TextLimit.on(title, StandardDefinition.INDICATOR_TITLE_MAX),
                TextLimit.on(evidenceHint, StandardDefinition.EVIDENCE_HINT_MAX));
        veto.setId("indicator-veto");
        veto.setLabel(getTranslation("standard.indicator.veto"));
        vetoStarCap.setId("indicator-veto-cap");
        vetoStarCap.setLabel(getTranslation("standard.indicator.veto-cap"));
        vetoStarCap.setMin(0);
        vetoStarCap.setMax(4);
        bonus.setId("indicator-bonus");
        bonus.setLabel(getTranslation("standard.indicator.bonus"));
        method.addValueChangeListener(e -> showFieldsOfMethod());
        veto.addValueChangeListener(e -> vetoStarCap.setVisible(veto.getValue()));
        evidenceRequired.addValueChangeListener(e -> evidenceHint.setVisible(evidenceRequired.getValue()));
        if (editing != null) {
            fill(editing);
        }
        showFieldsOfMethod();
        vetoStarCap.setVisible(veto.getValue());
        evidenceHint.setVisible(evidenceRequired.getValue());

        FormLayout form = new FormLayout(code, title, guidance, quality, method, maxScore, step, deduction,
                evidenceRequired, evidenceHint, veto, vetoStarCap, bonus);
        form.setColspan(title, 2);
        form.setColspan(guidance, 2);
        form.setColspan(quality, 2);
        form.setColspan(evidenceHint, 2);
        add(form);
        Button ok = new Button(getTranslation("action.ok"), click -> {
            if (!TextLimit.allAccept(limits)) {
                return;
            }
            onDone.accept(value());
            close();
        });
        ok.setId("indicator-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), ok);
    }

    private <F extends Component & HasLabel> void label(F field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
    }

    private void fill(IndicatorDefinition indicator) {
        code.setValue(indicator.code());
        title.setValue(indicator.title());
        guidance.setValue(orEmpty(indicator.guidance()));
        quality.setValue(orEmpty(indicator.qualityStandard()));
        method.setValue(indicator.method());
        maxScore.setValue(indicator.maxScore());
        step.setValue(indicator.step());
        deduction.setValue(indicator.deduction());
        evidenceRequired.setValue(indicator.evidenceRequired());
        evidenceHint.setValue(orEmpty(indicator.evidenceHint()));
        veto.setValue(indicator.veto());
        vetoStarCap.setValue(indicator.vetoStarCap());
        bonus.setValue(indicator.bonus());
    }

    private void showFieldsOfMethod() {
        step.setVisible(method.getValue() == ScoringMethod.SCALE);
        deduction.setVisible(method.getValue() == ScoringMethod.DEDUCT);
    }

    private IndicatorDefinition value() {
        ScoringMethod chosen = method.getValue();
        return new IndicatorDefinition(code.getValue().strip(), title.getValue().strip(), guidance.getValue(), quality.getValue(),
                chosen, maxScore.getValue(), chosen == ScoringMethod.SCALE ? step.getValue() : null,
                chosen == ScoringMethod.DEDUCT ? deduction.getValue() : null, evidenceRequired.getValue(),
                evidenceRequired.getValue() ? evidenceHint.getValue() : null, veto.getValue(),
                veto.getValue() ? vetoStarCap.getValue() : null, bonus.getValue());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

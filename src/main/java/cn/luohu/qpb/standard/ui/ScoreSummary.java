package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.standard.ScoringResult;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The running total, the star it would earn, what is missing and which vetoes failed; stays in view. */
public class ScoreSummary extends Div {

    private final Span total = new Span();
    private final Div stars = new Div();
    private final Span status = new Span();

    public ScoreSummary() {
        total.setId("form-total");
        stars.setId("form-stars");
        status.setId("form-status");
        add(new LabeledValue(getTranslation("form.total"), total), new LabeledValue(getTranslation("form.stars"), stars), status);
        addClassName("qpb-card");
        addClassName("qpb-form-summary");
    }

    public void show(ScoringResult result) {
        total.setText(ScoringRuleText.plain(result.total()));
        stars.removeAll();
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

    public void showEmpty() {
        total.setText("0");
        stars.removeAll();
        status.setText(getTranslation("form.empty-standard"));
    }
}

package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.standard.IndicatorDefinition;
import com.vaadin.flow.component.Component;

import java.math.BigDecimal;

/** How an indicator is scored, in the words a secretary reads on her form. */
final class ScoringRuleText {

    private ScoringRuleText() {
    }

    static String of(Component component, IndicatorDefinition indicator) {
        String rule = switch (indicator.method()) {
            // numbers, not text: the messages choose their words by them (0 points, 1 point, 2 points)
            case CHECK -> component.getTranslation("standard.rule.check", number(indicator.maxScore()));
            case SCALE -> component.getTranslation("standard.rule.scale", number(indicator.maxScore()), number(indicator.step()));
            case DEDUCT -> component.getTranslation("standard.rule.deduct", number(indicator.maxScore()), number(indicator.deduction()));
        };
        if (indicator.veto()) {
            rule += " " + component.getTranslation("standard.rule.veto", indicator.vetoStarCap());
        }
        if (indicator.bonus()) {
            rule += " " + component.getTranslation("standard.rule.bonus");
        }
        return rule;
    }

    private static BigDecimal number(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** 5.00 shown as 5, 0.50 as 0.5. */
    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}

package cn.luohu.qpb.cycle.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.cycle.CycleProblemsException;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.CycleSummary;
import cn.luohu.qpb.cycle.PendingAssessment;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableConsumer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A later self-assessment deadline for the chosen organisations: a date after the cycle's deadline and a
 * reason, which is required (it is kept with each organisation's assessment and in the audit trail).
 */
class ExtendDeadlineDialog extends Dialog {

    private static final int NAMES_SHOWN = 5;

    private final transient CycleService cycles;
    private final CycleSummary cycle;
    private final List<PendingAssessment> chosen;
    private final SerializableConsumer<String> onExtended;
    private final DatePicker date;
    private final TextArea reason = new TextArea();
    private final TextLimit limit;
    private final Div errors = new Div();

    ExtendDeadlineDialog(CycleService cycles, CycleSummary cycle, List<PendingAssessment> chosen,
                         SerializableConsumer<String> onExtended) {
        this.cycles = cycles;
        this.cycle = cycle;
        this.chosen = List.copyOf(chosen);
        this.onExtended = onExtended;
        setId("cycle-extend-dialog");
        setHeaderTitle(getTranslation("cycle.extend.title"));
        setWidth("min(36rem, 100vw)");

        String names = chosen.stream().limit(NAMES_SHOWN).map(PendingAssessment::name).collect(Collectors.joining("、"));
        Paragraph who = new Paragraph(chosen.size() > NAMES_SHOWN
                ? getTranslation("cycle.extend.who-more", names, chosen.size())
                : getTranslation("cycle.extend.who", names));
        who.setId("cycle-extend-who");
        Paragraph rule = new Paragraph(getTranslation("cycle.extend.rule", cycle.selfDeadline().toString(),
                cycle.reviewDeadline().toString()));
        rule.addClassName("qpb-hint");

        date = DateFields.create(this, "cycle-extend-date", "cycle.extend.date");
        java.time.LocalDate firstDay = cycle.selfDeadline().plusDays(1);
        date.setMin(cycles.today().isAfter(firstDay) ? cycles.today() : firstDay);
        date.setMax(cycle.reviewDeadline());
        date.setRequiredIndicatorVisible(true);
        reason.setId("cycle-extend-reason");
        reason.setLabel(getTranslation("cycle.extend.reason"));
        limit = TextLimit.on(reason, CycleService.REASON_MAX);
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        errors.setId("cycle-extend-errors");
        errors.addClassName("qpb-errors");
        add(errors, who, rule, date, reason);

        Button save = new SingleClickButton(getTranslation("cycle.action.extend"), click -> save());
        save.setId("cycle-extend-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cycle-extend-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        errors.removeAll();
        if (!limit.accepts()) {
            return;
        }
        int extended;
        try {
            extended = cycles.extendDeadline(cycle.id(), chosen.stream().map(PendingAssessment::organizationId).toList(),
                    date.getValue(), reason.getValue());
        } catch (CycleProblemsException invalid) {
            invalid.problems().forEach(problem -> errors.add(new Paragraph(PortalErrorHandler.translate(this, problem))));
            return;
        } catch (PortalException refusal) {
            errors.add(new Paragraph(PortalErrorHandler.translate(this, refusal)));
            return;
        }
        close();
        onExtended.accept(getTranslation("cycle.extended", extended, date.getValue().toString()));
    }
}

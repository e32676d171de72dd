package cn.luohu.qpb.cycle.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.cycle.CycleInput;
import cn.luohu.qpb.cycle.CycleProblemsException;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.CycleSummary;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.standard.StandardSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sets up a cycle, or changes one that has not been opened: the year and a name, the published standard
 * for each category (only standards that serve it are offered), the three deadlines, the length of the
 * public notice and optional quotas per star level. The service checks every rule; all problems are shown
 * at once and what was typed is kept.
 */
class CycleEditorDialog extends Dialog {

    private final transient CycleService cycles;
    private final CycleSummary editing;
    private final SerializableConsumer<Long> onSaved;
    private final IntegerField year = new IntegerField();
    private final TextField name = new TextField();
    private final TextLimit nameLimit;
    private final Map<Category, Select<StandardSummary>> standards = new EnumMap<>(Category.class);
    private final DatePicker selfDeadline;
    private final DatePicker reviewDeadline;
    private final DatePicker approvalDeadline;
    private final IntegerField noticeDays = new IntegerField();
    private final Map<Integer, BigDecimalField> quotas = new TreeMap<>();
    private final Div errors = new Div();
    private String defaultName = "";

    /** With {@code editing} null, a new cycle for the first year from this one that has none. */
    CycleEditorDialog(CycleService cycles, CycleSummary editing, SerializableConsumer<Long> onSaved) {
        this.cycles = cycles;
        this.editing = editing;
        this.onSaved = onSaved;
        setId("cycle-editor");
        setHeaderTitle(editing == null ? getTranslation("cycle.action.create") : getTranslation("cycle.edit.title", editing.name()));
        setWidth("min(52rem, 100vw)");

        year.setId("cycle-editor-year");
        year.setLabel(getTranslation("cycle.field.year"));
        year.setStepButtonsVisible(true); // no min or max here: the service names what is out of range
        year.addValueChangeListener(event -> suggestName(event.getValue()));
        name.setId("cycle-editor-name");
        name.setLabel(getTranslation("cycle.field.name"));
        nameLimit = TextLimit.on(name, CycleInput.NAME_MAX);
        selfDeadline = DateFields.create(this, "cycle-editor-self", "cycle.field.self-deadline");
        reviewDeadline = DateFields.create(this, "cycle-editor-review", "cycle.field.review-deadline");
        approvalDeadline = DateFields.create(this, "cycle-editor-approval", "cycle.field.approval-deadline");
        noticeDays.setId("cycle-editor-notice");
        noticeDays.setLabel(getTranslation("cycle.field.notice-days"));
        noticeDays.setStepButtonsVisible(true);
        noticeDays.setHelperText(getTranslation("cycle.field.notice-days.help"));
        errors.setId("cycle-editor-errors");
        errors.addClassName("qpb-errors");

        FormLayout general = new FormLayout(year, name, selfDeadline, reviewDeadline, approvalDeadline, noticeDays);
        FormLayout standardForm = new FormLayout();
        Map<Category, List<StandardSummary>> offered = cycles.publishedStandards();
        for (Category category : Category.values()) {
            Select<StandardSummary> select = new Select<>();
            select.setId("cycle-editor-standard-" + category.name());
            select.setLabel(Labels.of(this, "org.category", category));
            select.setItems(offered.get(category));
            select.setItemLabelGenerator(s -> s == null ? "" : getTranslation("cycle.standard.option", s.name(), s.version(), s.code()));
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(getTranslation("cycle.standard.none"));
            standards.put(category, select);
            standardForm.add(select);
        }
        FormLayout quotaForm = new FormLayout();
        for (int star = 5; star >= 1; star--) {
            BigDecimalField quota = new BigDecimalField(getTranslation("cycle.field.quota", star));
            quota.setId("cycle-editor-quota-" + star);
            quota.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
            quota.setPlaceholder(getTranslation("cycle.quota.none"));
            quotas.put(star, quota);
            quotaForm.add(quota);
        }
        quotaForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("30rem", 5));
        add(errors, general, new H4(getTranslation("cycle.section.standards")), standardForm,
                new H4(getTranslation("cycle.section.quotas")), new Paragraph(getTranslation("cycle.quota.help")), quotaForm);

        if (editing == null) {
            fillNew(offered);
        } else {
            fill(editing.input(), offered);
        }

        Button save = new SingleClickButton(getTranslation("action.save"), click -> save());
        save.setId("cycle-editor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cycle-editor-cancel");
        getFooter().add(cancel, save);
    }

    private void fillNew(Map<Category, List<StandardSummary>> offered) {
        List<Integer> taken = cycles.list().stream().map(CycleSummary::year).toList();
        int suggested = cycles.today().getYear();
        while (taken.contains(suggested)) {
            suggested++;
        }
        year.setValue(suggested);
        noticeDays.setValue(CycleInput.DEFAULT_NOTICE_DAYS);
        offered.forEach((category, choices) -> {
            if (!choices.isEmpty()) {
                standards.get(category).setValue(choices.getFirst()); // the newest version of the first standard
            }
        });
    }

    private void fill(CycleInput input, Map<Category, List<StandardSummary>> offered) {
        year.setValue(input.year());
        name.setValue(input.name());
        selfDeadline.setValue(input.selfDeadline());
        reviewDeadline.setValue(input.reviewDeadline());
        approvalDeadline.setValue(input.approvalDeadline());
        noticeDays.setValue(input.noticeDays());
        input.standards().forEach((category, id) -> offered.get(category).stream().filter(s -> s.id() == id).findFirst()
                .ifPresent(standards.get(category)::setValue));
        input.quotas().forEach((star, quota) -> quotas.get(star).setValue(quota));
    }

    /** Keeps the name in step with the year while it is the suggested one. */
    private void suggestName(Integer chosenYear) {
        String suggestion = chosenYear == null ? "" : getTranslation("cycle.default-name", String.valueOf(chosenYear));
        if (name.getValue().isBlank() || name.getValue().equals(defaultName)) {
            name.setValue(suggestion);
        }
        defaultName = suggestion;
    }

    CycleInput input() {
        Map<Category, Long> chosen = new EnumMap<>(Category.class);
        standards.forEach((category, select) -> {
            if (select.getValue() != null) {
                chosen.put(category, select.getValue().id());
            }
        });
        Map<Integer, BigDecimal> chosenQuotas = new TreeMap<>();
        quotas.forEach((star, field) -> {
            if (field.getValue() != null) {
                chosenQuotas.put(star, field.getValue());
            }
        });
        return new CycleInput(year.getValue(), name.getValue(), chosen, selfDeadline.getValue(), reviewDeadline.getValue(),
                approvalDeadline.getValue(), noticeDays.getValue(), chosenQuotas);
    }

    private void save() {
        errors.removeAll();
        if (!nameLimit.accepts()) {
            return;
        }
        if (year.isInvalid() || noticeDays.isInvalid() || selfDeadline.isInvalid() || reviewDeadline.isInvalid()
                || approvalDeadline.isInvalid() || quotas.values().stream().anyMatch(BigDecimalField::isInvalid)) {
            errors.add(new Paragraph(getTranslation("cycle.error.unreadable-field")));
            return;
        }
        long id;
        try {
            if (editing == null) {
                id = cycles.create(input());
            } else {
                cycles.update(editing.id(), input(), editing.rowVersion());
                id = editing.id();
            }
        } catch (CycleProblemsException invalid) {
            invalid.problems().forEach(problem -> errors.add(new Paragraph(PortalErrorHandler.translate(this, problem))));
            return;
        } catch (PortalException refusal) {
            errors.add(new Paragraph(PortalErrorHandler.translate(this, refusal)));
            return;
        }
        close();
        onSaved.accept(Objects.requireNonNull(id));
    }
}

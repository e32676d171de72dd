package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.RouteIds;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.StandardDefinition;
import cn.luohu.qpb.standard.StandardProblemsException;
import cn.luohu.qpb.standard.StandardRules;
import cn.luohu.qpb.standard.StandardService;
import cn.luohu.qpb.standard.StandardStatus;
import cn.luohu.qpb.standard.StandardSummary;
import cn.luohu.qpb.standard.StarBands;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * One standard version. A draft is edited here (header, bands, dimensions and indicators, added, edited,
 * reordered and removed) and published once every rule passes; a published or retired one is shown
 * read-only.
 */
@Route("standards/:id")
@RolesAllowed({Role.Names.APPROVER, Role.Names.ADMIN})
public class StandardEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient StandardService standards;
    private long id;
    private int rowVersion;
    private boolean editable;
    private DraftModel draft;
    private final Div problems = new Div();
    private final Span baseTotal = new Span();
    private final VerticalLayout dimensionsLayout = new VerticalLayout();
    private final List<TextLimit> headerLimits = new ArrayList<>();
    private final List<TextLimit> dimensionLimits = new ArrayList<>();

    public StandardEditorView(StandardService standards) {
        this.standards = standards;
        addClassName("qpb-page");
    }

    static RouteParameters parameters(long id) {
        return RouteIds.parameters(id);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = RouteIds.id(event);
        load();
    }

    private void load() {
        StandardSummary summary = standards.list().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(cn.luohu.qpb.base.NotFoundException::new);
        editable = summary.status() == StandardStatus.DRAFT;
        rowVersion = editable ? standards.draftVersion(id) : 0;
        draft = DraftModel.of(standards.definition(id));
        removeAll();
        H2 title = new H2(getTranslation("standard.editor.title", draft.name, draft.version,
                Labels.of(this, "standard.status", summary.status())));
        title.setId("standard-title");
        problems.setId("standard-problems");
        problems.addClassName("qpb-errors");
        problems.removeAll();
        headerLimits.clear();
        add(title, toolbar(), problems, header(), baseTotal, dimensionsLayout);
        dimensionsLayout.setPadding(false);
        renderDimensions();
    }

    private FlexLayout toolbar() {
        FlexLayout toolbar = new FlexLayout();
        toolbar.addClassName("qpb-filters");
        Button preview = new Button(getTranslation("standard.action.preview"), VaadinIcon.EYE.create(),
                click -> UI.getCurrent().navigate(StandardPreviewView.class, parameters(id)));
        preview.setId("standard-preview");
        if (editable) {
            Button save = new SingleClickButton(getTranslation("action.save"), click -> save());
            save.setId("standard-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button publish = new SingleClickButton(getTranslation("standard.action.publish"), click -> publish());
            publish.setId("standard-publish");
            publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            Button addDimension = new Button(getTranslation("standard.dimension.add"), VaadinIcon.PLUS.create(), click -> {
                draft.dimensions.add(new DraftModel.Dimension(getTranslation("standard.dimension.new-name"), List.of()));
                renderDimensions();
            });
            addDimension.setId("standard-add-dimension");
            toolbar.add(save, publish, addDimension);
        } else {
            Button copy = new Button(getTranslation("standard.action.copy"), VaadinIcon.COPY.create(),
                    click -> UI.getCurrent().navigate(StandardEditorView.class, parameters(standards.copyToDraft(id))));
            copy.setId("standard-copy");
            toolbar.add(copy);
        }
        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName(draft.code + "-v" + draft.version + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            standards.exportWorkbook(id, event.getOutputStream());
        }, getTranslation("standard.action.export"));
        export.setId("standard-export");
        export.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        toolbar.add(preview, export);
        return toolbar;
    }

    private Div header() {
        TextField name = new TextField(getTranslation("standard.field.name"));
        name.setId("standard-name");
        name.setValue(draft.name);
        headerLimits.add(TextLimit.on(name, StandardDefinition.NAME_MAX));
        name.addValueChangeListener(e -> draft.name = e.getValue());
        TextArea notes = new TextArea(getTranslation("standard.field.notes"));
        notes.setId("standard-notes");
        notes.setValue(draft.notes == null ? "" : draft.notes);
        headerLimits.add(TextLimit.on(notes, StandardDefinition.NOTES_MAX));
        notes.addValueChangeListener(e -> draft.notes = e.getValue());
        MultiSelectComboBox<Category> categories = new MultiSelectComboBox<>(getTranslation("standard.field.categories"));
        categories.setId("standard-categories");
        categories.setItems(Category.values());
        categories.setItemLabelGenerator(c -> Labels.of(this, "org.category", c));
        categories.setValue(draft.categories);
        categories.addValueChangeListener(e -> draft.categories = e.getValue().isEmpty()
                ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(e.getValue()));
        Div header = new Div(name, notes, categories);
        header.addClassName("qpb-card");
        for (int stars = 1; stars <= StarBands.LEVELS; stars++) {
            int level = stars;
            BigDecimalField band = new BigDecimalField(getTranslation("standard.field.band", level));
            band.setId("standard-band-" + level);
            band.setValue(draft.bands[level - 1]);
            band.addValueChangeListener(e -> draft.bands[level - 1] = e.getValue());
            band.setReadOnly(!editable);
            header.add(band);
        }
        BigDecimalField bonusCap = new BigDecimalField(getTranslation("standard.field.bonus-cap"));
        bonusCap.setId("standard-bonus-cap");
        bonusCap.setValue(draft.bonusCap);
        bonusCap.addValueChangeListener(e -> draft.bonusCap = e.getValue());
        header.add(bonusCap);
        name.setReadOnly(!editable);
        notes.setReadOnly(!editable);
        categories.setReadOnly(!editable);
        bonusCap.setReadOnly(!editable);
        return header;
    }

    private void renderDimensions() {
        dimensionsLayout.removeAll();
        dimensionLimits.clear();
        BigDecimal base = draft.dimensions.stream().flatMap(d -> d.indicators.stream()).filter(i -> !i.bonus())
                .map(IndicatorDefinition::maxScore).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        baseTotal.setText(getTranslation("standard.editor.base-total", ScoringRuleText.plain(base)));
        baseTotal.setId("standard-base-total");
        int index = 0;
        for (DraftModel.Dimension dimension : draft.dimensions) {
            dimensionsLayout.add(dimensionSection(dimension, index++));
        }
    }

    private VerticalLayout dimensionSection(DraftModel.Dimension dimension, int index) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("dimension-" + index);
        HorizontalLayout heading = new HorizontalLayout();
        heading.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        if (editable) {
            TextField name = new TextField();
            name.setId("dimension-name-" + index);
            name.setValue(dimension.name);
            dimensionLimits.add(TextLimit.on(name, StandardDefinition.DIMENSION_NAME_MAX));
            name.addValueChangeListener(e -> dimension.name = e.getValue());
            heading.add(name,
                    iconButton(VaadinIcon.ARROW_UP, "dimension-up-" + index, () -> DraftModel.move(draft.dimensions, dimension, -1)),
                    iconButton(VaadinIcon.ARROW_DOWN, "dimension-down-" + index, () -> DraftModel.move(draft.dimensions, dimension, 1)),
                    iconButton(VaadinIcon.TRASH, "dimension-remove-" + index, () -> draft.dimensions.remove(dimension)),
                    new Button(getTranslation("standard.indicator.add"), VaadinIcon.PLUS.create(), click ->
                            new IndicatorDialog(null, added -> {
                                dimension.indicators.add(added);
                                renderDimensions();
                            }).open()));
            heading.getComponentAt(heading.getComponentCount() - 1).setId("indicator-add-" + index);
        } else {
            heading.add(new H3(dimension.name));
        }
        Grid<IndicatorDefinition> grid = new Grid<>();
        grid.setId("dimension-grid-" + index);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(IndicatorDefinition::code).setHeader(getTranslation("standard.indicator.code")).setAutoWidth(true);
        grid.addColumn(IndicatorDefinition::title).setHeader(getTranslation("standard.indicator.title")).setFlexGrow(3);
        grid.addColumn(i -> ScoringRuleText.of(this, i)).setHeader(getTranslation("standard.indicator.rule")).setFlexGrow(2);
        if (editable) {
            grid.addComponentColumn(indicator -> new HorizontalLayout(
                    iconButton(VaadinIcon.EDIT, null, () -> new IndicatorDialog(indicator, changed -> {
                        dimension.indicators.set(dimension.indicators.indexOf(indicator), changed);
                        renderDimensions();
                    }).open()),
                    iconButton(VaadinIcon.ARROW_UP, null, () -> DraftModel.move(dimension.indicators, indicator, -1)),
                    iconButton(VaadinIcon.ARROW_DOWN, null, () -> DraftModel.move(dimension.indicators, indicator, 1)),
                    iconButton(VaadinIcon.TRASH, null, () -> dimension.indicators.remove(indicator))))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(dimension.indicators);
        section.add(heading, grid);
        return section;
    }

    private Button iconButton(VaadinIcon icon, String buttonId, Runnable change) {
        Button button = new Button(icon.create(), click -> {
            change.run();
            renderDimensions();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.getElement().setAttribute("aria-label", getTranslation("standard.editor.button." + icon.name().toLowerCase()));
        if (buttonId != null) {
            button.setId(buttonId);
        }
        return button;
    }

    private boolean save() {
        problems.removeAll();
        if (!TextLimit.allAccept(Stream.concat(headerLimits.stream(), dimensionLimits.stream()).toList())) {
            return false;
        }
        try {
            standards.saveDraft(id, draft.toDefinition(), rowVersion);
            rowVersion = standards.draftVersion(id);
        } catch (PortalException refusal) {
            problems.add(new Paragraph(PortalErrorHandler.translate(this, refusal)));
            return false;
        }
        Notification.show(getTranslation("standard.saved"), 2500, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return true;
    }

    private void publish() {
        if (!save()) {
            return;
        }
        try {
            standards.publish(id);
        } catch (StandardProblemsException refused) {
            problems.add(new Paragraph(PortalErrorHandler.translate(this, refused)));
            for (StandardRules.Problem problem : refused.problems()) {
                problems.add(new Paragraph(getTranslation(problem.key(), problem.subject())));
            }
            return;
        }
        Notification.show(getTranslation("standard.published", draft.name), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        load();
    }

    @Override
    public String getPageTitle() {
        return (draft == null ? "" : draft.name) + " · " + getTranslation("app.title");
    }
}

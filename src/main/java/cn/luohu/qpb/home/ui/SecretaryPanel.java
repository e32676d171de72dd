package cn.luohu.qpb.home.ui;

import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.Stars;
import com.vaadin.flow.component.Component;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.organization.StarHistoryEntry;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** A secretary's organisation: category, committee, current star and its history. */
class SecretaryPanel extends VerticalLayout {

    SecretaryPanel(OrganizationService organizations, DisplayZone zone) {
        setId("home-secretary");
        setPadding(false);
        OrganizationSummary mine = organizations.mine();
        add(new H3(getTranslation("home.secretary.title")));

        Div card = new Div();
        card.setId("secretary-org-card");
        card.addClassName("qpb-card");
        Span name = new Span(mine.name());
        name.addClassName("qpb-card-title");
        name.setId("secretary-org-name");
        card.add(name,
                field("org.field.code", new Span(mine.code())),
                field("org.field.category", new Span(Labels.of(this, "org.category", mine.category()))),
                field("org.field.committee", new Span(mine.committeeShortName() == null ? "" : mine.committeeShortName())),
                field("org.field.secretary", new Span(mine.secretaryName() == null ? "" : mine.secretaryName())),
                field("org.field.members", new Span(String.valueOf(mine.memberCount()))),
                field("org.field.star", new Stars(mine.currentStar())),
                field("org.field.star-since", new Span(mine.starEffectiveDate() == null ? ""
                        : mine.starEffectiveDate().format(DateTimeFormatter.ISO_LOCAL_DATE))));
        add(card);

        add(new H3(getTranslation("home.secretary.history")));
        List<StarHistoryEntry> history = organizations.starHistory(mine.id());
        Grid<StarHistoryEntry> grid = new Grid<>();
        grid.setId("secretary-star-history");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> zone.fromUtc(e.changedAt()).toLocalDate().toString()).setHeader(getTranslation("history.date"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(e -> new Stars(e.fromStar())).setHeader(getTranslation("history.from"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(e -> new Stars(e.toStar())).setHeader(getTranslation("history.to"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Labels.of(this, "history.kind", e.kind())).setHeader(getTranslation("history.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StarHistoryEntry::reason).setHeader(getTranslation("history.reason")).setAutoWidth(true);
        grid.setItems(history);
        add(grid);
    }

    private Div field(String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("qpb-field-label");
        Div row = new Div(label, value);
        row.addClassName("qpb-field");
        return row;
    }
}

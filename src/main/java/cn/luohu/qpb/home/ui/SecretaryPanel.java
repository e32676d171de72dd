package cn.luohu.qpb.home.ui;

import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.organization.ui.StarHistoryGrid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.format.DateTimeFormatter;

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
                new LabeledValue(getTranslation("org.field.code"), mine.code()),
                new LabeledValue(getTranslation("org.field.category"), Labels.of(this, "org.category", mine.category())),
                new LabeledValue(getTranslation("org.field.committee"), mine.committeeShortName()),
                new LabeledValue(getTranslation("org.field.secretary"), mine.secretaryName()),
                new LabeledValue(getTranslation("org.field.members"), String.valueOf(mine.memberCount())),
                new LabeledValue(getTranslation("org.field.star"), new Stars(mine.currentStar())),
                new LabeledValue(getTranslation("org.field.star-since"), mine.starEffectiveDate() == null ? ""
                        : mine.starEffectiveDate().format(DateTimeFormatter.ISO_LOCAL_DATE)));
        add(card);

        add(new H3(getTranslation("home.secretary.history")));
        StarHistoryGrid grid = new StarHistoryGrid(organizations.starHistory(mine.id()), zone);
        grid.setId("secretary-star-history");
        add(grid);
    }
}

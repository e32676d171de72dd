package cn.luohu.qpb.home.ui;

import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentSummary;
import cn.luohu.qpb.assessment.ui.AssessmentView;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.organization.ui.StarHistoryGrid;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A secretary's home: this year's self-assessment (where it stands, its deadline, the way in), her organisation
 * (category, committee, current star) and its star history.
 */
class SecretaryPanel extends VerticalLayout {

    SecretaryPanel(OrganizationService organizations, AssessmentService assessments, DisplayZone zone, LocalDate today) {
        setId("home-secretary");
        setPadding(false);
        OrganizationSummary mine = organizations.mine();
        assessments.currentSummary().ifPresent(current -> add(currentAssessment(current, today)));
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

    /** This year's self-assessment: its state, its deadline and how far off it is while she still has to act. */
    private Div currentAssessment(AssessmentSummary current, LocalDate today) {
        Div card = new Div();
        card.setId("secretary-current");
        card.addClassName("qpb-card");
        Span title = new Span(current.cycleName());
        title.addClassName("qpb-card-title");
        Span state = new Span(Labels.of(this, "assessment.state", current.state()));
        state.setId("secretary-current-state");
        card.add(title, new LabeledValue(getTranslation("assessment.field.state"), state),
                new LabeledValue(getTranslation("home.secretary.deadline"), current.selfDeadline().format(DateTimeFormatter.ISO_LOCAL_DATE)));
        if (current.state().isEditableBySecretary()) {
            long daysLeft = ChronoUnit.DAYS.between(today, current.selfDeadline());
            Span due = new Span(getTranslation("home.secretary.days-left", daysLeft, -daysLeft));
            due.setId("secretary-current-due");
            card.add(due);
        }
        Button open = new Button(getTranslation("home.secretary.open"),
                click -> UI.getCurrent().navigate(AssessmentView.class, AssessmentView.parameters(current.id())));
        open.setId("secretary-current-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(open);
        return card;
    }
}

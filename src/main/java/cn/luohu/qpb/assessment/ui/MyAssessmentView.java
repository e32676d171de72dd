package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentSummary;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.Labels;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** A secretary's self-assessments: the current cycle's to fill in, earlier ones to read. */
@Route("my-assessment")
@RolesAllowed(Role.Names.SECRETARY)
@Menu(title = "nav.my-assessment", order = 5, icon = "vaadin:edit")
public class MyAssessmentView extends VerticalLayout implements HasDynamicTitle {

    public MyAssessmentView(AssessmentService assessments) {
        addClassName("qpb-page");
        add(new H2(getTranslation("nav.my-assessment")));
        assessments.current().ifPresentOrElse(current -> {
            Button open = new Button(getTranslation("assessment.open-current"),
                    click -> UI.getCurrent().navigate(AssessmentView.class, AssessmentView.parameters(current)));
            open.setId("open-current-assessment");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(open);
        }, () -> {
            Paragraph none = new Paragraph(getTranslation("assessment.no-open-cycle"));
            none.setId("no-open-cycle");
            add(none);
        });
        Grid<AssessmentSummary> grid = new Grid<>();
        grid.setId("my-assessments");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(AssessmentSummary::year).setHeader(getTranslation("assessment.field.year")).setAutoWidth(true);
        grid.addColumn(AssessmentSummary::cycleName).setHeader(getTranslation("assessment.field.cycle")).setFlexGrow(2);
        grid.addColumn(a -> Labels.of(this, "assessment.state", a.state())).setHeader(getTranslation("assessment.field.state"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.selfTotal() == null ? "" : a.selfTotal().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("assessment.field.self-total")).setAutoWidth(true);
        grid.addItemClickListener(click -> UI.getCurrent().navigate(AssessmentView.class,
                AssessmentView.parameters(click.getItem().id())));
        grid.setItems(assessments.mine());
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.my-assessment") + " · " + getTranslation("app.title");
    }
}

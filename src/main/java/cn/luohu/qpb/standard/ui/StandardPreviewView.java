package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.base.ui.RouteIds;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.standard.StandardDefinition;
import cn.luohu.qpb.standard.StandardService;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** A standard exactly as a branch secretary will see it as her self-assessment form, live totals included. */
@Route("standards/:id/preview")
@RolesAllowed({Role.Names.APPROVER, Role.Names.ADMIN})
public class StandardPreviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient StandardService standards;
    private String title = "";

    public StandardPreviewView(StandardService standards) {
        this.standards = standards;
        addClassName("qpb-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = RouteIds.id(event);
        StandardDefinition standard = standards.definition(id);
        title = standard.name();
        removeAll();
        H2 heading = new H2(getTranslation("standard.preview.title", standard.name(), standard.version()));
        heading.setId("preview-title");
        Paragraph note = new Paragraph(getTranslation("standard.preview.note"));
        note.addClassName("qpb-notice");
        add(heading, note, new AssessmentForm(standard));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}

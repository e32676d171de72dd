package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A mistyped or outdated address: a short explanation in the user's language and a way home. */
@AnonymousAllowed
public class PageNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("qpb-page");
        setId("page-not-found");
        add(new H2(getTranslation("error.page-not-found.title")),
                new Paragraph(getTranslation("error.page-not-found.message")),
                new Anchor("", getTranslation("error.back-home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}

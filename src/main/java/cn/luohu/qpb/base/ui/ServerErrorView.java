package cn.luohu.qpb.base.ui;

import cn.luohu.qpb.base.db.DatabaseUnavailable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whatever fails while a page opens: the user reads what went wrong in their own language (a refusal
 * says why), never a stack trace; the details go to the log.
 */
@AnonymousAllowed
public class ServerErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("qpb-page");
        setId("server-error");
        Paragraph message = new Paragraph(PortalErrorHandler.messageFor(UI.getCurrent(), parameter.getCaughtException()));
        message.setId("server-error-message");
        add(new H2(getTranslation("error.page.title")), message, new Anchor("", getTranslation("error.back-home")));
        Exception caught = parameter.getCaughtException();
        if (DatabaseUnavailable.isCause(caught)) {
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        return PortalErrorHandler.isRefusal(caught) ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}

package cn.luohu.qpb.base.ui;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.db.DatabaseUnavailable;
import com.vaadin.flow.component.UI;
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
public class ServerErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception caught = parameter.getCaughtException();
        show("server-error", "error.page.title", PortalErrorHandler.messageFor(UI.getCurrent(), caught));
        if (caught instanceof NotFoundException) {
            return HttpServletResponse.SC_NOT_FOUND; // a record that does not exist (or is out of scope)
        }
        if (DatabaseUnavailable.isCause(caught)) {
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        return PortalErrorHandler.isRefusal(caught) ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}

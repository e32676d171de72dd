package cn.luohu.qpb.base.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page the user's role may not open (Vaadin's navigation access control reroutes here): one translated
 * page with the way home in development and production mode alike, instead of Vaadin's route list or bare 403.
 */
@AnonymousAllowed
public class AccessDeniedView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("access-denied", "error.access-denied.title", getTranslation("error.access-denied.page"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}

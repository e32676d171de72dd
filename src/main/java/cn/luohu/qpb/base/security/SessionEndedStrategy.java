package cn.luohu.qpb.base.security;

import cn.luohu.qpb.base.security.ui.LoginView;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.security.RequestUtil;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

import java.io.IOException;

/**
 * What a request of a session ended on the server gets, once Spring Security has logged it out: a page is
 * sent to the login view; a request of an open Vaadin UI gets Vaadin's own "session expired" answer, on
 * which the browser reloads the page, and the reload lands on the login view too.
 */
final class SessionEndedStrategy implements SessionInformationExpiredStrategy {

    private final RequestUtil requestUtil;

    SessionEndedStrategy(RequestUtil requestUtil) {
        this.requestUtil = requestUtil;
    }

    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
        HttpServletRequest request = event.getRequest();
        HttpServletResponse response = event.getResponse();
        if (requestUtil.isFrameworkInternalRequest(request)) {
            response.setContentType("application/json; charset=UTF-8");
            response.getWriter().write(VaadinService.createSessionExpiredJSON(false));
        } else {
            response.sendRedirect(request.getContextPath() + "/" + LoginView.ROUTE);
        }
    }
}

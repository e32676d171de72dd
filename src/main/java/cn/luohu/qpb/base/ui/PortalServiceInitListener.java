package cn.luohu.qpb.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Gives every session the portal's error handler, so no stack trace ever reaches the screen, and
 * translates the messages the browser shows on its own (an expired session, a lost connection).
 */
@Component
class PortalServiceInitListener implements VaadinServiceInitListener {

    private final I18NProvider i18n;

    PortalServiceInitListener(I18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new PortalErrorHandler()));
        event.getSource().setSystemMessagesProvider(info -> systemMessages(info.getLocale()));
    }

    CustomizedSystemMessages systemMessages(Locale locale) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        // say why the page reloads instead of silently landing on the login page
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setInternalErrorNotificationEnabled(true);
        messages.setCookiesDisabledNotificationEnabled(true);
        messages.setSessionExpiredCaption(i18n.getTranslation("system.session-expired.caption", locale));
        messages.setSessionExpiredMessage(i18n.getTranslation("system.session-expired.message", locale));
        messages.setInternalErrorCaption(i18n.getTranslation("system.internal-error.caption", locale));
        messages.setInternalErrorMessage(i18n.getTranslation("system.internal-error.message", locale));
        messages.setCookiesDisabledCaption(i18n.getTranslation("system.cookies-disabled.caption", locale));
        messages.setCookiesDisabledMessage(i18n.getTranslation("system.cookies-disabled.message", locale));
        return messages;
    }
}

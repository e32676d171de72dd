package cn.luohu.qpb.base.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.db.DatabaseUnavailable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Turns any error that escapes a listener into a message in the user's language. A refusal from a
 * service shows its own text; anything else is logged with its stack trace and shown as a short apology.
 */
public class PortalErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PortalErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("Error outside of a UI", event.getThrowable());
            return;
        }
        ui.access(() -> showError(ui, event.getThrowable()));
    }

    /** Shows the message for a throwable (also used by views that catch refusals themselves). */
    public static void showError(UI ui, Throwable throwable) {
        String message = messageFor(ui, throwable);
        Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("error-notification");
    }

    /**
     * The message for a throwable: a refusal's own text, "try again shortly" while the database is unavailable,
     * or a short apology (and the stack trace logged).
     */
    static String messageFor(UI ui, Throwable throwable) {
        if (DatabaseUnavailable.isCause(throwable)) {
            log.warn("The database is unavailable: {}", throwable.getMessage());
            return ui.getTranslation("error.unavailable");
        }
        Throwable refusal = refusalIn(throwable);
        if (refusal instanceof PortalException portal) {
            return translate(ui, portal);
        }
        if (refusal != null) {
            return ui.getTranslation("error.access-denied");
        }
        log.error("Unexpected error", throwable);
        return ui.getTranslation("error.unexpected");
    }

    /** A refusal in the user's language, with arguments that are keys translated too. */
    public static String translate(Component component, PortalException refusal) {
        Object[] arguments = refusal.arguments();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof PortalException.Key key) {
                arguments[i] = component.getTranslation(key.key());
            }
        }
        return component.getTranslation(refusal.messageKey(), arguments);
    }

    /** Whether the throwable is (or wraps) a deliberate refusal rather than a fault. */
    static boolean isRefusal(Throwable throwable) {
        return refusalIn(throwable) != null;
    }

    private static Throwable refusalIn(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause instanceof PortalException || cause instanceof AccessDeniedException) {
                return cause;
            }
        }
        return null;
    }
}

package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The short green message at the top after something was done, the same everywhere. */
public final class SuccessToast {

    private SuccessToast() {
    }

    /** Shows {@code message}; {@code id} lets tests find it. */
    public static Notification show(String message, String id) {
        Notification notification = Notification.show(message, 4000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.setId(id);
        return notification;
    }
}

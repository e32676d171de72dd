package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.BeforeLeaveEvent;

/** Asks before leaving a view that holds a refused value, never saved: stay and correct it, or leave without it. */
public final class UnsavedChangesDialog {

    private UnsavedChangesDialog() {
    }

    /** Holds the navigation until she answers. */
    public static void ask(BeforeLeaveEvent event) {
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("unsaved-confirm");
        dialog.setHeader(dialog.getTranslation("unsaved.title"));
        dialog.setText(dialog.getTranslation("unsaved.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(dialog.getTranslation("unsaved.stay"));
        dialog.setConfirmText(dialog.getTranslation("unsaved.leave"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirmed -> action.proceed());
        dialog.open();
    }
}

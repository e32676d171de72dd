package cn.luohu.qpb.notice.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.notice.NoticeService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;

/**
 * Asks for the reason of an objection, or of a decision on one: required, and within
 * {@link NoticeService#REASON_MAX} (refused in words, never cut). A refusal of the service is shown and the
 * dialog stays open with the text; otherwise it closes and {@code done} runs.
 */
class ReasonDialog extends Dialog {

    /**
     * @param idPrefix ids of the dialog ({@code <prefix>-dialog}) and of its text ({@code <prefix>-reason})
     * @param action   records the reason; a {@link PortalException} is a refusal
     */
    ReasonDialog(String idPrefix, String title, Paragraph hint, String reasonLabel, String actionLabel, String actionId,
                 SerializableConsumer<String> action, SerializableRunnable done) {
        setHeaderTitle(title);
        setId(idPrefix + "-dialog");
        TextArea reason = new TextArea(reasonLabel);
        reason.setId(idPrefix + "-reason");
        reason.setRequired(true);
        TextLimit limit = TextLimit.on(reason, NoticeService.REASON_MAX);
        reason.setWidthFull();
        Button confirm = new SingleClickButton(actionLabel, click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("notice.error.reason-required"));
                return;
            }
            if (!limit.accepts()) {
                return;
            }
            try {
                action.accept(reason.getValue());
            } catch (PortalException refused) {
                PortalErrorHandler.showError(UI.getCurrent(), refused);
                return;
            }
            close();
            done.run();
        });
        confirm.setId(actionId);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        add(hint, reason);
        getFooter().add(cancel, confirm);
    }
}

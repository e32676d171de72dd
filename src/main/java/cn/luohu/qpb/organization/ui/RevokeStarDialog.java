package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.organization.StarRevocationService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.stream.IntStream;

/**
 * Revocation (摘星) of an organisation's star by district staff: the star it falls to (none by default)
 * and the reason, confirmed once more because it takes effect at once.
 */
class RevokeStarDialog extends Dialog {

    RevokeStarDialog(StarRevocationService revocations, OrganizationSummary organization, Runnable revoked) {
        setHeaderTitle(getTranslation("star.revoke.title", organization.name()));
        setId("revoke-dialog");
        Paragraph help = new Paragraph(getTranslation("star.revoke.help", organization.currentStar()));
        Select<Integer> toStar = new Select<>();
        toStar.setId("revoke-to-star");
        toStar.setLabel(getTranslation("star.revoke.to"));
        toStar.setItems(IntStream.range(0, organization.currentStar()).boxed().toList());
        toStar.setItemLabelGenerator(s -> getTranslation("star.level", s));
        toStar.setValue(0);
        TextArea reason = new TextArea(getTranslation("star.revoke.reason"));
        reason.setId("revoke-reason");
        reason.setRequired(true);
        TextLimit limit = TextLimit.on(reason, StarRevocationService.REASON_MAX);
        reason.setWidthFull();
        Button next = new SingleClickButton(getTranslation("star.revoke"), click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("star.revoke.error.reason-required"));
                return;
            }
            if (!limit.accepts()) {
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("revoke-confirm");
            confirm.setHeader(getTranslation("star.revoke"));
            confirm.setText(getTranslation("star.revoke.confirm", organization.name(), toStar.getValue()));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation("star.revoke"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(e -> {
                try {
                    revocations.revoke(organization.id(), organization.currentStar(), toStar.getValue(), reason.getValue());
                } catch (PortalException refused) {
                    PortalErrorHandler.showError(UI.getCurrent(), refused);
                    return;
                }
                close();
                SuccessToast.show(getTranslation("star.revoke.done"), "revoke-done");
                revoked.run();
            });
            confirm.open();
        });
        next.setId("revoke-next");
        next.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        add(new VerticalLayout(help, toStar, reason));
        getFooter().add(cancel, next);
    }
}

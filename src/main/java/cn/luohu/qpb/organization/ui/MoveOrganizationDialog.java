package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.organization.OrganizationAdminService;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableConsumer;

/** Moves an organisation, with everything below it, under another parent. */
class MoveOrganizationDialog extends Dialog {

    MoveOrganizationDialog(OrganizationAdminService admin, OrganizationService organizations,
                           OrganizationSummary moving, SerializableConsumer<String> onMoved) {
        setId("org-move-dialog");
        setHeaderTitle(getTranslation("org.move.title", moving.name()));
        setWidth("min(36rem, 100vw)");
        int version = admin.editable(moving.id()).version();
        OrganizationPicker parent = new OrganizationPicker(organizations, getTranslation("org.move.new-parent"));
        parent.setId("org-move-parent");
        Paragraph error = new Paragraph();
        error.setId("org-move-error");
        error.addClassName("qpb-errors");
        add(new Paragraph(getTranslation("org.move.hint")), parent, error);

        Button move = new SingleClickButton(getTranslation("org.action.move"), click -> {
            if (parent.getValue() == null) {
                error.setText(getTranslation("org.move.choose-parent"));
                return;
            }
            try {
                admin.move(moving.id(), parent.getValue().id(), version);
            } catch (PortalException refusal) {
                error.setText(PortalErrorHandler.translate(this, refusal));
                return;
            }
            close();
            onMoved.accept(getTranslation("org.moved", moving.name(), parent.getValue().name()));
        });
        move.setId("org-move-confirm");
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, move);
    }
}

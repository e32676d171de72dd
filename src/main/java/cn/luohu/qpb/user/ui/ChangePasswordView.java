package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.MainLayout;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.user.PasswordPolicy;
import cn.luohu.qpb.user.UserAccountService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Every user changes their own password here; a user with a temporary password is sent here first. */
@Route(MainLayout.CHANGE_PASSWORD_ROUTE)
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    private final transient UserAccountService accounts;
    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final TextLimit freshLimit;

    public ChangePasswordView(UserAccountService accounts) {
        this.accounts = accounts;
        addClassName("qpb-narrow-page");
        add(new H2(getTranslation("password.change.title")));
        if (accounts.sessionInfo().mustChangePassword()) {
            Paragraph forced = new Paragraph(getTranslation("password.change.forced"));
            forced.setId("password-forced-notice");
            forced.addClassName("qpb-notice");
            add(forced);
        }
        add(new Paragraph(getTranslation("password.change.rules", PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_BYTES)));

        current.setId("current-password");
        current.setLabel(getTranslation("password.change.current"));
        fresh.setId("new-password");
        fresh.setLabel(getTranslation("password.change.new"));
        freshLimit = TextLimit.on(fresh, PasswordPolicy.MAX_LENGTH);
        confirmation.setId("confirm-password");
        confirmation.setLabel(getTranslation("password.change.confirm"));
        for (PasswordField field : new PasswordField[]{current, fresh, confirmation}) {
            field.setWidthFull();
            field.setRequired(true);
        }
        Button save = new SingleClickButton(getTranslation("password.change.submit"), click -> save());
        save.setId("change-password-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(current, fresh, confirmation, save);
    }

    private void save() {
        current.setInvalid(false);
        fresh.setInvalid(false);
        confirmation.setInvalid(false);
        if (!freshLimit.accepts()) {
            return;
        }
        if (!fresh.getValue().equals(confirmation.getValue())) {
            confirmation.setErrorMessage(getTranslation("password.change.mismatch"));
            confirmation.setInvalid(true);
            return;
        }
        try {
            accounts.changePassword(current.getValue(), fresh.getValue());
        } catch (PortalException refusal) {
            PasswordField field = "password.current-wrong".equals(refusal.messageKey()) ? current : fresh;
            field.setErrorMessage(PortalErrorHandler.translate(this, refusal));
            field.setInvalid(true);
            return;
        }
        UserSessionInitializer.passwordChanged();
        SuccessToast.show(getTranslation("password.change.done"), "password-changed");
        UI.getCurrent().navigate("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.change.title") + " · " + getTranslation("app.title");
    }
}

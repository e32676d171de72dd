package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.user.NewUser;
import cn.luohu.qpb.user.UserAdminService;
import cn.luohu.qpb.user.UserChanges;
import cn.luohu.qpb.user.UserSummary;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Creates an account or edits one. Field rules are checked here first (the same rules the service
 * applies, from {@link NewUser#fieldProblems()} and {@link UserChanges#fieldProblems()}) so each message
 * appears on its own field; what only the server knows (a taken username, role placement, a concurrent
 * edit, the administrator safeguards) comes back as a refusal and is shown the same way.
 */
class UserEditorDialog extends Dialog {

    private final transient UserAdminService users;
    private final transient UserSummary existing;
    private final transient Consumer<Saved> onSaved;

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final ComboBox<OrganizationSummary> organization;
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final TextField phone = new TextField();
    private final TextField email = new TextField();
    private final List<TextLimit> limits;
    private final Paragraph error = new Paragraph();

    /**
     * @param existing the account to edit, or null to create one
     * @param onSaved called after a successful save
     */
    UserEditorDialog(UserAdminService users, OrganizationService organizations, UserSummary existing,
                     Consumer<Saved> onSaved) {
        this.users = users;
        this.existing = existing;
        this.onSaved = onSaved;
        this.organization = OrganizationPicker.create(organizations, true);
        setId("user-editor");
        setHeaderTitle(getTranslation(existing == null ? "user.editor.create-title" : "user.editor.edit-title"));
        setWidth("min(40rem, 100vw)");

        username.setId("editor-username");
        username.setLabel(getTranslation("user.field.username"));
        username.setHelperText(getTranslation("user.editor.username-help"));
        displayName.setId("editor-display-name");
        displayName.setLabel(getTranslation("user.field.display-name"));
        organization.setId("editor-organization");
        organization.setLabel(getTranslation("user.field.organization"));
        organization.setPlaceholder(getTranslation("user.editor.organization-placeholder"));
        roles.setId("editor-roles");
        roles.setLabel(getTranslation("user.field.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        roles.setHelperText(getTranslation("user.editor.roles-help"));
        phone.setId("editor-phone");
        phone.setLabel(getTranslation("user.field.phone"));
        email.setId("editor-email");
        email.setLabel(getTranslation("user.field.email"));
        limits = List.of(TextLimit.on(username, NewUser.USERNAME_MAX), TextLimit.on(displayName, NewUser.DISPLAY_NAME_MAX),
                TextLimit.on(phone, NewUser.PHONE_MAX), TextLimit.on(email, NewUser.EMAIL_MAX));
        username.setRequiredIndicatorVisible(true);
        displayName.setRequiredIndicatorVisible(true);
        organization.setRequiredIndicatorVisible(true);
        roles.setRequiredIndicatorVisible(true);
        error.setId("editor-error");
        error.addClassName("qpb-error");
        error.setVisible(false);

        if (existing != null) {
            username.setValue(existing.username());
            limits.getFirst().setReadOnly(true);
            username.setHelperText(null);
            displayName.setValue(existing.displayName());
            organization.setValue(organizations.get(existing.organizationId()));
            roles.setValue(existing.roles());
            phone.setValue(existing.phone() == null ? "" : existing.phone());
            email.setValue(existing.email() == null ? "" : existing.email());
        }

        FormLayout form = new FormLayout(username, displayName, organization, roles, phone, email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(organization, 2);
        form.setColspan(roles, 2);
        add(error, form);

        Button save = new Button(getTranslation("user.editor.save"), click -> save());
        save.setId("editor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> save.setEnabled(true)); // runs after save(): usable again if refused
        Button cancel = new Button(getTranslation("user.editor.cancel"), click -> close());
        cancel.setId("editor-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        clearErrors();
        if (!TextLimit.allAccept(limits)) {
            return;
        }
        Set<Role> chosen = roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue());
        OrganizationSummary picked = organization.getValue();
        List<String> problems;
        if (existing == null) {
            NewUser user = new NewUser(username.getValue().strip(), displayName.getValue(),
                    picked == null ? null : picked.code(), chosen, phone.getValue(), email.getValue());
            problems = user.fieldProblems();
            if (problems.isEmpty()) {
                try {
                    String password = users.create(user);
                    close();
                    onSaved.accept(new Saved(user.username(), user.displayName().strip(), password));
                } catch (PortalException refusal) {
                    show(refusal.messageKey(), refusal.arguments());
                }
                return;
            }
        } else {
            if (picked == null) {
                show("user.error.organization-required");
                return;
            }
            UserChanges changes = new UserChanges(displayName.getValue(), picked.id(), chosen, phone.getValue(),
                    email.getValue(), existing.version());
            problems = changes.fieldProblems();
            if (problems.isEmpty()) {
                try {
                    users.update(existing.id(), changes);
                    close();
                    onSaved.accept(new Saved(existing.username(), changes.displayName().strip(), null));
                } catch (PortalException refusal) {
                    show(refusal.messageKey(), refusal.arguments());
                }
                return;
            }
        }
        problems.forEach(this::show);
    }

    private void clearErrors() {
        error.setVisible(false);
        for (HasValidation field : List.of(username, displayName, organization, roles, phone, email)) {
            field.setInvalid(false);
        }
    }

    /** Shows a message on the field it is about, or above the form when it concerns the whole account. */
    private void show(String key, Object... arguments) {
        String message = getTranslation(key, arguments);
        HasValidation field = fieldFor(key);
        if (field == null) {
            error.setText(message);
            error.setVisible(true);
        } else if (!field.isInvalid()) { // the first problem of a field is the one to fix first
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    private HasValidation fieldFor(String key) {
        if (key.startsWith("user.error.username")) {
            return username;
        } else if (key.startsWith("user.error.display-name")) {
            return displayName;
        } else if (key.startsWith("user.error.organization") || key.startsWith("user.error.placement")) {
            return organization;
        } else if (key.startsWith("user.error.roles") || key.equals("user.error.own-admin-role")) {
            return roles;
        } else if (key.startsWith("user.error.phone")) {
            return phone;
        } else if (key.startsWith("user.error.email")) {
            return email;
        }
        return null;
    }

    /** A saved account; {@code oneTimePassword} is set for a new account only, to be shown once. */
    record Saved(String username, String displayName, String oneTimePassword) {
    }
}

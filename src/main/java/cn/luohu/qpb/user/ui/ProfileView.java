package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.i18n.Language;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.MainLayout;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.user.NewUser;
import cn.luohu.qpb.user.Profile;
import cn.luohu.qpb.user.ProfileChanges;
import cn.luohu.qpb.user.UserAccountService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every user edits their own display name, phone, e-mail and language here (from the user menu), and sees
 * and ends her own logged-in sessions.
 */
@Route(MainLayout.PROFILE_ROUTE)
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
public class ProfileView extends VerticalLayout implements HasDynamicTitle {

    private final transient UserAccountService accounts;
    private final TextField username = new TextField();
    private final TextField organization = new TextField();
    private final TextField roles = new TextField();
    private final TextField displayName = new TextField();
    private final TextField phone = new TextField();
    private final TextField email = new TextField();
    private final List<TextLimit> limits;
    private final RadioButtonGroup<Language> language = new RadioButtonGroup<>();
    private final Paragraph error = new Paragraph();
    private int version;
    /** The language the page is shown in: a change of it redraws the page. */
    private Language shownLanguage;

    public ProfileView(UserAccountService accounts, DisplayZone zone) {
        this.accounts = accounts;
        addClassName("qpb-narrow-page");
        add(new H2(getTranslation("user.profile.title")));

        username.setId("profile-username");
        username.setLabel(getTranslation("user.field.username"));
        organization.setId("profile-organization");
        organization.setLabel(getTranslation("user.field.organization"));
        roles.setId("profile-roles");
        roles.setLabel(getTranslation("user.field.roles"));
        for (TextField fixed : List.of(username, organization, roles)) {
            fixed.setReadOnly(true);
            fixed.setWidthFull();
        }
        displayName.setId("profile-display-name");
        displayName.setLabel(getTranslation("user.field.display-name"));
        displayName.setRequiredIndicatorVisible(true);
        phone.setId("profile-phone");
        phone.setLabel(getTranslation("user.field.phone"));
        email.setId("profile-email");
        email.setLabel(getTranslation("user.field.email"));
        limits = List.of(TextLimit.on(displayName, NewUser.DISPLAY_NAME_MAX), TextLimit.on(phone, NewUser.PHONE_MAX),
                TextLimit.on(email, NewUser.EMAIL_MAX));
        for (TextField editable : List.of(displayName, phone, email)) {
            editable.setWidthFull();
        }
        language.setId("profile-language");
        language.setLabel(getTranslation("user.field.language"));
        language.setItems(Language.values());
        language.setItemLabelGenerator(l -> getTranslation("language." + l.code()));
        error.setId("profile-error");
        error.addClassName("qpb-error");
        error.setVisible(false);

        Button save = new Button(getTranslation("user.profile.save"), click -> save());
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> save.setEnabled(true));
        add(error, username, organization, roles, displayName, phone, email, language, save,
                new SessionsPanel(accounts, zone));
        load(accounts.profile());
    }

    private void load(Profile profile) {
        username.setValue(profile.username());
        organization.setValue(profile.organizationName());
        roles.setValue(profile.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining("、")));
        displayName.setValue(profile.displayName());
        phone.setValue(profile.phone() == null ? "" : profile.phone());
        email.setValue(profile.email() == null ? "" : profile.email());
        shownLanguage = Language.of(getLocale());
        language.setValue(Language.ofCode(profile.preferredLanguage()).orElse(shownLanguage));
        version = profile.version();
    }

    private void save() {
        error.setVisible(false);
        for (HasValidation field : List.of(displayName, phone, email, language)) {
            field.setInvalid(false);
        }
        if (!TextLimit.allAccept(limits)) {
            return;
        }
        ProfileChanges changes = new ProfileChanges(displayName.getValue(), phone.getValue(), email.getValue(),
                language.getValue(), version);
        List<String> problems = changes.fieldProblems();
        if (!problems.isEmpty()) {
            problems.forEach(this::show);
            return;
        }
        try {
            accounts.updateProfile(changes);
        } catch (PortalException refusal) {
            show(refusal.messageKey(), refusal.arguments());
            return;
        }
        boolean languageChanged = changes.language() != shownLanguage;
        load(accounts.profile());
        SuccessToast.show(getTranslation("user.profile.saved"), "profile-saved");
        if (languageChanged) { // the whole page must be drawn again in the new language
            VaadinSession.getCurrent().setLocale(changes.language().locale());
            UI.getCurrent().getPage().reload();
        }
    }

    private void show(String key, Object... arguments) {
        String message = getTranslation(key, arguments);
        HasValidation field = key.startsWith("user.error.display-name") ? displayName
                : key.startsWith("user.error.phone") ? phone
                : key.startsWith("user.error.email") ? email
                : key.startsWith("user.error.language") ? language : null;
        if (field == null) {
            error.setText(message);
            error.setVisible(true);
        } else {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("user.profile.title") + " · " + getTranslation("app.title");
    }
}

package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.ValidationException;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.NewOrganization;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.OrganizationAdminService;
import cn.luohu.qpb.organization.OrganizationChanges;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.organization.RegionalSystem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;

import java.util.List;

/**
 * Creates an organisation (under a chosen parent) or edits one. The service checks every rule; this
 * dialog shows all problems at once, in the user's language, and keeps what was typed.
 */
class OrganizationEditorDialog extends Dialog {

    private final transient OrganizationAdminService admin;
    private final OrganizationSummary editing;
    private final transient OrganizationChanges loaded;
    private final SerializableConsumer<String> onSaved;
    private final OrganizationPicker parent;
    private final Select<OrgKind> kind = new Select<>();
    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final TextField shortName = new TextField();
    private final Select<Category> category = new Select<>();
    private final Select<RegionalSystem> region = new Select<>();
    private final TextField secretary = new TextField();
    private final IntegerField members = new IntegerField();
    private final TextField contact = new TextField();
    private final List<TextLimit> limits;
    private final Div errors = new Div();

    /** With {@code editing} null, creates a new organisation under {@code suggestedParent} (may be null). */
    OrganizationEditorDialog(OrganizationAdminService admin, OrganizationService organizations,
                             OrganizationSummary suggestedParent, OrganizationSummary editing,
                             SerializableConsumer<String> onSaved) {
        this.admin = admin;
        this.editing = editing;
        this.onSaved = onSaved;
        this.loaded = editing == null ? null : admin.editable(editing.id());
        this.parent = new OrganizationPicker(organizations, getTranslation("org.field.parent"));
        setId("org-editor");
        setHeaderTitle(editing == null ? getTranslation("org.action.create") : getTranslation("org.edit.title", editing.name()));
        setWidth("min(46rem, 100vw)");

        parent.setId("org-editor-parent");
        parent.setValue(suggestedParent);
        kind.setId("org-editor-kind");
        kind.setLabel(getTranslation("org.field.kind"));
        kind.setItems(List.of(OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH, OrgKind.COMMUNITY_COMMITTEE, OrgKind.BRANCH));
        kind.setItemLabelGenerator(k -> Labels.of(this, "org.kind", k));
        kind.addValueChangeListener(e -> category.setEnabled(e.getValue() != null && e.getValue().needsCategory()));
        code.setId("org-editor-code");
        code.setLabel(getTranslation("org.field.code"));
        name.setId("org-editor-name");
        name.setLabel(getTranslation("org.field.full-name"));
        shortName.setId("org-editor-short-name");
        shortName.setLabel(getTranslation("org.field.short-name"));
        category.setId("org-editor-category");
        category.setLabel(getTranslation("org.field.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> Labels.of(this, "org.category", c));
        category.setEmptySelectionAllowed(true);
        region.setId("org-editor-region");
        region.setLabel(getTranslation("org.field.region"));
        region.setItems(RegionalSystem.values());
        region.setItemLabelGenerator(r -> Labels.of(this, "org.region", r));
        region.setEmptySelectionAllowed(true);
        secretary.setId("org-editor-secretary");
        secretary.setLabel(getTranslation("org.field.secretary"));
        members.setId("org-editor-members");
        members.setLabel(getTranslation("org.field.members"));
        members.setMin(0);
        members.setMax(NewOrganization.MEMBERS_MAX);
        members.setValue(0);
        contact.setId("org-editor-contact");
        contact.setLabel(getTranslation("org.field.contact"));
        limits = List.of(TextLimit.on(code, NewOrganization.CODE_MAX), TextLimit.on(name, NewOrganization.NAME_MAX),
                TextLimit.on(shortName, NewOrganization.SHORT_NAME_MAX), TextLimit.on(secretary, NewOrganization.SECRETARY_MAX),
                TextLimit.on(contact, NewOrganization.CONTACT_MAX));
        errors.setId("org-editor-errors");
        errors.addClassName("qpb-errors");

        FormLayout form = new FormLayout();
        if (editing == null) {
            form.add(parent, kind);
        } else {
            fill(editing.kind());
        }
        form.add(code, name, shortName, category, region, secretary, members, contact);
        add(errors, form);

        Button save = new SingleClickButton(getTranslation("action.save"), click -> save());
        save.setId("org-editor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("org-editor-cancel");
        getFooter().add(cancel, save);
    }

    private void fill(OrgKind editingKind) {
        code.setValue(loaded.code());
        name.setValue(loaded.name());
        shortName.setValue(loaded.shortName() == null ? "" : loaded.shortName());
        category.setValue(loaded.category());
        category.setEnabled(editingKind.needsCategory());
        region.setValue(loaded.regionalSystem());
        secretary.setValue(loaded.secretaryName() == null ? "" : loaded.secretaryName());
        members.setValue(loaded.memberCount());
        contact.setValue(loaded.contact() == null ? "" : loaded.contact());
    }

    private void save() {
        errors.removeAll();
        if (!TextLimit.allAccept(limits)) {
            return;
        }
        int memberCount = members.getValue() == null ? 0 : members.getValue();
        try {
            if (editing == null) {
                admin.create(new NewOrganization(code.getValue(), parent.getValue() == null ? null : parent.getValue().code(),
                        kind.getValue(), category.getValue(), region.getValue(), name.getValue(), shortName.getValue(),
                        secretary.getValue(), memberCount, contact.getValue()));
            } else {
                admin.update(editing.id(), new OrganizationChanges(code.getValue(), category.getValue(), region.getValue(),
                        name.getValue(), shortName.getValue(), secretary.getValue(), memberCount, contact.getValue(),
                        loaded.version()));
            }
        } catch (ValidationException invalid) {
            invalid.problemKeys().forEach(key -> errors.add(new Paragraph(getTranslation(key))));
            return;
        } catch (PortalException refusal) {
            errors.add(new Paragraph(PortalErrorHandler.translate(this, refusal)));
            return;
        }
        close();
        onSaved.accept(getTranslation("org.saved", name.getValue()));
    }
}

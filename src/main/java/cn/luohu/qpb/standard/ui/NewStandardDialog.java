package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.standard.StandardDefinition;
import cn.luohu.qpb.standard.StandardService;
import cn.luohu.qpb.standard.StarBands;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Starts an empty draft with the district's usual bands (60/65/75/85/95) and a bonus cap of 5. */
class NewStandardDialog extends Dialog {

    NewStandardDialog(StandardService standards, SerializableConsumer<Long> onCreated) {
        setId("standard-new-dialog");
        setHeaderTitle(getTranslation("standard.action.create"));
        TextField code = new TextField(getTranslation("standard.field.code"));
        code.setId("standard-new-code");
        TextLimit codeLimit = TextLimit.on(code, StandardDefinition.CODE_MAX);
        TextField name = new TextField(getTranslation("standard.field.name"));
        name.setId("standard-new-name");
        TextLimit nameLimit = TextLimit.on(name, StandardDefinition.NAME_MAX);
        name.setWidthFull();
        Paragraph error = new Paragraph();
        error.setId("standard-new-error");
        error.addClassName("qpb-errors");
        add(code, name, error);
        Button create = new SingleClickButton(getTranslation("standard.action.create"), click -> {
            if (!TextLimit.allAccept(List.of(codeLimit, nameLimit))) {
                return;
            }
            try {
                long id = standards.createDraft(new StandardDefinition(code.getValue(), name.getValue(), 1, Set.of(), null,
                        List.of(), StarBands.of("60", "65", "75", "85", "95"), new BigDecimal("5")));
                close();
                onCreated.accept(id);
            } catch (PortalException refusal) {
                error.setText(PortalErrorHandler.translate(this, refusal));
            }
        });
        create.setId("standard-new-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), create);
    }
}

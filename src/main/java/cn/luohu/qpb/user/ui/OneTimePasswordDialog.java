package cn.luohu.qpb.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Shows a new one-time password exactly once. The portal keeps only its hash, so the dialog closes only
 * through its button: a stray click or Esc must not lose the password before the admin has noted it.
 */
class OneTimePasswordDialog extends Dialog {

    OneTimePasswordDialog(String username, String displayName, String password) {
        setId("otp-dialog");
        setHeaderTitle(getTranslation("user.otp.title"));
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);

        Paragraph intro = new Paragraph(getTranslation("user.otp.intro", displayName, username));
        Span value = new Span(password);
        value.setId("otp-value");
        value.addClassName("qpb-otp");
        Paragraph note = new Paragraph(getTranslation("user.otp.note"));
        note.setId("otp-note");
        note.addClassName("qpb-notice");
        add(intro, value, note);

        Button close = new Button(getTranslation("user.otp.close"), click -> close());
        close.setId("otp-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }
}

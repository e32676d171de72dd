package cn.luohu.qpb.importing.ui;

import cn.luohu.qpb.importing.ImportResult;
import cn.luohu.qpb.importing.ImportService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.util.Locale;

/**
 * Hands the one-time passwords of a users import to the administrator, once: one download of an .xlsx,
 * after which the link is disabled (the server refuses a disabled link) and the passwords are dropped.
 * Closing the dialog drops them too; they are kept nowhere else.
 */
public class OneTimePasswordsDialog extends Dialog {

    private final transient ImportService imports;
    private final Locale locale;
    private volatile ImportResult result;
    private final Anchor download;
    private final Paragraph downloaded = new Paragraph();

    OneTimePasswordsDialog(ImportService imports, ImportResult result) {
        this.imports = imports;
        this.result = result;
        this.locale = UI.getCurrent().getLocale();
        setId("import-passwords-dialog");
        setHeaderTitle(getTranslation("import.passwords.title"));
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        Paragraph text = new Paragraph(getTranslation("import.passwords.text", result.passwords().size()));
        text.setId("import-passwords-text");
        download = new Anchor((DownloadHandler) this::handOver, getTranslation("import.passwords.download"));
        download.setId("import-passwords-download");
        download.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        downloaded.setId("import-passwords-downloaded");
        downloaded.setVisible(false);
        Button close = new Button(getTranslation("import.passwords.close"), click -> close());
        close.setId("import-passwords-close");
        add(text, download, downloaded);
        getFooter().add(close);
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                this.result = null;
                removeFromParent();
            }
        });
    }

    private void handOver(DownloadEvent event) throws java.io.IOException {
        ImportResult once = result;
        result = null;
        if (once == null) {
            event.getResponse().setStatus(410); // already handed over
            return;
        }
        byte[] file = imports.passwordsFile(once, locale);
        event.setFileName(getTranslation(locale, "import.passwords.file"));
        event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        event.setContentLength(file.length);
        event.getOutputStream().write(file);
        event.getUI().access(() -> {
            download.setEnabled(false);
            downloaded.setText(getTranslation("import.passwords.downloaded"));
            downloaded.setVisible(true);
        });
    }

    /** Whether the passwords are still here to be downloaded. */
    boolean holdsPasswords() {
        return result != null;
    }
}

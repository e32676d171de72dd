package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * What every error page shows, in the user's language and inside the portal's shell: a title, one sentence
 * and the way home. Never a stack trace, never the list of routes (Vaadin's own pages show those).
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    private String title = "";

    /** Shows the page; its elements get the ids {@code <id>}, {@code <id>-message} and {@code <id>-home}. */
    protected void show(String id, String titleKey, String message) {
        removeAll();
        addClassName("qpb-page");
        setId(id);
        title = getTranslation(titleKey);
        Paragraph text = new Paragraph(message);
        text.setId(id + "-message");
        Anchor home = new Anchor("", getTranslation("error.back-home"));
        home.setId(id + "-home");
        add(new H2(title), text, home);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}

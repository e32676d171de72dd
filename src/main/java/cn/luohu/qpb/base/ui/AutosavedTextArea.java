package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The text area of an {@link AutosavedEntry}: besides its value's usual sync after a pause in typing, the page
 * hands its text over at once when it must not wait (the field is left, a link is clicked, the page unloads).
 * A hand-over is a change made by the user, as if the pause had passed; the text is not sent back.
 */
public class AutosavedTextArea extends TextArea {

    public AutosavedTextArea(String label) {
        super(label);
    }

    @ClientCallable
    private void handOver(String text) {
        if (!isReadOnly() && text != null && !text.equals(getValue())) {
            setModelValue(text, true);
        }
    }
}

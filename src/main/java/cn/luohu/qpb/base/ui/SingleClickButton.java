package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;

/**
 * A button that the browser disables as soon as it is clicked, so a double click saves once; it is
 * enabled again when the server has handled the click.
 */
public class SingleClickButton extends Button {

    public SingleClickButton(String text, ComponentEventListener<ClickEvent<Button>> action) {
        super(text);
        setDisableOnClick(true);
        addClickListener(action);
        addClickListener(click -> setEnabled(true)); // registered after the action, so it runs after it
    }
}

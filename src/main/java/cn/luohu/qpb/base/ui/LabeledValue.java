package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A small caption above a value, as the cards of the portal show their fields. */
public class LabeledValue extends Div {

    public LabeledValue(String label, Component value) {
        Span caption = new Span(label);
        caption.addClassName("qpb-field-label");
        add(caption, value);
        addClassName("qpb-field");
    }

    public LabeledValue(String label, String value) {
        this(label, new Span(value == null ? "" : value));
    }
}

package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.html.Span;

/** A star level (0 to 5) as filled and empty stars, with a readable label for screen readers. */
public class Stars extends Span {

    public static final int MAX = 5;

    public Stars(int level) {
        super("★".repeat(level) + "☆".repeat(MAX - level));
        addClassName("qpb-stars");
        getElement().setAttribute("aria-label", getTranslation("star.level", level));
        getElement().setAttribute("title", getTranslation("star.level", level));
    }
}

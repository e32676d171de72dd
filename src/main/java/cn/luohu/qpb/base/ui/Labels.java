package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.Component;

/** Translated names of enum values, keyed "prefix.VALUE". */
public final class Labels {

    private Labels() {
    }

    public static String of(Component component, String prefix, Enum<?> value) {
        return value == null ? "" : component.getTranslation(prefix + "." + value.name());
    }
}

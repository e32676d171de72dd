package cn.luohu.qpb.home.ui;

import com.vaadin.flow.component.Component;

/** Translated names of enum values, keyed "prefix.VALUE". */
final class Labels {

    private Labels() {
    }

    static String of(Component component, String prefix, Enum<?> value) {
        return value == null ? "" : component.getTranslation(prefix + "." + value.name());
    }
}

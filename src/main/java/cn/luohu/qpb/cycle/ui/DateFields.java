package cn.luohu.qpb.cycle.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;

import java.util.Arrays;
import java.util.List;

/** Date pickers that speak the user's language and show dates as 2026-03-31 (as the rest of the portal does). */
final class DateFields {

    private DateFields() {
    }

    static DatePicker create(Component owner, String id, String labelKey) {
        DatePicker picker = new DatePicker(owner.getTranslation(labelKey));
        picker.setId(id);
        if (UI.getCurrent() != null) {
            picker.setLocale(UI.getCurrent().getLocale());
        }
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        i18n.setMonthNames(list(owner, "cycle.date.months"));
        i18n.setWeekdays(list(owner, "cycle.date.weekdays"));
        i18n.setWeekdaysShort(list(owner, "cycle.date.weekdays-short"));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(owner.getTranslation("cycle.date.today"));
        i18n.setCancel(owner.getTranslation("action.cancel"));
        picker.setI18n(i18n);
        return picker;
    }

    private static List<String> list(Component owner, String key) {
        return Arrays.stream(owner.getTranslation(key).split(",")).map(String::strip).toList();
    }
}

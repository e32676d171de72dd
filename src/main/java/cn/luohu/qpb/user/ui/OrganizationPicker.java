package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.organization.OrganizationFilter;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSort;
import cn.luohu.qpb.organization.OrganizationSummary;
import com.vaadin.flow.component.combobox.ComboBox;

import java.util.List;

/**
 * A combo box of organisations, loaded lazily page by page as the administrator types a name or a code
 * (the district has hundreds of organisations, so they are never all loaded).
 */
final class OrganizationPicker {

    private OrganizationPicker() {
    }

    /** @param activeOnly true where a user is placed (only active organisations take new members) */
    static ComboBox<OrganizationSummary> create(OrganizationService organizations, boolean activeOnly) {
        ComboBox<OrganizationSummary> picker = new ComboBox<>();
        Boolean active = activeOnly ? Boolean.TRUE : null;
        picker.setItems(
                query -> organizations.findVisible(new OrganizationFilter(query.getFilter().orElse(null), null, null,
                        active), query.getOffset(), query.getLimit(), List.of(OrganizationSort.byCode())).stream(),
                query -> organizations.countVisible(new OrganizationFilter(query.getFilter().orElse(null), null, null,
                        active)));
        picker.setItemLabelGenerator(o -> o.code() + " · " + o.name());
        picker.setClearButtonVisible(true);
        return picker;
    }
}

package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.organization.OrganizationFilter;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.organization.OrganizationSummary;
import com.vaadin.flow.component.combobox.ComboBox;

import java.util.List;

/** A combo box that searches the active organisations the user may see, lazily, by name or code. */
class OrganizationPicker extends ComboBox<OrganizationSummary> {

    OrganizationPicker(OrganizationService organizations, String label) {
        super(label);
        setItems(query -> organizations.findVisible(filterOf(query.getFilter().orElse("")), query.getOffset(),
                        query.getLimit(), List.of()).stream(),
                query -> organizations.countVisible(filterOf(query.getFilter().orElse(""))));
        setItemLabelGenerator(org -> org.name() + " (" + org.code() + ")");
        setWidthFull();
    }

    private static OrganizationFilter filterOf(String text) {
        return new OrganizationFilter(text, null, null, true);
    }
}

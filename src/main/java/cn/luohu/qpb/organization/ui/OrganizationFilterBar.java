package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.OrganizationFilter;
import cn.luohu.qpb.organization.OrganizationSummary;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializableConsumer;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The search and filters above an organisation list. The short form (search, category, star) serves
 * lists of assessed organisations; the full form adds kind, committee and status for the whole tree.
 * Each field's id is the given prefix plus its name, e.g. "org-filter-text".
 */
public class OrganizationFilterBar extends FlexLayout {

    private final TextField text = new TextField();
    private final ComboBox<OrgKind> kind = new ComboBox<>();
    private final ComboBox<Category> category = new ComboBox<>();
    private final ComboBox<OrganizationSummary> committee = new ComboBox<>();
    private final ComboBox<Integer> star = new ComboBox<>();
    private final Select<Boolean> active = new Select<>();

    /** @param committees the committees to pick from; null for the short form */
    public OrganizationFilterBar(String idPrefix, List<OrganizationSummary> committees,
                                 SerializableConsumer<OrganizationFilter> onChange) {
        addClassName("qpb-filters");
        text.setId(idPrefix + "-text");
        text.setPlaceholder(getTranslation("org.filter.text"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(100);
        category.setId(idPrefix + "-category");
        category.setPlaceholder(getTranslation("org.field.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> Labels.of(this, "org.category", c));
        star.setId(idPrefix + "-star");
        star.setPlaceholder(getTranslation("org.field.star"));
        star.setItems(IntStream.rangeClosed(0, Stars.MAX).boxed().toList());
        star.setItemLabelGenerator(s -> getTranslation("star.level", s));
        category.setClearButtonVisible(true);
        star.setClearButtonVisible(true);
        text.addValueChangeListener(e -> onChange.accept(filter()));
        category.addValueChangeListener(e -> onChange.accept(filter()));
        star.addValueChangeListener(e -> onChange.accept(filter()));
        if (committees == null) {
            add(text, category, star);
            return;
        }
        kind.setId(idPrefix + "-kind");
        kind.setPlaceholder(getTranslation("org.field.kind"));
        kind.setItems(OrgKind.values());
        kind.setItemLabelGenerator(k -> Labels.of(this, "org.kind", k));
        kind.setClearButtonVisible(true);
        committee.setId(idPrefix + "-committee");
        committee.setPlaceholder(getTranslation("org.field.committee"));
        committee.setItems(committees);
        committee.setItemLabelGenerator(OrganizationSummary::shortName);
        committee.setClearButtonVisible(true);
        active.setId(idPrefix + "-active");
        active.setEmptySelectionAllowed(true);
        active.setEmptySelectionCaption(getTranslation("org.filter.any-status"));
        active.setItems(true, false);
        active.setItemLabelGenerator(a -> a == null ? getTranslation("org.filter.any-status")
                : getTranslation(a ? "org.status.active" : "org.status.inactive"));
        kind.addValueChangeListener(e -> onChange.accept(filter()));
        committee.addValueChangeListener(e -> onChange.accept(filter()));
        active.addValueChangeListener(e -> onChange.accept(filter()));
        add(text, kind, category, committee, star, active);
    }

    public OrganizationFilter filter() {
        return new OrganizationFilter(text.getValue(), category.getValue(), star.getValue(), active.getValue(),
                kind.getValue(), committee.getValue() == null ? null : committee.getValue().id());
    }
}

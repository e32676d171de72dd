package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.standard.DimensionDefinition;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.StandardDefinition;
import cn.luohu.qpb.standard.StarBands;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The editor's working copy of a draft: changed freely in the browser session, then saved as a whole
 * (the service refuses the save if someone else saved the draft meanwhile).
 */
final class DraftModel implements Serializable {

    final String code;
    final int version;
    String name;
    String notes;
    Set<Category> categories;
    final BigDecimal[] bands = new BigDecimal[StarBands.LEVELS];
    BigDecimal bonusCap;
    final List<Dimension> dimensions = new ArrayList<>();

    /** A dimension and its indicators, in order. */
    static final class Dimension implements Serializable {
        String name;
        final List<IndicatorDefinition> indicators = new ArrayList<>();

        Dimension(String name, List<IndicatorDefinition> indicators) {
            this.name = name;
            this.indicators.addAll(indicators);
        }
    }

    private DraftModel(StandardDefinition standard) {
        code = standard.code();
        version = standard.version();
        name = standard.name();
        notes = standard.notes();
        categories = standard.categories().isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(standard.categories());
        for (int stars = 1; stars <= StarBands.LEVELS; stars++) {
            bands[stars - 1] = standard.bands() == null ? null : standard.bands().minimumFor(stars);
        }
        bonusCap = standard.bonusCap();
        standard.dimensions().forEach(d -> dimensions.add(new Dimension(d.name(), d.indicators())));
    }

    static DraftModel of(StandardDefinition standard) {
        return new DraftModel(standard);
    }

    StandardDefinition toDefinition() {
        return new StandardDefinition(code, name, version, categories, notes,
                dimensions.stream().map(d -> new DimensionDefinition(d.name, d.indicators)).toList(),
                new StarBands(Arrays.asList(bands.clone())), bonusCap);
    }

    /** Moves an element one place up (-1) or down (+1); nothing happens at either end. */
    static <T> void move(List<T> list, T element, int direction) {
        int from = list.indexOf(element);
        int to = from + direction;
        if (from >= 0 && to >= 0 && to < list.size()) {
            Collections.swap(list, from, to);
        }
    }
}

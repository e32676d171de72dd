package cn.luohu.qpb.standard;

import cn.luohu.qpb.organization.Category;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The content of a standard version: what it is called, which categories it serves, its dimensions and
 * indicators in order, its star bands and the optional cap on bonus points.
 */
public record StandardDefinition(String code, String name, int version, Set<Category> categories, String notes,
                                 List<DimensionDefinition> dimensions, StarBands bands, BigDecimal bonusCap) {

    // The widths of the database columns (db-changelog 003-standards.sql), for the editor and the import alike.
    public static final int CODE_MAX = 32;
    public static final int NAME_MAX = 200;
    public static final int NOTES_MAX = 2000;
    public static final int DIMENSION_NAME_MAX = 100;
    public static final int INDICATOR_TITLE_MAX = 200;
    public static final int EVIDENCE_HINT_MAX = 500;

    public StandardDefinition {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        bonusCap = Points.of(bonusCap);
    }

    public List<IndicatorDefinition> indicators() {
        return dimensions.stream().flatMap(d -> d.indicators().stream()).toList();
    }

    /** The scoring view of this standard (refused when it has no indicators). */
    public ScoringScheme scoringScheme() {
        return new ScoringScheme(indicators().stream().map(IndicatorDefinition::rule).toList(), bands, bonusCap);
    }
}

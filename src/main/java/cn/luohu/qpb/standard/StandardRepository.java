package cn.luohu.qpb.standard;

import cn.luohu.qpb.jooq.tables.records.StandardIndicatorRecord;
import cn.luohu.qpb.jooq.tables.records.StandardVersionRecord;
import cn.luohu.qpb.organization.Category;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.luohu.qpb.jooq.Tables.STANDARD_CATEGORY;
import static cn.luohu.qpb.jooq.Tables.STANDARD_DIMENSION;
import static cn.luohu.qpb.jooq.Tables.STANDARD_INDICATOR;
import static cn.luohu.qpb.jooq.Tables.STANDARD_VERSION;

@Repository
class StandardRepository {

    private final DSLContext dsl;

    StandardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<StandardSummary> list() {
        Map<Long, Set<Category>> categories = categoriesByStandard();
        Map<Long, Integer> counts = new HashMap<>();
        dsl.select(STANDARD_INDICATOR.STANDARD_ID, DSL.count()).from(STANDARD_INDICATOR)
                .groupBy(STANDARD_INDICATOR.STANDARD_ID).forEach(r -> counts.put(r.value1(), r.value2()));
        return dsl.selectFrom(STANDARD_VERSION)
                .orderBy(STANDARD_VERSION.CODE, STANDARD_VERSION.VERSION.desc())
                .fetch(r -> new StandardSummary(r.getId(), r.getCode(), r.getName(), r.getVersion(),
                        StandardStatus.valueOf(r.getStatus()), categories.getOrDefault(r.getId(), Set.of()),
                        counts.getOrDefault(r.getId(), 0), r.getPublishedAt()));
    }

    Optional<StoredStandard> version(long id) {
        return dsl.selectFrom(STANDARD_VERSION).where(STANDARD_VERSION.ID.eq(id)).fetchOptional(r ->
                new StoredStandard(r.getId(), r.getCode(), r.getVersion(), StandardStatus.valueOf(r.getStatus()),
                        r.getRowVersion()));
    }

    /** The whole content of a standard, dimensions and indicators in their order. */
    Optional<StandardDefinition> definition(long id) {
        return dsl.selectFrom(STANDARD_VERSION).where(STANDARD_VERSION.ID.eq(id)).fetchOptional().map(v -> {
            Map<Long, List<IndicatorDefinition>> byDimension = new HashMap<>();
            dsl.selectFrom(STANDARD_INDICATOR).where(STANDARD_INDICATOR.STANDARD_ID.eq(id))
                    .orderBy(STANDARD_INDICATOR.POSITION, STANDARD_INDICATOR.ID)
                    .forEach(r -> byDimension.computeIfAbsent(r.getDimensionId(), d -> new ArrayList<>()).add(toIndicator(r)));
            List<DimensionDefinition> dimensions = dsl.selectFrom(STANDARD_DIMENSION)
                    .where(STANDARD_DIMENSION.STANDARD_ID.eq(id))
                    .orderBy(STANDARD_DIMENSION.POSITION, STANDARD_DIMENSION.ID)
                    .fetch(d -> new DimensionDefinition(d.getName(), byDimension.getOrDefault(d.getId(), List.of())));
            return new StandardDefinition(v.getCode(), v.getName(), v.getVersion(),
                    categoriesByStandard().getOrDefault(id, Set.of()), v.getNotes(), dimensions,
                    bands(v), v.getBonusCap());
        });
    }

    int nextVersion(String code) {
        Integer max = dsl.select(DSL.max(STANDARD_VERSION.VERSION)).from(STANDARD_VERSION)
                .where(STANDARD_VERSION.CODE.eq(code)).fetchSingle().value1();
        return max == null ? 1 : max + 1;
    }

    /** Stores a whole definition as a new draft (the version is taken from the definition). */
    long insertDraft(StandardDefinition definition, Long basedOnId) {
        StandardBands bands = StandardBands.of(definition.bands());
        long id = dsl.insertInto(STANDARD_VERSION)
                .set(STANDARD_VERSION.CODE, definition.code())
                .set(STANDARD_VERSION.NAME, definition.name())
                .set(STANDARD_VERSION.VERSION, definition.version())
                .set(STANDARD_VERSION.NOTES, definition.notes())
                .set(STANDARD_VERSION.BONUS_CAP, definition.bonusCap())
                .set(STANDARD_VERSION.BAND_1, bands.one()).set(STANDARD_VERSION.BAND_2, bands.two())
                .set(STANDARD_VERSION.BAND_3, bands.three()).set(STANDARD_VERSION.BAND_4, bands.four())
                .set(STANDARD_VERSION.BAND_5, bands.five())
                .set(STANDARD_VERSION.BASED_ON_ID, basedOnId)
                .returningResult(STANDARD_VERSION.ID).fetchSingle().value1();
        replaceCategories(id, definition.categories());
        insertContent(id, definition.dimensions());
        return id;
    }

    private void insertContent(long id, List<DimensionDefinition> dimensions) {
        int dimensionPosition = 0;
        for (DimensionDefinition dimension : dimensions) {
            long dimensionId = insertDimension(id, dimensionPosition++, dimension.name());
            int indicatorPosition = 0;
            List<StandardIndicatorRecord> rows = new ArrayList<>();
            for (IndicatorDefinition indicator : dimension.indicators()) {
                rows.add(indicatorRecord(id, dimensionId, indicatorPosition++, indicator));
            }
            dsl.batchInsert(rows).execute();
        }
    }

    void replaceCategories(long id, Set<Category> categories) {
        dsl.deleteFrom(STANDARD_CATEGORY).where(STANDARD_CATEGORY.STANDARD_ID.eq(id)).execute();
        for (Category category : categories) {
            dsl.insertInto(STANDARD_CATEGORY).set(STANDARD_CATEGORY.STANDARD_ID, id)
                    .set(STANDARD_CATEGORY.CATEGORY, category.name()).execute();
        }
    }

    long insertDimension(long standardId, int position, String name) {
        return dsl.insertInto(STANDARD_DIMENSION)
                .set(STANDARD_DIMENSION.STANDARD_ID, standardId)
                .set(STANDARD_DIMENSION.POSITION, position)
                .set(STANDARD_DIMENSION.NAME, name)
                .returningResult(STANDARD_DIMENSION.ID).fetchSingle().value1();
    }

    boolean setStatus(long id, StandardStatus from, StandardStatus to, LocalDateTime at, Long by) {
        var update = dsl.update(STANDARD_VERSION)
                .set(STANDARD_VERSION.STATUS, to.name())
                .set(STANDARD_VERSION.ROW_VERSION, STANDARD_VERSION.ROW_VERSION.plus(1));
        if (to == StandardStatus.PUBLISHED) {
            update = update.set(STANDARD_VERSION.PUBLISHED_AT, at).set(STANDARD_VERSION.PUBLISHED_BY, by);
        }
        return update.where(STANDARD_VERSION.ID.eq(id).and(STANDARD_VERSION.STATUS.eq(from.name()))).execute() == 1;
    }

    /** Replaces the content of a draft if nobody saved it since {@code rowVersion}; false when someone did. */
    boolean replaceDraft(long id, StandardDefinition content, int rowVersion) {
        StandardBands bands = StandardBands.of(content.bands());
        boolean updated = dsl.update(STANDARD_VERSION)
                .set(STANDARD_VERSION.NAME, content.name())
                .set(STANDARD_VERSION.NOTES, content.notes())
                .set(STANDARD_VERSION.BONUS_CAP, content.bonusCap())
                .set(STANDARD_VERSION.BAND_1, bands.one()).set(STANDARD_VERSION.BAND_2, bands.two())
                .set(STANDARD_VERSION.BAND_3, bands.three()).set(STANDARD_VERSION.BAND_4, bands.four())
                .set(STANDARD_VERSION.BAND_5, bands.five())
                .set(STANDARD_VERSION.ROW_VERSION, STANDARD_VERSION.ROW_VERSION.plus(1))
                .where(STANDARD_VERSION.ID.eq(id).and(STANDARD_VERSION.ROW_VERSION.eq(rowVersion))
                        .and(STANDARD_VERSION.STATUS.eq(StandardStatus.DRAFT.name())))
                .execute() == 1;
        if (updated) {
            dsl.deleteFrom(STANDARD_DIMENSION).where(STANDARD_DIMENSION.STANDARD_ID.eq(id)).execute(); // indicators cascade
            replaceCategories(id, content.categories());
            insertContent(id, content.dimensions());
        }
        return updated;
    }

    private Map<Long, Set<Category>> categoriesByStandard() {
        Map<Long, Set<Category>> categories = new LinkedHashMap<>();
        dsl.selectFrom(STANDARD_CATEGORY).forEach(r -> categories
                .computeIfAbsent(r.getStandardId(), s -> EnumSet.noneOf(Category.class)).add(Category.valueOf(r.getCategory())));
        return categories;
    }

    private StandardIndicatorRecord indicatorRecord(long standardId, long dimensionId, int position, IndicatorDefinition i) {
        StandardIndicatorRecord r = dsl.newRecord(STANDARD_INDICATOR);
        r.setStandardId(standardId);
        r.setDimensionId(dimensionId);
        r.setPosition(position);
        r.setCode(i.code());
        r.setTitle(i.title());
        r.setGuidance(i.guidance());
        r.setQualityStandard(i.qualityStandard());
        r.setMethod(i.method().name());
        r.setMaxScore(i.maxScore());
        r.setStep(i.step());
        r.setDeduction(i.deduction());
        r.setEvidenceRequired(i.evidenceRequired());
        r.setEvidenceHint(i.evidenceHint());
        r.setVeto(i.veto());
        r.setVetoStarCap(i.vetoStarCap());
        r.setBonus(i.bonus());
        return r;
    }

    private static IndicatorDefinition toIndicator(StandardIndicatorRecord r) {
        return new IndicatorDefinition(r.getCode(), r.getTitle(), r.getGuidance(), r.getQualityStandard(),
                ScoringMethod.valueOf(r.getMethod()), r.getMaxScore(), r.getStep(), r.getDeduction(),
                r.getEvidenceRequired(), r.getEvidenceHint(), r.getVeto(), r.getVetoStarCap(), r.getBonus());
    }

    private static StarBands bands(StandardVersionRecord v) {
        return new StarBands(java.util.Arrays.asList(v.getBand_1(), v.getBand_2(), v.getBand_3(), v.getBand_4(), v.getBand_5()));
    }

    /** What the service checks before changing a standard. */
    record StoredStandard(long id, String code, int version, StandardStatus status, int rowVersion) {
    }

    /** The five band columns of a standard row. */
    private record StandardBands(BigDecimal one, BigDecimal two, BigDecimal three, BigDecimal four, BigDecimal five) {
        static StandardBands of(StarBands bands) {
            return bands == null ? new StandardBands(null, null, null, null, null)
                    : new StandardBands(bands.minimumFor(1), bands.minimumFor(2), bands.minimumFor(3),
                    bands.minimumFor(4), bands.minimumFor(5));
        }
    }
}

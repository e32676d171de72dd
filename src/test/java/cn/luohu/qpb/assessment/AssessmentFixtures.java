package cn.luohu.qpb.assessment;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.EVIDENCE_FILE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STANDARD_CATEGORY;
import static cn.luohu.qpb.jooq.Tables.STANDARD_INDICATOR;
import static cn.luohu.qpb.jooq.Tables.STANDARD_VERSION;

/**
 * Rows of cycles, assessments and items written straight into the database, for tests that need an
 * assessment without opening a whole cycle. Each assessment gets a cycle of its own with a unique
 * far-future year (5000 and up), OPEN (only an open cycle takes entries); its standard is the seeded
 * published one of the organisation's category. Make the organisations with
 * {@link cn.luohu.qpb.support.TestData}; nothing of the demo district is changed.
 * <pre>
 * AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
 * long assessment = fixtures.assessment(branchId, AssessmentState.DRAFT);
 * long item = fixtures.item(assessment);
 * </pre>
 */
public class AssessmentFixtures {

    private static final int FIRST_YEAR = 5000;

    private final DSLContext dsl;

    public AssessmentFixtures(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new OPEN cycle with an unused far-future year, its deadlines in that year. */
    public synchronized long cycle() {
        int year = dsl.select(DSL.coalesce(DSL.max(ASSESSMENT_CYCLE.YEAR), FIRST_YEAR - 1)).from(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.YEAR.ge(FIRST_YEAR)).fetchSingle().value1() + 1;
        return dsl.insertInto(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.YEAR, year)
                .set(ASSESSMENT_CYCLE.NAME, "测试周期 " + year)
                .set(ASSESSMENT_CYCLE.STATUS, "OPEN") // assessments take entries only while their cycle is open
                .set(ASSESSMENT_CYCLE.SELF_DEADLINE, LocalDate.of(year, 3, 31))
                .set(ASSESSMENT_CYCLE.REVIEW_DEADLINE, LocalDate.of(year, 4, 30))
                .set(ASSESSMENT_CYCLE.APPROVAL_DEADLINE, LocalDate.of(year, 5, 31))
                .returningResult(ASSESSMENT_CYCLE.ID).fetchSingle().value1();
    }

    /** An assessment of this organisation in a cycle of its own, in this state. */
    public long assessment(long organizationId, AssessmentState state) {
        return assessment(cycle(), organizationId, state);
    }

    /** An assessment of this organisation in this cycle, measured against its category's published standard. */
    public long assessment(long cycleId, long organizationId, AssessmentState state) {
        var organization = dsl.select(ORGANIZATION.PATH, ORGANIZATION.CATEGORY, ORGANIZATION.CURRENT_STAR)
                .from(ORGANIZATION).where(ORGANIZATION.ID.eq(organizationId)).fetchSingle();
        return dsl.insertInto(ASSESSMENT)
                .set(ASSESSMENT.CYCLE_ID, cycleId)
                .set(ASSESSMENT.ORGANIZATION_ID, organizationId)
                .set(ASSESSMENT.COMMITTEE_ID, committeeOf(organization.value1()))
                .set(ASSESSMENT.STANDARD_ID, publishedStandard(organization.value2()))
                .set(ASSESSMENT.STATE, state.name())
                .set(ASSESSMENT.STAR_AT_OPEN, organization.value3())
                .returningResult(ASSESSMENT.ID).fetchSingle().value1();
    }

    /** An item of the assessment for the next indicator of its standard that has none yet. */
    public long item(long assessmentId) {
        long standardId = dsl.select(ASSESSMENT.STANDARD_ID).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId))
                .fetchSingle().value1();
        long indicatorId = dsl.select(STANDARD_INDICATOR.ID).from(STANDARD_INDICATOR)
                .where(STANDARD_INDICATOR.STANDARD_ID.eq(standardId))
                .and(STANDARD_INDICATOR.ID.notIn(DSL.select(ASSESSMENT_ITEM.INDICATOR_ID).from(ASSESSMENT_ITEM)
                        .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId))))
                .orderBy(STANDARD_INDICATOR.ID).limit(1).fetchSingle().value1();
        return dsl.insertInto(ASSESSMENT_ITEM)
                .set(ASSESSMENT_ITEM.ASSESSMENT_ID, assessmentId)
                .set(ASSESSMENT_ITEM.INDICATOR_ID, indicatorId)
                .returningResult(ASSESSMENT_ITEM.ID).fetchSingle().value1();
    }

    /**
     * What a secretary finds when a cycle has opened: an OPEN cycle of its own, with the self-assessment
     * deadline ten days ahead, and a NOT_STARTED assessment with an item for every indicator.
     */
    public long openAssessment(long organizationId, int starAtOpen) {
        long cycleId = cycle();
        LocalDate today = LocalDate.now();
        dsl.update(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.SELF_DEADLINE, today.plusDays(10))
                .set(ASSESSMENT_CYCLE.REVIEW_DEADLINE, today.plusDays(20))
                .set(ASSESSMENT_CYCLE.APPROVAL_DEADLINE, today.plusDays(30))
                .where(ASSESSMENT_CYCLE.ID.eq(cycleId)).execute();
        long assessmentId = assessment(cycleId, organizationId, AssessmentState.NOT_STARTED);
        dsl.update(ASSESSMENT).set(ASSESSMENT.STAR_AT_OPEN, starAtOpen).where(ASSESSMENT.ID.eq(assessmentId)).execute();
        dsl.insertInto(ASSESSMENT_ITEM, ASSESSMENT_ITEM.ASSESSMENT_ID, ASSESSMENT_ITEM.INDICATOR_ID)
                .select(dsl.select(DSL.val(assessmentId), STANDARD_INDICATOR.ID).from(STANDARD_INDICATOR)
                        .join(ASSESSMENT).on(ASSESSMENT.STANDARD_ID.eq(STANDARD_INDICATOR.STANDARD_ID))
                        .where(ASSESSMENT.ID.eq(assessmentId)))
                .execute();
        return assessmentId;
    }

    /**
     * A RECOMMENDED assessment of this organisation in this cycle, as a reviewer leaves it: his id, the
     * recommended star, a review total, and whether the secretary asked for direct grading.
     */
    public long recommended(long cycleId, long organizationId, int starAtOpen, int recommendedStar, long reviewerId,
                            boolean directGrading) {
        long assessmentId = assessment(cycleId, organizationId, AssessmentState.RECOMMENDED);
        dsl.update(ASSESSMENT).set(ASSESSMENT.STAR_AT_OPEN, starAtOpen).set(ASSESSMENT.RECOMMENDED_STAR, recommendedStar)
                .set(ASSESSMENT.APPLIED_STAR, directGrading ? recommendedStar : Math.min(recommendedStar, starAtOpen + 1))
                .set(ASSESSMENT.DIRECT_GRADING, directGrading)
                .set(ASSESSMENT.DIRECT_GRADING_REASON, directGrading ? "区级先进基层党组织" : null)
                .set(ASSESSMENT.REVIEW_TOTAL, java.math.BigDecimal.valueOf(90)).set(ASSESSMENT.REVIEWER_ID, reviewerId)
                .where(ASSESSMENT.ID.eq(assessmentId)).execute();
        return assessmentId;
    }

    /** Sets the cycle's quotas, in percent per star level 1..5 (null: no quota). */
    public void quotas(long cycleId, Double one, Double two, Double three, Double four, Double five) {
        dsl.update(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.QUOTA_1, decimal(one)).set(ASSESSMENT_CYCLE.QUOTA_2, decimal(two))
                .set(ASSESSMENT_CYCLE.QUOTA_3, decimal(three)).set(ASSESSMENT_CYCLE.QUOTA_4, decimal(four))
                .set(ASSESSMENT_CYCLE.QUOTA_5, decimal(five))
                .where(ASSESSMENT_CYCLE.ID.eq(cycleId)).execute();
    }

    private static java.math.BigDecimal decimal(Double value) {
        return value == null ? null : java.math.BigDecimal.valueOf(value);
    }

    /** Full marks on an indicator, whatever its scoring method. */
    public static cn.luohu.qpb.standard.IndicatorInput fullMarks(cn.luohu.qpb.standard.IndicatorDefinition indicator) {
        return switch (indicator.method()) {
            case CHECK -> cn.luohu.qpb.standard.IndicatorInput.met(true);
            case SCALE -> new cn.luohu.qpb.standard.IndicatorInput(null, indicator.maxScore(), null);
            case DEDUCT -> cn.luohu.qpb.standard.IndicatorInput.occurrences(0);
        };
    }

    /** A small PDF evidence file on an item, written directly (no upload checks). */
    public void evidence(long assessmentId, long itemId, long uploaderId) {
        dsl.insertInto(EVIDENCE_FILE).set(EVIDENCE_FILE.ASSESSMENT_ID, assessmentId).set(EVIDENCE_FILE.ITEM_ID, itemId)
                .set(EVIDENCE_FILE.FILE_NAME, "记录.pdf").set(EVIDENCE_FILE.CONTENT_TYPE, "application/pdf")
                .set(EVIDENCE_FILE.SIZE_BYTES, 9L).set(EVIDENCE_FILE.SHA256, "0".repeat(64))
                .set(EVIDENCE_FILE.CONTENT, "%PDF-1.7\n".getBytes())
                .set(EVIDENCE_FILE.UPLOADED_BY, uploaderId).set(EVIDENCE_FILE.UPLOADED_AT, java.time.LocalDateTime.now())
                .execute();
    }

    /** Puts an assessment into a state directly (no move, no event), e.g. SUBMITTED to test what it forbids. */
    public void state(long assessmentId, AssessmentState state) {
        dsl.update(ASSESSMENT).set(ASSESSMENT.STATE, state.name())
                .set(ASSESSMENT.ROW_VERSION, ASSESSMENT.ROW_VERSION.plus(1))
                .where(ASSESSMENT.ID.eq(assessmentId)).execute();
    }

    /**
     * Written straight in, as if the secretary had done it: full marks in every self entry, a file wherever
     * evidence is required, and the star applied for. The assessment may then be submitted.
     */
    public void readyToSubmit(long assessmentId, long secretaryId, int appliedStar) {
        for (var item : itemsWithMethod(assessmentId)) {
            String method = item.value2();
            dsl.update(ASSESSMENT_ITEM)
                    .set(ASSESSMENT_ITEM.MET, "CHECK".equals(method) ? Boolean.TRUE : null)
                    .set(ASSESSMENT_ITEM.SCORE, "SCALE".equals(method) ? item.value3() : null)
                    .set(ASSESSMENT_ITEM.OCCURRENCES, "DEDUCT".equals(method) ? 0 : null)
                    .where(ASSESSMENT_ITEM.ID.eq(item.value1())).execute();
            if (item.value4()) {
                dsl.insertInto(EVIDENCE_FILE).set(EVIDENCE_FILE.ASSESSMENT_ID, assessmentId).set(EVIDENCE_FILE.ITEM_ID, item.value1())
                        .set(EVIDENCE_FILE.FILE_NAME, "记录.pdf").set(EVIDENCE_FILE.CONTENT_TYPE, "application/pdf")
                        .set(EVIDENCE_FILE.SIZE_BYTES, 9L).set(EVIDENCE_FILE.SHA256, "0".repeat(64))
                        .set(EVIDENCE_FILE.CONTENT, "%PDF-1.7\n".getBytes())
                        .set(EVIDENCE_FILE.UPLOADED_BY, secretaryId).set(EVIDENCE_FILE.UPLOADED_AT, LocalDateTime.now())
                        .execute();
            }
        }
        dsl.update(ASSESSMENT).set(ASSESSMENT.APPLIED_STAR, appliedStar).where(ASSESSMENT.ID.eq(assessmentId)).execute();
    }

    /** Written straight in, as if the reviewer had done it: full marks in every review entry. It may then be recommended. */
    public void reviewedInFull(long assessmentId, long reviewerId) {
        for (var item : itemsWithMethod(assessmentId)) {
            String method = item.value2();
            dsl.update(ASSESSMENT_ITEM)
                    .set(ASSESSMENT_ITEM.REVIEW_MET, "CHECK".equals(method) ? Boolean.TRUE : null)
                    .set(ASSESSMENT_ITEM.REVIEW_SCORE, "SCALE".equals(method) ? item.value3() : null)
                    .set(ASSESSMENT_ITEM.REVIEW_OCCURRENCES, "DEDUCT".equals(method) ? 0 : null)
                    .set(ASSESSMENT_ITEM.REVIEWED_BY, reviewerId).set(ASSESSMENT_ITEM.REVIEWED_AT, LocalDateTime.now())
                    .where(ASSESSMENT_ITEM.ID.eq(item.value1())).execute();
        }
    }

    /** The items of an assessment: id, scoring method, maximum score, whether evidence is required. */
    private List<org.jooq.Record4<Long, String, java.math.BigDecimal, Boolean>> itemsWithMethod(long assessmentId) {
        return dsl.select(ASSESSMENT_ITEM.ID, STANDARD_INDICATOR.METHOD, STANDARD_INDICATOR.MAX_SCORE, STANDARD_INDICATOR.EVIDENCE_REQUIRED)
                .from(ASSESSMENT_ITEM).join(STANDARD_INDICATOR).on(STANDARD_INDICATOR.ID.eq(ASSESSMENT_ITEM.INDICATOR_ID))
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId)).fetch();
    }

    /** The published standard of a category (any published one when the category has none or is null). */
    public long publishedStandard(String category) {
        var published = dsl.select(STANDARD_VERSION.ID).from(STANDARD_VERSION)
                .where(STANDARD_VERSION.STATUS.eq("PUBLISHED"));
        if (category != null) {
            var ofCategory = published.and(STANDARD_VERSION.ID.in(DSL.select(STANDARD_CATEGORY.STANDARD_ID)
                    .from(STANDARD_CATEGORY).where(STANDARD_CATEGORY.CATEGORY.eq(category))))
                    .orderBy(STANDARD_VERSION.ID).limit(1).fetchOptional();
            if (ofCategory.isPresent()) {
                return ofCategory.get().value1();
            }
        }
        return dsl.select(STANDARD_VERSION.ID).from(STANDARD_VERSION).where(STANDARD_VERSION.STATUS.eq("PUBLISHED"))
                .orderBy(STANDARD_VERSION.ID).limit(1).fetchSingle().value1();
    }

    /** The committee above an organisation, read from its path (null when there is none). */
    private Long committeeOf(String path) {
        List<Long> ancestors = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION)
                .where(ORGANIZATION.ID.in(ancestors)).and(ORGANIZATION.KIND.eq("COMMITTEE"))
                .orderBy(ORGANIZATION.DEPTH.desc()).limit(1).fetchOptional(r -> r.value1()).orElse(null);
    }
}

package cn.luohu.qpb.assessment;

import cn.luohu.qpb.organization.Scope;
import cn.luohu.qpb.standard.IndicatorInput;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;

/** The reviewer's queries: his queue (scope in SQL), his entries per item and the review's outcome. */
@Repository
class ReviewRepository {

    private static final cn.luohu.qpb.jooq.tables.Organization COMMITTEE = ORGANIZATION.as("committee");
    /** The states in which a review is still owed. */
    private static final List<String> WAITING = List.of(AssessmentState.SUBMITTED.name(), AssessmentState.UNDER_REVIEW.name());

    private final DSLContext dsl;

    ReviewRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<ReviewQueueRow> queue(ReviewFilter filter, Scope scope, LocalDate today, int offset, int limit) {
        Field<Boolean> overdue = overdue(today);
        return from(dsl.select(ASSESSMENT.ID, ASSESSMENT_CYCLE.YEAR, ORGANIZATION.NAME, COMMITTEE.NAME, ORGANIZATION.CATEGORY,
                        ASSESSMENT.STATE, ASSESSMENT.APPLIED_STAR, ASSESSMENT.SELF_TOTAL, ASSESSMENT_CYCLE.REVIEW_DEADLINE, overdue))
                .where(conditions(filter, scope))
                // what the reviewer can act on (start or continue a review) first, the overdue among them at the top
                .orderBy(DSL.when(ASSESSMENT.STATE.in(WAITING), 0).else_(1), overdue.desc(), ASSESSMENT_CYCLE.REVIEW_DEADLINE.asc(),
                        ORGANIZATION.NAME.asc(), ASSESSMENT.ID.asc())
                .offset(offset).limit(limit)
                .fetch(r -> new ReviewQueueRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        AssessmentState.valueOf(r.value6()), r.value7(), r.value8(), r.value9(), Boolean.TRUE.equals(r.value10())));
    }

    int count(ReviewFilter filter, Scope scope) {
        return dsl.fetchCount(from(dsl.select(ASSESSMENT.ID)).where(conditions(filter, scope)));
    }

    Map<AssessmentState, Integer> countsByState(ReviewFilter filter, Scope scope) {
        Map<AssessmentState, Integer> counts = new EnumMap<>(AssessmentState.class);
        from(dsl.select(ASSESSMENT.STATE, DSL.count())).where(conditions(filter.withState(null), scope))
                .groupBy(ASSESSMENT.STATE)
                .forEach(r -> counts.put(AssessmentState.valueOf(r.value1()), r.value2()));
        return counts;
    }

    private static <R extends Record> SelectJoinStep<R> from(org.jooq.SelectSelectStep<R> select) {
        return (SelectJoinStep<R>) select.from(ASSESSMENT)
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                .leftJoin(COMMITTEE).on(COMMITTEE.ID.eq(ASSESSMENT.COMMITTEE_ID));
    }

    private static Field<Boolean> overdue(LocalDate today) {
        return DSL.field(ASSESSMENT.STATE.in(WAITING).and(ASSESSMENT_CYCLE.REVIEW_DEADLINE.lt(today)));
    }

    /** The filter, and the scope as a subtree condition: a reviewer sees only his committee's subtree. */
    private static Condition conditions(ReviewFilter filter, Scope scope) {
        Condition condition = scope.everything() ? DSL.trueCondition()
                : scope.pathPrefix() != null ? ORGANIZATION.PATH.startsWith(scope.pathPrefix()) : DSL.falseCondition();
        if (filter.state() != null) {
            condition = condition.and(ASSESSMENT.STATE.eq(filter.state().name()));
        }
        if (filter.committeeId() != null) {
            condition = condition.and(ASSESSMENT.COMMITTEE_ID.eq(filter.committeeId()));
        }
        if (filter.category() != null) {
            condition = condition.and(ORGANIZATION.CATEGORY.eq(filter.category()));
        }
        if (filter.appliedStar() != null) {
            condition = condition.and(ASSESSMENT.APPLIED_STAR.eq(filter.appliedStar()));
        }
        if (filter.dueBy() != null) {
            condition = condition.and(ASSESSMENT_CYCLE.REVIEW_DEADLINE.le(filter.dueBy()));
        }
        return condition;
    }

    Map<Long, ReviewEntry> entries(long assessmentId) {
        Map<Long, ReviewEntry> entries = new HashMap<>();
        dsl.select(ASSESSMENT_ITEM.ID, ASSESSMENT_ITEM.REVIEW_MET, ASSESSMENT_ITEM.REVIEW_SCORE, ASSESSMENT_ITEM.REVIEW_OCCURRENCES,
                        ASSESSMENT_ITEM.REVIEW_COMMENT, ASSESSMENT_ITEM.REVIEW_VERSION)
                .from(ASSESSMENT_ITEM).where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId))
                .forEach(r -> entries.put(r.value1(), new ReviewEntry(r.value1(), input(r.value2(), r.value3(), r.value4()),
                        r.value5(), r.value6())));
        return entries;
    }

    Integer recommendedStar(long assessmentId) {
        return dsl.select(ASSESSMENT.RECOMMENDED_STAR).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1();
    }

    /** Saves the reviewer's entry if nobody saved it since {@code version}; false when someone did. */
    boolean saveEntry(long itemId, IndicatorInput input, String comment, int version, long reviewerId, LocalDateTime now) {
        return dsl.update(ASSESSMENT_ITEM)
                .set(ASSESSMENT_ITEM.REVIEW_MET, input == null ? null : input.met())
                .set(ASSESSMENT_ITEM.REVIEW_SCORE, input == null ? null : input.score())
                .set(ASSESSMENT_ITEM.REVIEW_OCCURRENCES, input == null ? null : input.occurrences())
                .set(ASSESSMENT_ITEM.REVIEW_COMMENT, comment)
                .set(ASSESSMENT_ITEM.REVIEWED_BY, reviewerId)
                .set(ASSESSMENT_ITEM.REVIEWED_AT, now)
                .set(ASSESSMENT_ITEM.REVIEW_VERSION, ASSESSMENT_ITEM.REVIEW_VERSION.plus(1))
                .where(ASSESSMENT_ITEM.ID.eq(itemId).and(ASSESSMENT_ITEM.REVIEW_VERSION.eq(version)))
                .execute() == 1;
    }

    /**
     * Locks the items of an assessment that the secretary scored and the reviewer has not, and returns their ids:
     * what "adopt every self score" takes over, safe from a save in another tab until the transaction ends.
     */
    List<Long> lockUnreviewedScored(long assessmentId) {
        return dsl.select(ASSESSMENT_ITEM.ID).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId)
                        .and(ASSESSMENT_ITEM.REVIEW_MET.isNull()).and(ASSESSMENT_ITEM.REVIEW_SCORE.isNull())
                        .and(ASSESSMENT_ITEM.REVIEW_OCCURRENCES.isNull())
                        .and(ASSESSMENT_ITEM.MET.isNotNull().or(ASSESSMENT_ITEM.SCORE.isNotNull()).or(ASSESSMENT_ITEM.OCCURRENCES.isNotNull())))
                .orderBy(ASSESSMENT_ITEM.ID)
                .forUpdate()
                .fetch(ASSESSMENT_ITEM.ID);
    }

    /** Copies the self entries of these items into their review entries, in one statement, as this reviewer's. */
    void adoptSelfEntries(List<Long> itemIds, long reviewerId, LocalDateTime now) {
        dsl.update(ASSESSMENT_ITEM)
                .set(ASSESSMENT_ITEM.REVIEW_MET, ASSESSMENT_ITEM.MET)
                .set(ASSESSMENT_ITEM.REVIEW_SCORE, ASSESSMENT_ITEM.SCORE)
                .set(ASSESSMENT_ITEM.REVIEW_OCCURRENCES, ASSESSMENT_ITEM.OCCURRENCES)
                .set(ASSESSMENT_ITEM.REVIEWED_BY, reviewerId)
                .set(ASSESSMENT_ITEM.REVIEWED_AT, now)
                .set(ASSESSMENT_ITEM.REVIEW_VERSION, ASSESSMENT_ITEM.REVIEW_VERSION.plus(1))
                .where(ASSESSMENT_ITEM.ID.in(itemIds))
                .execute();
    }

    void recordRecommendation(long assessmentId, BigDecimal reviewTotal, int star, long reviewerId) {
        dsl.update(ASSESSMENT).set(ASSESSMENT.REVIEW_TOTAL, reviewTotal).set(ASSESSMENT.RECOMMENDED_STAR, star)
                .set(ASSESSMENT.REVIEWER_ID, reviewerId).where(ASSESSMENT.ID.eq(assessmentId)).execute();
    }

    void recordReviewer(long assessmentId, long reviewerId) {
        dsl.update(ASSESSMENT).set(ASSESSMENT.REVIEWER_ID, reviewerId).where(ASSESSMENT.ID.eq(assessmentId)).execute();
    }

    private static IndicatorInput input(Boolean met, BigDecimal score, Integer occurrences) {
        return met == null && score == null && occurrences == null ? null : new IndicatorInput(met, score, occurrences);
    }
}

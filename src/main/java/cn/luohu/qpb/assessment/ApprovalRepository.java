package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.db.InLists;
import cn.luohu.qpb.base.db.RowGuards;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_EVENT;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;

/** The district's approval queries: the queue of recommendations, the cases, the quota counts. */
@Repository
class ApprovalRepository {

    private static final cn.luohu.qpb.jooq.tables.Organization COMMITTEE = ORGANIZATION.as("committee");
    /** The states in which an approved star stands. */
    static final List<String> DECIDED = List.of(AssessmentState.APPROVED.name(), AssessmentState.IN_NOTICE.name(),
            AssessmentState.FINAL.name());

    private final DSLContext dsl;
    private final RowGuards guards;

    ApprovalRepository(DSLContext dsl, RowGuards guards) {
        this.dsl = dsl;
        this.guards = guards;
    }

    List<ApprovalRow> queue(ApprovalFilter filter, int offset, int limit) {
        return from(dsl.select(ASSESSMENT.ID, ORGANIZATION.NAME, COMMITTEE.NAME, ORGANIZATION.CATEGORY, ASSESSMENT.STAR_AT_OPEN,
                        ASSESSMENT.APPLIED_STAR, ASSESSMENT.DIRECT_GRADING, ASSESSMENT.SELF_TOTAL, ASSESSMENT.REVIEW_TOTAL,
                        ASSESSMENT.RECOMMENDED_STAR, APP_USER.DISPLAY_NAME))
                .where(conditions(filter))
                .orderBy(ASSESSMENT.DIRECT_GRADING.desc(), COMMITTEE.NAME.asc(), ORGANIZATION.NAME.asc(), ASSESSMENT.ID.asc())
                .offset(offset).limit(limit)
                .fetch(r -> new ApprovalRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        Boolean.TRUE.equals(r.value7()), r.value8(), r.value9(), r.value10() == null ? 0 : r.value10(), r.value11()));
    }

    int count(ApprovalFilter filter) {
        return dsl.fetchCount(from(dsl.select(ASSESSMENT.ID)).where(conditions(filter)));
    }

    int countWaiting() {
        return dsl.fetchCount(dsl.select(ASSESSMENT.ID).from(ASSESSMENT)
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .where(ASSESSMENT_CYCLE.STATUS.eq("OPEN").and(ASSESSMENT.STATE.eq(AssessmentState.RECOMMENDED.name()))));
    }

    /** Every recommendation the filter matches, for "approve all that match". */
    List<Long> ids(ApprovalFilter filter) {
        return from(dsl.select(ASSESSMENT.ID)).where(conditions(filter)).orderBy(ASSESSMENT.ID).fetch(ASSESSMENT.ID);
    }

    private static <R extends Record> SelectJoinStep<R> from(SelectSelectStep<R> select) {
        return (SelectJoinStep<R>) select.from(ASSESSMENT)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                .leftJoin(COMMITTEE).on(COMMITTEE.ID.eq(ASSESSMENT.COMMITTEE_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(ASSESSMENT.REVIEWER_ID));
    }

    private static Condition conditions(ApprovalFilter filter) {
        Condition condition = ASSESSMENT.CYCLE_ID.eq(filter.cycleId()).and(ASSESSMENT.STATE.eq(AssessmentState.RECOMMENDED.name()));
        if (filter.committeeId() != null) {
            condition = condition.and(ASSESSMENT.COMMITTEE_ID.eq(filter.committeeId()));
        }
        if (filter.category() != null) {
            condition = condition.and(ORGANIZATION.CATEGORY.eq(filter.category()));
        }
        if (filter.recommendedStar() != null) {
            condition = condition.and(ASSESSMENT.RECOMMENDED_STAR.eq(filter.recommendedStar()));
        }
        if (filter.directGradingOnly()) {
            condition = condition.and(ASSESSMENT.DIRECT_GRADING.isTrue());
        }
        return condition;
    }

    /** One case as {@code userId} sees it (whether he ever reviewed it). */
    Optional<ApprovalCase> approvalCase(long id, long userId) {
        return cases(ASSESSMENT.ID.eq(id), userId).stream().findFirst();
    }

    /** The cases of many assessments, in IN lists of a bounded size. */
    List<ApprovalCase> cases(Collection<Long> ids, long userId) {
        List<ApprovalCase> cases = new ArrayList<>(ids.size());
        for (List<Long> chunk : InLists.chunks(ids)) {
            cases.addAll(cases(ASSESSMENT.ID.in(chunk), userId));
        }
        return cases;
    }

    private List<ApprovalCase> cases(Condition condition, long userId) {
        // a reviewer's move by this user, in any round: starting, returning or recommending it
        Field<Boolean> reviewedByUser = DSL.field(ASSESSMENT.REVIEWER_ID.eq(userId).or(DSL.exists(DSL.selectOne().from(ASSESSMENT_EVENT)
                .where(ASSESSMENT_EVENT.ASSESSMENT_ID.eq(ASSESSMENT.ID).and(ASSESSMENT_EVENT.ACTOR_ID.eq(userId))
                        .and(ASSESSMENT_EVENT.FROM_STATE.in(AssessmentState.SUBMITTED.name(), AssessmentState.UNDER_REVIEW.name()))))));
        return dsl.select(ASSESSMENT.ID, ASSESSMENT.CYCLE_ID, ORGANIZATION.NAME, ASSESSMENT.STATE, ASSESSMENT.STAR_AT_OPEN,
                        ASSESSMENT.APPLIED_STAR, ASSESSMENT.DIRECT_GRADING, ASSESSMENT.DIRECT_GRADING_REASON, ASSESSMENT.RECOMMENDED_STAR,
                        ASSESSMENT.REVIEW_TOTAL, APP_USER.DISPLAY_NAME, ASSESSMENT.APPROVED_STAR,
                        ASSESSMENT.DIRECT_GRADING_GRANTED, reviewedByUser)
                .from(ASSESSMENT)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(ASSESSMENT.REVIEWER_ID))
                .where(condition)
                .fetch(r -> new ApprovalCase(r.value1(), r.value2(), r.value3(), AssessmentState.valueOf(r.value4()), r.value5(),
                        r.value6(), Boolean.TRUE.equals(r.value7()), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(),
                        r.value13(), Boolean.TRUE.equals(r.value14())));
    }

    /**
     * Locks the cycle row, so that approvals in one cycle check their quotas one after another (on every
     * node of a cluster: the bump is a write); true when the cycle is open.
     */
    boolean lockCycle(long cycleId) {
        guards.bump(ASSESSMENT_CYCLE.GUARD_SEQ, ASSESSMENT_CYCLE.ID, cycleId);
        return "OPEN".equals(dsl.select(ASSESSMENT_CYCLE.STATUS).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycleId))
                .forUpdate().fetchOptional(ASSESSMENT_CYCLE.STATUS).orElse(null));
    }

    /**
     * The quota meter of a cycle: per star level, approved and projected holders against the quota. A pending
     * recommendation is projected at what approving it would really give (at most one level up, as approving
     * many does); a direct-grading request at the recommendation, the most that granting it can give.
     */
    List<QuotaLine> quotas(long cycleId) {
        Field<Integer> fixedStar = DSL.when(ASSESSMENT.STATE.in(DECIDED), ASSESSMENT.APPROVED_STAR).otherwise(ASSESSMENT.STAR_AT_OPEN);
        Map<Integer, Integer> projectedCounts = new HashMap<>();
        dsl.select(fixedStar, DSL.count()).from(ASSESSMENT)
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.STATE.ne(AssessmentState.RECOMMENDED.name())))
                .groupBy(fixedStar)
                .forEach(r -> projectedCounts.merge(r.value1(), r.value2(), Integer::sum));
        dsl.select(ASSESSMENT.RECOMMENDED_STAR, ASSESSMENT.STAR_AT_OPEN, ASSESSMENT.DIRECT_GRADING, DSL.count()).from(ASSESSMENT)
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.STATE.eq(AssessmentState.RECOMMENDED.name())))
                .groupBy(ASSESSMENT.RECOMMENDED_STAR, ASSESSMENT.STAR_AT_OPEN, ASSESSMENT.DIRECT_GRADING)
                .forEach(r -> projectedCounts.merge(ApprovalCase.maxApprovable(r.value1(), r.value2(), Boolean.TRUE.equals(r.value3())),
                        r.value4(), Integer::sum));
        Map<Integer, Integer> approvedCounts = approvedCounts(cycleId);
        int assessed = projectedCounts.values().stream().mapToInt(Integer::intValue).sum();
        Map<Integer, BigDecimal> percents = quotaPercents(cycleId);
        List<QuotaLine> lines = new ArrayList<>();
        for (int star = 5; star >= 0; star--) {
            BigDecimal percent = percents.get(star);
            lines.add(new QuotaLine(star, approvedCounts.getOrDefault(star, 0), projectedCounts.getOrDefault(star, 0), assessed,
                    percent, limit(percent, assessed)));
        }
        return lines;
    }

    /** How many organisations of the cycle hold each star by an approval. */
    Map<Integer, Integer> approvedCounts(long cycleId) {
        Map<Integer, Integer> counts = new HashMap<>();
        dsl.select(ASSESSMENT.APPROVED_STAR, DSL.count()).from(ASSESSMENT)
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.STATE.in(DECIDED)))
                .groupBy(ASSESSMENT.APPROVED_STAR)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /** The quota of each star level as a number of organisations; a level without a quota is absent. */
    Map<Integer, Integer> limits(long cycleId) {
        int assessed = dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(cycleId));
        Map<Integer, Integer> limits = new HashMap<>();
        quotaPercents(cycleId).forEach((star, percent) -> limits.put(star, limit(percent, assessed)));
        return limits;
    }

    private Map<Integer, BigDecimal> quotaPercents(long cycleId) {
        Record quota = dsl.select(ASSESSMENT_CYCLE.QUOTA_1, ASSESSMENT_CYCLE.QUOTA_2, ASSESSMENT_CYCLE.QUOTA_3,
                        ASSESSMENT_CYCLE.QUOTA_4, ASSESSMENT_CYCLE.QUOTA_5)
                .from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycleId)).fetchSingle();
        Map<Integer, BigDecimal> percents = new HashMap<>();
        for (int star = 1; star <= 5; star++) {
            if (quota.get(star - 1) != null) {
                percents.put(star, (BigDecimal) quota.get(star - 1));
            }
        }
        return percents;
    }

    /** A quota as a number of organisations: the share of those assessed, rounded down. */
    private static Integer limit(BigDecimal percent, int assessed) {
        return percent == null ? null
                : BigDecimal.valueOf(assessed).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).intValue();
    }

    /** Stores the decision on the approved assessments: all of {@code ids} at one star. */
    void recordApproval(Collection<Long> ids, int star, Boolean directGradingGranted, long approverId, LocalDateTime now) {
        for (List<Long> chunk : InLists.chunks(ids)) {
            dsl.update(ASSESSMENT).set(ASSESSMENT.APPROVED_STAR, star).set(ASSESSMENT.APPROVER_ID, approverId)
                    .set(ASSESSMENT.APPROVED_AT, now).set(ASSESSMENT.DIRECT_GRADING_GRANTED, directGradingGranted)
                    .where(ASSESSMENT.ID.in(chunk))
                    .execute();
        }
    }
}

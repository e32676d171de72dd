package cn.luohu.qpb.cycle;

import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.base.db.RowGuards;
import cn.luohu.qpb.jooq.tables.Organization;
import cn.luohu.qpb.jooq.tables.records.AssessmentCycleRecord;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.TreePathSql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_EVENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.CYCLE_STANDARD;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STANDARD_INDICATOR;
import static cn.luohu.qpb.jooq.Tables.STANDARD_VERSION;

/** The cycle's SQL: its own rows, the set-wise opening, the overview counts and the pending list. */
@Repository
class CycleRepository {

    private static final Organization O = ORGANIZATION.as("o");
    private static final Organization C = ORGANIZATION.as("c");
    private static final List<String> ASSESSED_KINDS = Arrays.stream(OrgKind.values())
            .filter(OrgKind::isAssessed).map(Enum::name).toList();
    /** States in which the self-assessment is still due: not submitted, or returned to be submitted again. */
    static final List<String> PENDING_STATES = Arrays.stream(AssessmentState.values())
            .filter(AssessmentState::isEditableBySecretary).map(Enum::name).toList();
    /** In a reviewer's hands: a closed cycle would leave them there for good. */
    private static final List<String> IN_REVIEW = List.of(AssessmentState.SUBMITTED.name(), AssessmentState.UNDER_REVIEW.name());

    private final DSLContext dsl;
    private final RowGuards guards;

    CycleRepository(DSLContext dsl, RowGuards guards) {
        this.dsl = dsl;
        this.guards = guards;
    }

    // --- the cycle itself ---

    List<CycleSummary> list() {
        Map<Long, Map<Category, Long>> standards = standardsByCycle(DSL.trueCondition());
        return dsl.select(ASSESSMENT_CYCLE.fields()).select(assessmentCount())
                .from(ASSESSMENT_CYCLE).orderBy(ASSESSMENT_CYCLE.YEAR.desc())
                .fetch(r -> summary(r, standards));
    }

    Optional<CycleSummary> find(long id) {
        Map<Long, Map<Category, Long>> standards = standardsByCycle(CYCLE_STANDARD.CYCLE_ID.eq(id));
        return dsl.select(ASSESSMENT_CYCLE.fields()).select(assessmentCount())
                .from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(id))
                .fetchOptional(r -> summary(r, standards));
    }

    /**
     * Locks the cycle's row for the rest of the transaction: opening, closing and editing are one at a time,
     * also with approvals and publications (the same bump, a write: it holds on every node of a cluster).
     */
    Optional<CycleStatus> lockStatus(long id) {
        guards.bump(ASSESSMENT_CYCLE.GUARD_SEQ, ASSESSMENT_CYCLE.ID, id);
        return dsl.select(ASSESSMENT_CYCLE.STATUS).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(id)).forUpdate()
                .fetchOptional(r -> CycleStatus.valueOf(r.value1()));
    }

    boolean yearTaken(int year, Long except) {
        return dsl.fetchExists(ASSESSMENT_CYCLE, ASSESSMENT_CYCLE.YEAR.eq(year)
                .and(except == null ? DSL.trueCondition() : ASSESSMENT_CYCLE.ID.ne(except)));
    }

    long insert(CycleInput input) {
        AssessmentCycleRecord row = dsl.newRecord(ASSESSMENT_CYCLE);
        fill(row, input);
        row.store();
        writeStandards(row.getId(), input.standards());
        return row.getId();
    }

    /** Saves the settings if nobody changed the cycle since {@code rowVersion} was read; false otherwise. */
    boolean update(long id, CycleInput input, int rowVersion) {
        AssessmentCycleRecord row = dsl.newRecord(ASSESSMENT_CYCLE);
        fill(row, input);
        row.setRowVersion(rowVersion + 1);
        row.changed(ASSESSMENT_CYCLE.ID, false);
        int updated = dsl.update(ASSESSMENT_CYCLE).set(row)
                .where(ASSESSMENT_CYCLE.ID.eq(id).and(ASSESSMENT_CYCLE.ROW_VERSION.eq(rowVersion))
                        .and(ASSESSMENT_CYCLE.STATUS.eq(CycleStatus.PLANNED.name())))
                .execute();
        if (updated == 0) {
            return false;
        }
        dsl.deleteFrom(CYCLE_STANDARD).where(CYCLE_STANDARD.CYCLE_ID.eq(id)).execute();
        writeStandards(id, input.standards());
        return true;
    }

    /** Deletes a cycle that was never opened (its standards go with it); false when it is not PLANNED. */
    boolean deletePlanned(long id) {
        return dsl.deleteFrom(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.ID.eq(id).and(ASSESSMENT_CYCLE.STATUS.eq(CycleStatus.PLANNED.name())))
                .execute() == 1;
    }

    boolean markOpen(long id, LocalDateTime now, long userId) {
        return dsl.update(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.STATUS, CycleStatus.OPEN.name())
                .set(ASSESSMENT_CYCLE.OPENED_AT, now)
                .set(ASSESSMENT_CYCLE.OPENED_BY, userId)
                .set(ASSESSMENT_CYCLE.ROW_VERSION, ASSESSMENT_CYCLE.ROW_VERSION.plus(1))
                .where(ASSESSMENT_CYCLE.ID.eq(id).and(ASSESSMENT_CYCLE.STATUS.eq(CycleStatus.PLANNED.name())))
                .execute() == 1;
    }

    /** The names of (at most {@code limit}) organisations whose assessment in the cycle is submitted or under review. */
    List<String> inReview(long id, int limit) {
        return dsl.select(O.NAME).from(ASSESSMENT).join(O).on(O.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                .where(ASSESSMENT.CYCLE_ID.eq(id).and(ASSESSMENT.STATE.in(IN_REVIEW)))
                .orderBy(O.CODE).limit(limit)
                .fetch(r -> r.value1());
    }

    int countInReview(long id) {
        return dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id).and(ASSESSMENT.STATE.in(IN_REVIEW)));
    }

    boolean hasUndecidedResults(long id) {
        return dsl.fetchExists(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id)
                .and(ASSESSMENT.STATE.in("RECOMMENDED", "APPROVED", "IN_NOTICE")));
    }

    boolean markClosed(long id, LocalDateTime now) {
        return dsl.update(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.STATUS, CycleStatus.CLOSED.name())
                .set(ASSESSMENT_CYCLE.CLOSED_AT, now)
                .set(ASSESSMENT_CYCLE.ROW_VERSION, ASSESSMENT_CYCLE.ROW_VERSION.plus(1))
                .where(ASSESSMENT_CYCLE.ID.eq(id).and(ASSESSMENT_CYCLE.STATUS.eq(CycleStatus.OPEN.name())))
                .execute() == 1;
    }

    private static void fill(AssessmentCycleRecord row, CycleInput input) {
        row.setYear(input.year());
        row.setName(input.name().strip());
        row.setSelfDeadline(input.selfDeadline());
        row.setReviewDeadline(input.reviewDeadline());
        row.setApprovalDeadline(input.approvalDeadline());
        row.setNoticeDays(input.noticeDays());
        row.setQuota_1(input.quotas().get(1));
        row.setQuota_2(input.quotas().get(2));
        row.setQuota_3(input.quotas().get(3));
        row.setQuota_4(input.quotas().get(4));
        row.setQuota_5(input.quotas().get(5));
    }

    private void writeStandards(long cycleId, Map<Category, Long> standards) {
        var insert = dsl.insertInto(CYCLE_STANDARD, CYCLE_STANDARD.CYCLE_ID, CYCLE_STANDARD.CATEGORY, CYCLE_STANDARD.STANDARD_ID);
        for (Map.Entry<Category, Long> entry : new TreeMap<>(standards).entrySet()) {
            insert = insert.values(cycleId, entry.getKey().name(), entry.getValue());
        }
        insert.execute();
    }

    private Map<Long, Map<Category, Long>> standardsByCycle(Condition condition) {
        Map<Long, Map<Category, Long>> result = new HashMap<>();
        dsl.selectFrom(CYCLE_STANDARD).where(condition).forEach(r -> result
                .computeIfAbsent(r.getCycleId(), id -> new EnumMap<>(Category.class))
                .put(Category.valueOf(r.getCategory()), r.getStandardId()));
        return result;
    }

    private static Field<Integer> assessmentCount() {
        return DSL.field(DSL.selectCount().from(ASSESSMENT).where(ASSESSMENT.CYCLE_ID.eq(ASSESSMENT_CYCLE.ID)))
                .as("assessments");
    }

    private static CycleSummary summary(Record r, Map<Long, Map<Category, Long>> standards) {
        long id = r.get(ASSESSMENT_CYCLE.ID);
        Map<Integer, BigDecimal> quotas = new TreeMap<>();
        putIfSet(quotas, 1, r.get(ASSESSMENT_CYCLE.QUOTA_1));
        putIfSet(quotas, 2, r.get(ASSESSMENT_CYCLE.QUOTA_2));
        putIfSet(quotas, 3, r.get(ASSESSMENT_CYCLE.QUOTA_3));
        putIfSet(quotas, 4, r.get(ASSESSMENT_CYCLE.QUOTA_4));
        putIfSet(quotas, 5, r.get(ASSESSMENT_CYCLE.QUOTA_5));
        return new CycleSummary(id, r.get(ASSESSMENT_CYCLE.YEAR), r.get(ASSESSMENT_CYCLE.NAME),
                CycleStatus.valueOf(r.get(ASSESSMENT_CYCLE.STATUS)), r.get(ASSESSMENT_CYCLE.SELF_DEADLINE),
                r.get(ASSESSMENT_CYCLE.REVIEW_DEADLINE), r.get(ASSESSMENT_CYCLE.APPROVAL_DEADLINE),
                r.get(ASSESSMENT_CYCLE.NOTICE_DAYS), quotas, standards.getOrDefault(id, Map.of()),
                r.get(ASSESSMENT_CYCLE.OPENED_AT), r.get(ASSESSMENT_CYCLE.CLOSED_AT),
                r.get("assessments", Integer.class), r.get(ASSESSMENT_CYCLE.ROW_VERSION));
    }

    private static void putIfSet(Map<Integer, BigDecimal> quotas, int star, BigDecimal quota) {
        if (quota != null) {
            quotas.put(star, quota);
        }
    }

    // --- opening ---

    /** The organisations a cycle is opened for: active community committees and branches. */
    private static Condition assessed(Organization org) {
        return org.ACTIVE.isTrue().and(org.KIND.in(ASSESSED_KINDS));
    }

    /** Active assessed organisations whose category has no standard in the cycle, or one no longer published. */
    List<MissingStandard> missingStandards(long cycleId) {
        return dsl.select(O.CATEGORY, DSL.count())
                .from(O)
                .leftJoin(CYCLE_STANDARD).on(CYCLE_STANDARD.CYCLE_ID.eq(cycleId).and(CYCLE_STANDARD.CATEGORY.eq(O.CATEGORY)))
                .leftJoin(STANDARD_VERSION).on(STANDARD_VERSION.ID.eq(CYCLE_STANDARD.STANDARD_ID))
                .where(assessed(O))
                .and(STANDARD_VERSION.ID.isNull().or(STANDARD_VERSION.STATUS.ne("PUBLISHED")))
                .groupBy(O.CATEGORY)
                .orderBy(O.CATEGORY)
                .fetch(r -> new MissingStandard(r.value1() == null ? null : Category.valueOf(r.value1()), r.value2()));
    }

    /** Organisations and item rows that opening would make. */
    int[] planCounts(long cycleId) {
        var indicators = DSL.select(STANDARD_INDICATOR.STANDARD_ID, DSL.count().as("n")).from(STANDARD_INDICATOR)
                .groupBy(STANDARD_INDICATOR.STANDARD_ID).asTable("ind");
        Field<Integer> perStandard = DSL.coalesce(indicators.field("n", Integer.class), 0);
        Record r = dsl.select(DSL.count(), DSL.coalesce(DSL.sum(perStandard), BigDecimal.ZERO))
                .from(O)
                .join(CYCLE_STANDARD).on(CYCLE_STANDARD.CYCLE_ID.eq(cycleId).and(CYCLE_STANDARD.CATEGORY.eq(O.CATEGORY)))
                .leftJoin(indicators).on(indicators.field(STANDARD_INDICATOR.STANDARD_ID).eq(CYCLE_STANDARD.STANDARD_ID))
                .where(assessed(O))
                .fetchSingle();
        return new int[]{r.get(0, Integer.class), r.get(1, BigDecimal.class).intValue()};
    }

    /** The ids of the organisations the cycle opens for, ascending: the opening works through them in ranges. */
    List<Long> organizationsToOpen(long cycleId) {
        return dsl.select(O.ID).from(O)
                .join(CYCLE_STANDARD).on(CYCLE_STANDARD.CYCLE_ID.eq(cycleId).and(CYCLE_STANDARD.CATEGORY.eq(O.CATEGORY)))
                .where(assessed(O))
                .orderBy(O.ID)
                .fetch(r -> r.value1());
    }

    /**
     * One NOT_STARTED assessment for each organisation to open for with an id in [from, to]: the cycle's
     * standard for its category, its current star, and its committee (the second id of its path).
     */
    int insertAssessments(long cycleId, long from, long to, LocalDateTime now) {
        return dsl.insertInto(ASSESSMENT, ASSESSMENT.CYCLE_ID, ASSESSMENT.ORGANIZATION_ID, ASSESSMENT.COMMITTEE_ID,
                        ASSESSMENT.STANDARD_ID, ASSESSMENT.STATE, ASSESSMENT.STAR_AT_OPEN, ASSESSMENT.UPDATED_AT)
                .select(DSL.select(DSL.val(cycleId), O.ID, TreePathSql.committeeIdOf(O.PATH), CYCLE_STANDARD.STANDARD_ID,
                                DSL.val(AssessmentState.NOT_STARTED.name()), O.CURRENT_STAR, DSL.val(now))
                        .from(O)
                        .join(CYCLE_STANDARD).on(CYCLE_STANDARD.CYCLE_ID.eq(cycleId).and(CYCLE_STANDARD.CATEGORY.eq(O.CATEGORY)))
                        .where(assessed(O)).and(O.ID.between(from, to)))
                .execute();
    }

    /** One item row per indicator of its standard, for the cycle's assessments of organisations in [from, to]. */
    int insertItems(long cycleId, long from, long to) {
        return dsl.insertInto(ASSESSMENT_ITEM, ASSESSMENT_ITEM.ASSESSMENT_ID, ASSESSMENT_ITEM.INDICATOR_ID)
                .select(DSL.select(ASSESSMENT.ID, STANDARD_INDICATOR.ID)
                        .from(ASSESSMENT)
                        .join(STANDARD_INDICATOR).on(STANDARD_INDICATOR.STANDARD_ID.eq(ASSESSMENT.STANDARD_ID))
                        .where(ASSESSMENT.CYCLE_ID.eq(cycleId)).and(ASSESSMENT.ORGANIZATION_ID.between(from, to)))
                .execute();
    }

    /** The first event of each of those assessments: it came into being as NOT_STARTED, made by the opener. */
    int insertOpeningEvents(long cycleId, long from, long to, long actorId, LocalDateTime now) {
        return dsl.insertInto(ASSESSMENT_EVENT, ASSESSMENT_EVENT.ASSESSMENT_ID, ASSESSMENT_EVENT.FROM_STATE,
                        ASSESSMENT_EVENT.TO_STATE, ASSESSMENT_EVENT.ACTOR_ID, ASSESSMENT_EVENT.OCCURRED_AT)
                .select(DSL.select(ASSESSMENT.ID, DSL.inline((String) null), DSL.val(AssessmentState.NOT_STARTED.name()),
                                DSL.val(actorId), DSL.val(now))
                        .from(ASSESSMENT)
                        .where(ASSESSMENT.CYCLE_ID.eq(cycleId)).and(ASSESSMENT.ORGANIZATION_ID.between(from, to)))
                .execute();
    }

    // --- the overview ---

    Map<AssessmentState, Integer> countByState(long cycleId) {
        Map<AssessmentState, Integer> counts = new EnumMap<>(AssessmentState.class);
        dsl.select(ASSESSMENT.STATE, DSL.count()).from(ASSESSMENT).where(ASSESSMENT.CYCLE_ID.eq(cycleId))
                .groupBy(ASSESSMENT.STATE)
                .forEach(r -> counts.put(AssessmentState.valueOf(r.value1()), r.value2()));
        return counts;
    }

    List<CommitteeProgress> countByCommittee(long cycleId) {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Map<AssessmentState, Integer>> counts = new HashMap<>();
        dsl.select(ASSESSMENT.COMMITTEE_ID, C.SHORT_NAME, ASSESSMENT.STATE, DSL.count())
                .from(ASSESSMENT).leftJoin(C).on(C.ID.eq(ASSESSMENT.COMMITTEE_ID))
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId))
                .groupBy(ASSESSMENT.COMMITTEE_ID, C.SHORT_NAME, ASSESSMENT.STATE)
                .orderBy(ASSESSMENT.COMMITTEE_ID)
                .forEach(r -> {
                    names.putIfAbsent(r.value1(), r.value2());
                    counts.computeIfAbsent(r.value1(), id -> new EnumMap<>(AssessmentState.class))
                            .put(AssessmentState.valueOf(r.value3()), r.value4());
                });
        List<CommitteeProgress> result = new ArrayList<>();
        names.forEach((id, name) -> result.add(new CommitteeProgress(id, name, counts.get(id))));
        return result;
    }

    private static Field<LocalDate> deadline() {
        return DSL.coalesce(ASSESSMENT.DEADLINE_EXTENDED_TO, ASSESSMENT_CYCLE.SELF_DEADLINE);
    }

    private static Condition pending(long cycleId, LocalDate today, boolean overdueOnly) {
        Condition condition = ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.STATE.in(PENDING_STATES));
        return overdueOnly ? condition.and(deadline().lt(today)) : condition;
    }

    int countPending(long cycleId, LocalDate today, boolean overdueOnly) {
        return dsl.selectCount().from(ASSESSMENT)
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .where(pending(cycleId, today, overdueOnly))
                .fetchSingle().value1();
    }

    /**
     * One page of the pending organisations, by committee then code. The page's ids are found first from the
     * index on (cycle, state, committee, organisation) and the organisations' codes, and only its rows are read
     * whole: sorting every pending row of a city (7,000 of 20,000) with all its columns took 30 ms a page.
     */
    List<PendingAssessment> pending(long cycleId, LocalDate today, boolean overdueOnly, int offset, int limit) {
        var page = DSL.select(ASSESSMENT.ID).from(ASSESSMENT)
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .join(O).on(O.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                .where(pending(cycleId, today, overdueOnly))
                .orderBy(ASSESSMENT.COMMITTEE_ID, O.CODE)
                .limit(limit).offset(offset)
                .asTable("page");
        Field<LocalDate> deadline = deadline();
        return dsl.select(ASSESSMENT.ID, O.ID, O.CODE, O.NAME, C.SHORT_NAME, ASSESSMENT.STATE, deadline,
                        ASSESSMENT.DEADLINE_EXTENDED_TO, ASSESSMENT.EXTENSION_REASON)
                .from(page)
                .join(ASSESSMENT).on(ASSESSMENT.ID.eq(page.field(ASSESSMENT.ID)))
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .join(O).on(O.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                .leftJoin(C).on(C.ID.eq(ASSESSMENT.COMMITTEE_ID))
                .orderBy(ASSESSMENT.COMMITTEE_ID, O.CODE)
                .fetch(r -> new PendingAssessment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        AssessmentState.valueOf(r.value6()), r.value7(), r.value8() != null, r.value9(),
                        r.value7().isBefore(today)));
    }

    boolean exists(long id) {
        return dsl.fetchExists(ASSESSMENT_CYCLE, ASSESSMENT_CYCLE.ID.eq(id));
    }

    // --- deadline extensions ---

    /** The cycle's assessments of these organisations: organisation id → (assessment id, state, extension). */
    Map<Long, AssessmentDeadline> assessmentsOf(long cycleId, Collection<Long> organizationIds) {
        Map<Long, AssessmentDeadline> result = new LinkedHashMap<>();
        dsl.select(ASSESSMENT.ORGANIZATION_ID, ASSESSMENT.ID, ASSESSMENT.STATE, ASSESSMENT.DEADLINE_EXTENDED_TO)
                .from(ASSESSMENT)
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.ORGANIZATION_ID.in(organizationIds)))
                .orderBy(ASSESSMENT.ORGANIZATION_ID)
                .forUpdate()
                .forEach(r -> result.put(r.value1(), new AssessmentDeadline(r.value2(), r.value1(),
                        AssessmentState.valueOf(r.value3()), r.value4())));
        return result;
    }

    int extend(long cycleId, Collection<Long> organizationIds, LocalDate to, String reason, LocalDateTime now) {
        return dsl.update(ASSESSMENT)
                .set(ASSESSMENT.DEADLINE_EXTENDED_TO, to)
                .set(ASSESSMENT.EXTENSION_REASON, reason)
                .set(ASSESSMENT.UPDATED_AT, now)
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.ORGANIZATION_ID.in(organizationIds)))
                .execute();
    }

    record AssessmentDeadline(long assessmentId, long organizationId, AssessmentState state, LocalDate extendedTo) {
    }
}

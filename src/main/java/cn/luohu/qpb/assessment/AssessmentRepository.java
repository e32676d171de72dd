package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.db.InLists;
import cn.luohu.qpb.base.db.RowGuards;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.ScoringMethod;
import cn.luohu.qpb.standard.StarBands;
import cn.luohu.qpb.organization.TreePathSql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record9;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_EVENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_SCORE_CHANGE;
import static cn.luohu.qpb.jooq.Tables.EVIDENCE_FILE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STANDARD_DIMENSION;
import static cn.luohu.qpb.jooq.Tables.STANDARD_INDICATOR;
import static cn.luohu.qpb.jooq.Tables.STANDARD_VERSION;

@Repository
class AssessmentRepository {

    private final DSLContext dsl;
    private final RowGuards guards;

    AssessmentRepository(DSLContext dsl, RowGuards guards) {
        this.dsl = dsl;
        this.guards = guards;
    }

    /**
     * Run before a secretary's entry is written: locks the assessment's cycle shared (a close on this node
     * waits for the entry, or the entry for the close) and then bumps the assessment's guard, which a close and
     * a move (a submit) write too (on another node only a common written row makes one of them fail). Returns
     * the assessment as committed now, once they are done: what the entry must still be allowed on.
     */
    AssessmentRef guardEntry(long assessmentId) {
        dsl.select(ASSESSMENT_CYCLE.ID).from(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.ID.eq(DSL.select(ASSESSMENT.CYCLE_ID).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId))))
                .forShare().execute();
        guards.bump(ASSESSMENT.GUARD_SEQ, ASSESSMENT.ID, assessmentId);
        return refOf(assessmentId).forShare().fetchSingle(AssessmentRepository::ref); // a locking read: the latest commit
    }

    /** Bumps the guard of every assessment of the cycle, in one statement (see {@link AssessmentGuards}). */
    void guardAllOf(long cycleId) {
        dsl.update(ASSESSMENT).set(ASSESSMENT.GUARD_SEQ, ASSESSMENT.GUARD_SEQ.plus(1)).where(ASSESSMENT.CYCLE_ID.eq(cycleId)).execute();
    }

    Optional<AssessmentRef> ref(long id) {
        return refOf(id).fetchOptional(AssessmentRepository::ref);
    }

    private SelectConditionStep<Record9<Long, Long, String, Long, Long, String, Integer, LocalDate, Integer>> refOf(long id) {
        return dsl.select(ASSESSMENT.ID, ASSESSMENT.CYCLE_ID, ASSESSMENT_CYCLE.STATUS, ASSESSMENT.ORGANIZATION_ID,
                        ASSESSMENT.STANDARD_ID, ASSESSMENT.STATE, ASSESSMENT.STAR_AT_OPEN,
                        DSL.coalesce(ASSESSMENT.DEADLINE_EXTENDED_TO, ASSESSMENT_CYCLE.SELF_DEADLINE), ASSESSMENT.ROW_VERSION)
                .from(ASSESSMENT).join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .where(ASSESSMENT.ID.eq(id));
    }

    private static AssessmentRef ref(Record9<Long, Long, String, Long, Long, String, Integer, LocalDate, Integer> r) {
        return new AssessmentRef(r.value1(), r.value2(), "OPEN".equals(r.value3()), r.value4(), r.value5(),
                AssessmentState.valueOf(r.value6()), r.value7(), r.value8(), r.value9());
    }

    /** The organisation's assessment in the newest open cycle. */
    Optional<Long> currentOf(long organizationId) {
        return dsl.select(ASSESSMENT.ID).from(ASSESSMENT).join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .where(ASSESSMENT.ORGANIZATION_ID.eq(organizationId).and(ASSESSMENT_CYCLE.STATUS.eq("OPEN")))
                .orderBy(ASSESSMENT_CYCLE.YEAR.desc()).limit(1)
                .fetchOptional(r -> r.value1());
    }

    List<AssessmentSummary> ofOrganization(long organizationId) {
        return dsl.select(ASSESSMENT.ID, ASSESSMENT_CYCLE.YEAR, ASSESSMENT_CYCLE.NAME, ASSESSMENT.STATE, ASSESSMENT.SELF_TOTAL,
                        ASSESSMENT.APPLIED_STAR, DSL.coalesce(ASSESSMENT.DEADLINE_EXTENDED_TO, ASSESSMENT_CYCLE.SELF_DEADLINE))
                .from(ASSESSMENT).join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .where(ASSESSMENT.ORGANIZATION_ID.eq(organizationId))
                .orderBy(ASSESSMENT_CYCLE.YEAR.desc())
                .fetch(r -> new AssessmentSummary(r.value1(), r.value2(), r.value3(), AssessmentState.valueOf(r.value4()),
                        r.value5(), r.value6(), r.value7()));
    }

    AssessmentSheet sheet(long id) {
        Record head = dsl.select(ASSESSMENT.ID, ASSESSMENT_CYCLE.YEAR, ASSESSMENT_CYCLE.NAME, ORGANIZATION.NAME, ASSESSMENT.STATE,
                        DSL.coalesce(ASSESSMENT.DEADLINE_EXTENDED_TO, ASSESSMENT_CYCLE.SELF_DEADLINE), ASSESSMENT.STAR_AT_OPEN,
                        ASSESSMENT.APPLIED_STAR, ASSESSMENT.DIRECT_GRADING, ASSESSMENT.DIRECT_GRADING_REASON,
                        STANDARD_VERSION.NAME, STANDARD_VERSION.BAND_1, STANDARD_VERSION.BAND_2, STANDARD_VERSION.BAND_3,
                        STANDARD_VERSION.BAND_4, STANDARD_VERSION.BAND_5, STANDARD_VERSION.BONUS_CAP, ASSESSMENT.ROW_VERSION)
                .from(ASSESSMENT)
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                .join(STANDARD_VERSION).on(STANDARD_VERSION.ID.eq(ASSESSMENT.STANDARD_ID))
                .where(ASSESSMENT.ID.eq(id)).fetchSingle();
        AssessmentHeader header = new AssessmentHeader(head.get(ASSESSMENT.ID), head.get(ASSESSMENT_CYCLE.YEAR),
                head.get(ASSESSMENT_CYCLE.NAME), head.get(ORGANIZATION.NAME), AssessmentState.valueOf(head.get(ASSESSMENT.STATE)),
                head.get(5, java.time.LocalDate.class), head.get(ASSESSMENT.STAR_AT_OPEN), head.get(ASSESSMENT.APPLIED_STAR),
                head.get(ASSESSMENT.DIRECT_GRADING), head.get(ASSESSMENT.DIRECT_GRADING_REASON), head.get(STANDARD_VERSION.NAME),
                new StarBands(Arrays.asList(head.get(STANDARD_VERSION.BAND_1), head.get(STANDARD_VERSION.BAND_2),
                        head.get(STANDARD_VERSION.BAND_3), head.get(STANDARD_VERSION.BAND_4), head.get(STANDARD_VERSION.BAND_5))),
                head.get(STANDARD_VERSION.BONUS_CAP), head.get(ASSESSMENT.ROW_VERSION));

        Map<Long, Integer> evidence = new HashMap<>();
        dsl.select(EVIDENCE_FILE.ITEM_ID, DSL.count()).from(EVIDENCE_FILE).where(EVIDENCE_FILE.ASSESSMENT_ID.eq(id))
                .groupBy(EVIDENCE_FILE.ITEM_ID).forEach(r -> evidence.put(r.value1(), r.value2()));
        Map<String, List<SheetItem>> byDimension = new LinkedHashMap<>();
        dsl.select(ASSESSMENT_ITEM.ID, ASSESSMENT_ITEM.MET, ASSESSMENT_ITEM.SCORE, ASSESSMENT_ITEM.OCCURRENCES,
                        ASSESSMENT_ITEM.EXPLANATION, ASSESSMENT_ITEM.ROW_VERSION, STANDARD_DIMENSION.NAME,
                        STANDARD_INDICATOR.asterisk())
                .from(ASSESSMENT_ITEM)
                .join(STANDARD_INDICATOR).on(STANDARD_INDICATOR.ID.eq(ASSESSMENT_ITEM.INDICATOR_ID))
                .join(STANDARD_DIMENSION).on(STANDARD_DIMENSION.ID.eq(STANDARD_INDICATOR.DIMENSION_ID))
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(id))
                .orderBy(STANDARD_DIMENSION.POSITION, STANDARD_DIMENSION.ID, STANDARD_INDICATOR.POSITION, STANDARD_INDICATOR.ID)
                .forEach(r -> byDimension.computeIfAbsent(r.get(STANDARD_DIMENSION.NAME), d -> new ArrayList<>())
                        .add(new SheetItem(r.get(ASSESSMENT_ITEM.ID), indicator(r), input(r.get(ASSESSMENT_ITEM.MET),
                                r.get(ASSESSMENT_ITEM.SCORE), r.get(ASSESSMENT_ITEM.OCCURRENCES)),
                                r.get(ASSESSMENT_ITEM.EXPLANATION), r.get(ASSESSMENT_ITEM.ROW_VERSION),
                                evidence.getOrDefault(r.get(ASSESSMENT_ITEM.ID), 0))));
        List<SheetDimension> dimensions = new ArrayList<>();
        byDimension.forEach((name, items) -> dimensions.add(new SheetDimension(name, items)));
        return new AssessmentSheet(header, dimensions);
    }

    /** An item with its assessment, indicator and both sides' entries, in one statement (a save's first). */
    Optional<ItemEntries> itemEntries(long itemId) {
        return itemEntries(ASSESSMENT_ITEM.ID.eq(itemId)).stream().findFirst();
    }

    /** These items with their entries, in one statement (what a save of many replaces). */
    List<ItemEntries> itemEntries(Collection<Long> itemIds) {
        return itemEntries(ASSESSMENT_ITEM.ID.in(itemIds));
    }

    private List<ItemEntries> itemEntries(Condition items) {
        return dsl.select(ASSESSMENT_ITEM.ID, ASSESSMENT_ITEM.ASSESSMENT_ID, ASSESSMENT_ITEM.MET, ASSESSMENT_ITEM.SCORE,
                        ASSESSMENT_ITEM.OCCURRENCES, ASSESSMENT_ITEM.ROW_VERSION, ASSESSMENT_ITEM.REVIEW_MET, ASSESSMENT_ITEM.REVIEW_SCORE,
                        ASSESSMENT_ITEM.REVIEW_OCCURRENCES, ASSESSMENT_ITEM.REVIEW_VERSION, STANDARD_INDICATOR.asterisk())
                .from(ASSESSMENT_ITEM)
                .join(STANDARD_INDICATOR).on(STANDARD_INDICATOR.ID.eq(ASSESSMENT_ITEM.INDICATOR_ID))
                .where(items)
                .fetch(r -> new ItemEntries(r.get(ASSESSMENT_ITEM.ID), r.get(ASSESSMENT_ITEM.ASSESSMENT_ID), indicator(r),
                        input(r.get(ASSESSMENT_ITEM.MET), r.get(ASSESSMENT_ITEM.SCORE), r.get(ASSESSMENT_ITEM.OCCURRENCES)),
                        r.get(ASSESSMENT_ITEM.ROW_VERSION),
                        input(r.get(ASSESSMENT_ITEM.REVIEW_MET), r.get(ASSESSMENT_ITEM.REVIEW_SCORE),
                                r.get(ASSESSMENT_ITEM.REVIEW_OCCURRENCES)),
                        r.get(ASSESSMENT_ITEM.REVIEW_VERSION)));
    }

    /** Saves an item if nobody saved it since {@code rowVersion}; false when someone did. */
    boolean saveItem(long itemId, IndicatorInput input, String explanation, int rowVersion, LocalDateTime now) {
        return dsl.update(ASSESSMENT_ITEM)
                .set(ASSESSMENT_ITEM.MET, input == null ? null : input.met())
                .set(ASSESSMENT_ITEM.SCORE, input == null ? null : input.score())
                .set(ASSESSMENT_ITEM.OCCURRENCES, input == null ? null : input.occurrences())
                .set(ASSESSMENT_ITEM.EXPLANATION, explanation)
                .set(ASSESSMENT_ITEM.ROW_VERSION, ASSESSMENT_ITEM.ROW_VERSION.plus(1))
                .set(ASSESSMENT_ITEM.UPDATED_AT, now)
                .where(ASSESSMENT_ITEM.ID.eq(itemId).and(ASSESSMENT_ITEM.ROW_VERSION.eq(rowVersion)))
                .execute() == 1;
    }

    /**
     * What a save of one item hands back (see {@link SavedItem}): the item's new version as the caller knows it,
     * with the assessment's version and the sum of its items' versions, read in one statement.
     */
    SavedItem savedItem(long assessmentId, int itemVersion) {
        Field<BigDecimal> itemsVersion = DSL.field(DSL.select(DSL.sum(ASSESSMENT_ITEM.ROW_VERSION)).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(ASSESSMENT.ID)));
        return dsl.select(ASSESSMENT.ROW_VERSION, itemsVersion).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId))
                .fetchSingle(r -> new SavedItem(itemVersion, r.value1(), r.value2().intValue()));
    }

    /** Moves the assessment if it is still in {@code from}; false when another move came first. */
    boolean move(long id, AssessmentState from, AssessmentState to, Long actorId, String comment, LocalDateTime now) {
        boolean moved = dsl.update(ASSESSMENT)
                .set(ASSESSMENT.STATE, to.name())
                .set(ASSESSMENT.ROW_VERSION, ASSESSMENT.ROW_VERSION.plus(1))
                .set(ASSESSMENT.UPDATED_AT, now)
                .where(ASSESSMENT.ID.eq(id).and(ASSESSMENT.STATE.eq(from.name())))
                // a cycle closed since the assessment was read takes the move no more
                .and(DSL.exists(DSL.selectOne().from(ASSESSMENT_CYCLE)
                        .where(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID)).and(ASSESSMENT_CYCLE.STATUS.eq("OPEN"))))
                .execute() == 1;
        if (moved) {
            dsl.insertInto(ASSESSMENT_EVENT)
                    .set(ASSESSMENT_EVENT.ASSESSMENT_ID, id).set(ASSESSMENT_EVENT.FROM_STATE, from.name())
                    .set(ASSESSMENT_EVENT.TO_STATE, to.name()).set(ASSESSMENT_EVENT.ACTOR_ID, actorId)
                    .set(ASSESSMENT_EVENT.COMMENT, comment).set(ASSESSMENT_EVENT.OCCURRED_AT, now)
                    .execute();
        }
        return moved;
    }

    /**
     * Moves those of {@code ids} that are still in {@code from}: locks them, updates them in one statement
     * and writes their timeline events in one more. Returns the ids that moved.
     */
    List<Long> moveAll(List<Long> ids, AssessmentState from, AssessmentState to, Long actorId, String comment, LocalDateTime now) {
        List<Long> moved = new ArrayList<>();
        for (List<Long> chunk : InLists.chunks(ids)) {
            List<Long> locked = dsl.select(ASSESSMENT.ID).from(ASSESSMENT)
                    .where(ASSESSMENT.ID.in(chunk).and(ASSESSMENT.STATE.eq(from.name())))
                    .forUpdate().fetch(ASSESSMENT.ID);
            if (locked.isEmpty()) {
                continue;
            }
            dsl.update(ASSESSMENT)
                    .set(ASSESSMENT.STATE, to.name())
                    .set(ASSESSMENT.ROW_VERSION, ASSESSMENT.ROW_VERSION.plus(1))
                    .set(ASSESSMENT.UPDATED_AT, now)
                    .where(ASSESSMENT.ID.in(locked)).execute();
            dsl.insertInto(ASSESSMENT_EVENT, ASSESSMENT_EVENT.ASSESSMENT_ID, ASSESSMENT_EVENT.FROM_STATE, ASSESSMENT_EVENT.TO_STATE,
                            ASSESSMENT_EVENT.ACTOR_ID, ASSESSMENT_EVENT.COMMENT, ASSESSMENT_EVENT.OCCURRED_AT)
                    .select(DSL.select(ASSESSMENT.ID, DSL.inline(from.name()), DSL.inline(to.name()), DSL.val(actorId, Long.class),
                                    DSL.val(comment, String.class), DSL.val(now, LocalDateTime.class))
                            .from(ASSESSMENT).where(ASSESSMENT.ID.in(locked)))
                    .execute();
            moved.addAll(locked);
        }
        return moved;
    }

    boolean saveApplication(long id, Integer appliedStar, boolean directGrading, String reason, int rowVersion, LocalDateTime now) {
        return dsl.update(ASSESSMENT)
                .set(ASSESSMENT.APPLIED_STAR, appliedStar)
                .set(ASSESSMENT.DIRECT_GRADING, directGrading)
                .set(ASSESSMENT.DIRECT_GRADING_REASON, directGrading ? reason : null)
                .set(ASSESSMENT.ROW_VERSION, ASSESSMENT.ROW_VERSION.plus(1))
                .set(ASSESSMENT.UPDATED_AT, now)
                .where(ASSESSMENT.ID.eq(id).and(ASSESSMENT.ROW_VERSION.eq(rowVersion)))
                .execute() == 1;
    }

    void recordSubmission(long id, BigDecimal selfTotal, LocalDateTime now) {
        dsl.update(ASSESSMENT).set(ASSESSMENT.SELF_TOTAL, selfTotal).set(ASSESSMENT.SUBMITTED_AT, now)
                .where(ASSESSMENT.ID.eq(id)).execute();
    }

    /** The review comments of an assessment's items that have one, by item id. */
    Map<Long, String> reviewComments(long assessmentId) {
        return dsl.select(ASSESSMENT_ITEM.ID, ASSESSMENT_ITEM.REVIEW_COMMENT).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId).and(ASSESSMENT_ITEM.REVIEW_COMMENT.ne("")))
                .fetchMap(ASSESSMENT_ITEM.ID, ASSESSMENT_ITEM.REVIEW_COMMENT);
    }

    List<TimelineEntry.Move> moves(long id) {
        return dsl.select(ASSESSMENT_EVENT.FROM_STATE, ASSESSMENT_EVENT.TO_STATE, APP_USER.DISPLAY_NAME, ASSESSMENT_EVENT.COMMENT,
                        ASSESSMENT_EVENT.OCCURRED_AT)
                .from(ASSESSMENT_EVENT).leftJoin(APP_USER).on(APP_USER.ID.eq(ASSESSMENT_EVENT.ACTOR_ID))
                .where(ASSESSMENT_EVENT.ASSESSMENT_ID.eq(id))
                .orderBy(ASSESSMENT_EVENT.OCCURRED_AT, ASSESSMENT_EVENT.ID)
                .fetch(r -> new TimelineEntry.Move(r.value1() == null ? null : AssessmentState.valueOf(r.value1()),
                        AssessmentState.valueOf(r.value2()), r.value3(), r.value4(), r.value5()));
    }

    /** Writes these changes of points on one side, by one actor, in one statement. */
    void recordScoreChanges(List<ScoreChanges.PointsChange> changes, ScoreSide side, long actorId, LocalDateTime now) {
        var insert = dsl.insertInto(ASSESSMENT_SCORE_CHANGE, ASSESSMENT_SCORE_CHANGE.ASSESSMENT_ID, ASSESSMENT_SCORE_CHANGE.ITEM_ID,
                ASSESSMENT_SCORE_CHANGE.SIDE, ASSESSMENT_SCORE_CHANGE.POINTS_BEFORE, ASSESSMENT_SCORE_CHANGE.POINTS_AFTER,
                ASSESSMENT_SCORE_CHANGE.ACTOR_ID, ASSESSMENT_SCORE_CHANGE.CHANGED_AT);
        for (ScoreChanges.PointsChange change : changes) {
            insert = insert.values(change.assessmentId(), change.itemId(), side.name(), change.before(), change.after(), actorId, now);
        }
        insert.execute();
    }

    List<ScoreChangeRow> scoreChanges(long id) {
        return dsl.select(ASSESSMENT_SCORE_CHANGE.ITEM_ID, STANDARD_INDICATOR.CODE, STANDARD_INDICATOR.TITLE,
                        ASSESSMENT_SCORE_CHANGE.SIDE, ASSESSMENT_SCORE_CHANGE.POINTS_BEFORE, ASSESSMENT_SCORE_CHANGE.POINTS_AFTER,
                        ASSESSMENT_SCORE_CHANGE.ACTOR_ID, APP_USER.DISPLAY_NAME, ASSESSMENT_SCORE_CHANGE.CHANGED_AT)
                .from(ASSESSMENT_SCORE_CHANGE)
                .join(ASSESSMENT_ITEM).on(ASSESSMENT_ITEM.ID.eq(ASSESSMENT_SCORE_CHANGE.ITEM_ID))
                .join(STANDARD_INDICATOR).on(STANDARD_INDICATOR.ID.eq(ASSESSMENT_ITEM.INDICATOR_ID))
                .join(APP_USER).on(APP_USER.ID.eq(ASSESSMENT_SCORE_CHANGE.ACTOR_ID))
                .where(ASSESSMENT_SCORE_CHANGE.ASSESSMENT_ID.eq(id))
                .orderBy(ASSESSMENT_SCORE_CHANGE.CHANGED_AT, ASSESSMENT_SCORE_CHANGE.ID)
                .fetch(r -> new ScoreChangeRow(r.value1(), r.value2(), r.value3(), ScoreSide.valueOf(r.value4()), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9()));
    }

    private static IndicatorInput input(Boolean met, BigDecimal score, Integer occurrences) {
        return met == null && score == null && occurrences == null ? null : new IndicatorInput(met, score, occurrences);
    }

    private static IndicatorDefinition indicator(Record r) {
        return new IndicatorDefinition(r.get(STANDARD_INDICATOR.CODE), r.get(STANDARD_INDICATOR.TITLE),
                r.get(STANDARD_INDICATOR.GUIDANCE), r.get(STANDARD_INDICATOR.QUALITY_STANDARD),
                ScoringMethod.valueOf(r.get(STANDARD_INDICATOR.METHOD)), r.get(STANDARD_INDICATOR.MAX_SCORE),
                r.get(STANDARD_INDICATOR.STEP), r.get(STANDARD_INDICATOR.DEDUCTION), r.get(STANDARD_INDICATOR.EVIDENCE_REQUIRED),
                r.get(STANDARD_INDICATOR.EVIDENCE_HINT), r.get(STANDARD_INDICATOR.VETO), r.get(STANDARD_INDICATOR.VETO_STAR_CAP),
                r.get(STANDARD_INDICATOR.BONUS));
    }

    /** Sets the committee of the subtree's assessments in cycles not closed to the one their path names now. */
    int followTree(String subtreePath) {
        return dsl.update(ASSESSMENT)
                .set(ASSESSMENT.COMMITTEE_ID, DSL.select(TreePathSql.committeeIdOf(ORGANIZATION.PATH)).from(ORGANIZATION)
                        .where(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID)))
                .where(ASSESSMENT.ORGANIZATION_ID.in(DSL.select(ORGANIZATION.ID).from(ORGANIZATION)
                        .where(ORGANIZATION.PATH.startsWith(subtreePath))))
                .and(ASSESSMENT.CYCLE_ID.in(DSL.select(ASSESSMENT_CYCLE.ID).from(ASSESSMENT_CYCLE)
                        .where(ASSESSMENT_CYCLE.STATUS.ne("CLOSED"))))
                .execute();
    }
}

package cn.luohu.qpb.notice;

import cn.luohu.qpb.base.db.InLists;
import cn.luohu.qpb.base.db.RowGuards;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.StarChangeKind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.SelectConditionStep;
import org.jooq.SelectJoinStep;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.NOTICE_BATCH;
import static cn.luohu.qpb.jooq.Tables.OBJECTION;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static cn.luohu.qpb.jooq.Tables.STAR_HISTORY;

/** The public notice's queries: batches, their rows, objections, and making results final. */
@Repository
class NoticeRepository {

    private static final cn.luohu.qpb.jooq.tables.Organization COMMITTEE = ORGANIZATION.as("committee");
    private static final cn.luohu.qpb.jooq.tables.AppUser DECIDER = APP_USER.as("decider");
    /** Rows fetched at a time when a whole list is streamed into an export. */
    private static final int STREAM_FETCH_SIZE = 1000;

    private final DSLContext dsl;
    private final RowGuards guards;

    NoticeRepository(DSLContext dsl, RowGuards guards) {
        this.dsl = dsl;
        this.guards = guards;
    }

    List<Long> approvedIds(long cycleId) {
        return dsl.select(ASSESSMENT.ID).from(ASSESSMENT)
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.STATE.eq(AssessmentState.APPROVED.name())))
                .orderBy(ASSESSMENT.ID).fetch(ASSESSMENT.ID);
    }

    int countApproved(long cycleId) {
        return dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.STATE.eq(AssessmentState.APPROVED.name())));
    }

    /** A cycle as publishing needs it: whether it is open, and its notice length in days. */
    record CycleNotice(boolean open, int noticeDays) {
    }

    /** Locks the cycle row (on every node of a cluster: the bump is a write); empty when there is no such cycle. */
    Optional<CycleNotice> lockCycle(long cycleId) {
        guards.bump(ASSESSMENT_CYCLE.GUARD_SEQ, ASSESSMENT_CYCLE.ID, cycleId);
        return dsl.select(ASSESSMENT_CYCLE.STATUS, ASSESSMENT_CYCLE.NOTICE_DAYS).from(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.ID.eq(cycleId)).forUpdate()
                .fetchOptional(r -> new CycleNotice("OPEN".equals(r.value1()), r.value2()));
    }

    long insertBatch(long cycleId, LocalDate startsOn, LocalDate endsOn, long publishedBy, LocalDateTime now) {
        return dsl.insertInto(NOTICE_BATCH).set(NOTICE_BATCH.CYCLE_ID, cycleId).set(NOTICE_BATCH.STARTS_ON, startsOn)
                .set(NOTICE_BATCH.ENDS_ON, endsOn).set(NOTICE_BATCH.PUBLISHED_BY, publishedBy).set(NOTICE_BATCH.PUBLISHED_AT, now)
                .returning(NOTICE_BATCH.ID).fetchSingle().getId();
    }

    void attach(List<Long> assessmentIds, long batchId) {
        for (List<Long> chunk : InLists.chunks(assessmentIds)) {
            dsl.update(ASSESSMENT).set(ASSESSMENT.NOTICE_BATCH_ID, batchId).where(ASSESSMENT.ID.in(chunk)).execute();
        }
    }

    List<NoticeBatch> batches(int offset, int limit) {
        return batchQuery(DSL.trueCondition()).orderBy(NOTICE_BATCH.PUBLISHED_AT.desc(), NOTICE_BATCH.ID.desc())
                .offset(offset).limit(limit).fetch(NoticeRepository::batch);
    }

    int countBatches() {
        return dsl.fetchCount(NOTICE_BATCH);
    }

    Optional<NoticeBatch> batch(long id) {
        return batchQuery(NOTICE_BATCH.ID.eq(id)).fetchOptional(NoticeRepository::batch);
    }

    private org.jooq.SelectConditionStep<? extends Record> batchQuery(Condition condition) {
        Field<Integer> size = DSL.field(DSL.selectCount().from(ASSESSMENT).where(listed(NOTICE_BATCH.ID)));
        return dsl.select(NOTICE_BATCH.ID, NOTICE_BATCH.CYCLE_ID, ASSESSMENT_CYCLE.YEAR, ASSESSMENT_CYCLE.NAME, NOTICE_BATCH.STARTS_ON,
                        NOTICE_BATCH.ENDS_ON, size.as("size"), NOTICE_BATCH.PUBLISHED_AT, APP_USER.DISPLAY_NAME, NOTICE_BATCH.FINALIZED_AT)
                .from(NOTICE_BATCH)
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(NOTICE_BATCH.CYCLE_ID))
                .join(APP_USER).on(APP_USER.ID.eq(NOTICE_BATCH.PUBLISHED_BY))
                .where(condition);
    }

    private static NoticeBatch batch(Record r) {
        return new NoticeBatch(r.get(NOTICE_BATCH.ID), r.get(NOTICE_BATCH.CYCLE_ID), r.get(ASSESSMENT_CYCLE.YEAR),
                r.get(ASSESSMENT_CYCLE.NAME), r.get(NOTICE_BATCH.STARTS_ON), r.get(NOTICE_BATCH.ENDS_ON), r.get("size", Integer.class),
                r.get(NOTICE_BATCH.PUBLISHED_AT), r.get(APP_USER.DISPLAY_NAME), r.get(NOTICE_BATCH.FINALIZED_AT));
    }

    List<NoticeRow> rows(long batchId, int offset, int limit) {
        return rowQuery(dsl.select(rowFields()), batchId).orderBy(COMMITTEE.NAME, ORGANIZATION.CODE)
                .offset(offset).limit(limit).fetch(NoticeRepository::row);
    }

    int countRows(long batchId) {
        return dsl.fetchCount(ASSESSMENT, listed(DSL.val(batchId)));
    }

    /**
     * The results a batch lists: those published in it that are still in notice or final. One reopened by
     * an upheld objection is withdrawn from it (its decision is made again, and published anew).
     */
    private static Condition listed(Field<Long> batchId) {
        return ASSESSMENT.NOTICE_BATCH_ID.eq(batchId)
                .and(ASSESSMENT.STATE.in(AssessmentState.IN_NOTICE.name(), AssessmentState.FINAL.name()));
    }

    /** The whole list in order, streamed from the database a chunk at a time; close the stream. */
    Stream<NoticeRow> streamRows(long batchId) {
        return rowQuery(dsl.select(rowFields()), batchId).orderBy(COMMITTEE.NAME, ORGANIZATION.CODE)
                .fetchSize(STREAM_FETCH_SIZE).fetchStream().map(NoticeRepository::row);
    }

    private static List<Field<?>> rowFields() {
        Field<Integer> open = DSL.field(DSL.selectCount().from(OBJECTION)
                .where(OBJECTION.ASSESSMENT_ID.eq(ASSESSMENT.ID).and(OBJECTION.STATUS.eq(ObjectionStatus.OPEN.name()))));
        return List.of(ASSESSMENT.ID, ORGANIZATION.CODE, ORGANIZATION.NAME, COMMITTEE.NAME, ORGANIZATION.CATEGORY,
                ASSESSMENT.STAR_AT_OPEN, ASSESSMENT.APPROVED_STAR, open.as("open_objections"));
    }

    private static <R extends Record> org.jooq.SelectConditionStep<R> rowQuery(SelectSelectStep<R> select, long batchId) {
        return select.from(ASSESSMENT)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                .leftJoin(COMMITTEE).on(COMMITTEE.ID.eq(ASSESSMENT.COMMITTEE_ID))
                .where(listed(DSL.val(batchId)));
    }

    private static NoticeRow row(Record r) {
        return new NoticeRow(r.get(ASSESSMENT.ID), r.get(ORGANIZATION.CODE), r.get(ORGANIZATION.NAME), r.get(COMMITTEE.NAME),
                r.get(ORGANIZATION.CATEGORY) == null ? null : Category.valueOf(r.get(ORGANIZATION.CATEGORY)),
                r.get(ASSESSMENT.STAR_AT_OPEN), r.get(ASSESSMENT.APPROVED_STAR) == null ? 0 : r.get(ASSESSMENT.APPROVED_STAR),
                r.get("open_objections", Integer.class));
    }

    /** The assessment and its notice, unlocked: the check before {@link #lockNoticed}, so a forged id locks nothing. */
    Optional<NoticedAssessment> noticed(long assessmentId) {
        return noticedQuery(assessmentId).fetchOptional(NoticeRepository::noticedAssessment);
    }

    /**
     * An assessment published in a notice, with its state and its batch's period, its row locked so that an
     * objection and the end of the notice (or an uphold) come one after the other; empty when never published.
     */
    Optional<NoticedAssessment> lockNoticed(long assessmentId) {
        guards.bump(ASSESSMENT.GUARD_SEQ, ASSESSMENT.ID, assessmentId); // an objection writes no row the finaliser moves
        return noticedQuery(assessmentId).forUpdate().fetchOptional(NoticeRepository::noticedAssessment);
    }

    private SelectConditionStep<Record5<Long, String, Long, LocalDate, LocalDate>> noticedQuery(long assessmentId) {
        return dsl.select(ASSESSMENT.ID, ASSESSMENT.STATE, NOTICE_BATCH.ID, NOTICE_BATCH.STARTS_ON, NOTICE_BATCH.ENDS_ON)
                .from(ASSESSMENT).join(NOTICE_BATCH).on(NOTICE_BATCH.ID.eq(ASSESSMENT.NOTICE_BATCH_ID))
                .where(ASSESSMENT.ID.eq(assessmentId));
    }

    private static NoticedAssessment noticedAssessment(Record5<Long, String, Long, LocalDate, LocalDate> r) {
        return new NoticedAssessment(r.value1(), AssessmentState.valueOf(r.value2()), r.value3(), r.value4(), r.value5());
    }

    record NoticedAssessment(long id, AssessmentState state, long batchId, LocalDate startsOn, LocalDate endsOn) {
    }

    boolean hasOpenObjectionBy(long assessmentId, long userId) {
        return dsl.fetchExists(OBJECTION, OBJECTION.ASSESSMENT_ID.eq(assessmentId).and(OBJECTION.LODGED_BY.eq(userId))
                .and(OBJECTION.STATUS.eq(ObjectionStatus.OPEN.name())));
    }

    long insertObjection(long assessmentId, long batchId, long userId, String reason, LocalDateTime now) {
        return dsl.insertInto(OBJECTION).set(OBJECTION.ASSESSMENT_ID, assessmentId).set(OBJECTION.NOTICE_BATCH_ID, batchId)
                .set(OBJECTION.LODGED_BY, userId).set(OBJECTION.REASON, reason).set(OBJECTION.LODGED_AT, now)
                .returning(OBJECTION.ID).fetchSingle().getId();
    }

    List<Objection> objections(ObjectionStatus status, int offset, int limit) {
        return objectionQuery(status == null ? DSL.trueCondition() : OBJECTION.STATUS.eq(status.name()))
                .orderBy(OBJECTION.LODGED_AT.asc(), OBJECTION.ID.asc()).offset(offset).limit(limit)
                .fetch(NoticeRepository::objection);
    }

    int countObjections(ObjectionStatus status) {
        return dsl.fetchCount(OBJECTION, status == null ? DSL.trueCondition() : OBJECTION.STATUS.eq(status.name()));
    }

    Optional<Objection> objection(long id) {
        return objectionQuery(OBJECTION.ID.eq(id)).fetchOptional(NoticeRepository::objection);
    }

    private org.jooq.SelectConditionStep<? extends Record> objectionQuery(Condition condition) {
        return dsl.select(OBJECTION.ID, OBJECTION.ASSESSMENT_ID, OBJECTION.NOTICE_BATCH_ID, ORGANIZATION.NAME, COMMITTEE.NAME,
                        ASSESSMENT.STAR_AT_OPEN, ASSESSMENT.APPROVED_STAR, APP_USER.DISPLAY_NAME, OBJECTION.REASON, OBJECTION.LODGED_AT,
                        OBJECTION.STATUS, DECIDER.DISPLAY_NAME, OBJECTION.DECIDED_AT, OBJECTION.DECISION_REASON)
                .from(OBJECTION)
                .join(ASSESSMENT).on(ASSESSMENT.ID.eq(OBJECTION.ASSESSMENT_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                .leftJoin(COMMITTEE).on(COMMITTEE.ID.eq(ASSESSMENT.COMMITTEE_ID))
                .join(APP_USER).on(APP_USER.ID.eq(OBJECTION.LODGED_BY))
                .leftJoin(DECIDER).on(DECIDER.ID.eq(OBJECTION.DECIDED_BY))
                .where(condition);
    }

    private static Objection objection(Record r) {
        return new Objection(r.get(OBJECTION.ID), r.get(OBJECTION.ASSESSMENT_ID), r.get(OBJECTION.NOTICE_BATCH_ID),
                r.get(ORGANIZATION.NAME), r.get(COMMITTEE.NAME), r.get(ASSESSMENT.STAR_AT_OPEN),
                r.get(ASSESSMENT.APPROVED_STAR) == null ? 0 : r.get(ASSESSMENT.APPROVED_STAR), r.get(APP_USER.DISPLAY_NAME),
                r.get(OBJECTION.REASON), r.get(OBJECTION.LODGED_AT), ObjectionStatus.valueOf(r.get(OBJECTION.STATUS)),
                r.get(DECIDER.DISPLAY_NAME), r.get(OBJECTION.DECIDED_AT), r.get(OBJECTION.DECISION_REASON));
    }

    /**
     * Decides the open objections matched, if still open; returns how many were decided (0: someone decided
     * first). Upholding one settles every open objection against the same result, as it is reopened.
     */
    int decide(Condition which, ObjectionStatus status, long deciderId, String reason, LocalDateTime now) {
        return dsl.update(OBJECTION).set(OBJECTION.STATUS, status.name()).set(OBJECTION.DECIDED_BY, deciderId)
                .set(OBJECTION.DECIDED_AT, now).set(OBJECTION.DECISION_REASON, reason)
                .where(which.and(OBJECTION.STATUS.eq(ObjectionStatus.OPEN.name()))).execute();
    }

    static Condition objectionId(long id) {
        return OBJECTION.ID.eq(id);
    }

    static Condition objectionsAgainst(long assessmentId) {
        return OBJECTION.ASSESSMENT_ID.eq(assessmentId);
    }

    /** Batches whose period ended before {@code today} with results still to make final. */
    List<Long> dueBatches(LocalDate today) {
        return dsl.select(NOTICE_BATCH.ID).from(NOTICE_BATCH)
                .where(NOTICE_BATCH.FINALIZED_AT.isNull().and(NOTICE_BATCH.ENDS_ON.lt(today)))
                .orderBy(NOTICE_BATCH.ID).fetch(NOTICE_BATCH.ID);
    }

    /** The results of a batch still in notice with no open objection, locked (objections lock them too). */
    List<Long> finalizable(long batchId) {
        return dsl.select(ASSESSMENT.ID).from(ASSESSMENT)
                .where(ASSESSMENT.NOTICE_BATCH_ID.eq(batchId).and(ASSESSMENT.STATE.eq(AssessmentState.IN_NOTICE.name())))
                .andNotExists(DSL.selectOne().from(OBJECTION).where(OBJECTION.ASSESSMENT_ID.eq(ASSESSMENT.ID)
                        .and(OBJECTION.STATUS.eq(ObjectionStatus.OPEN.name()))))
                .orderBy(ASSESSMENT.ID).forUpdate().fetch(ASSESSMENT.ID);
    }

    /**
     * Makes the approved stars of these (just made FINAL) assessments take effect: a history row from the
     * organisation's star to the approved one (promotion, demotion or no change), then the star itself.
     */
    void applyStars(List<Long> assessmentIds, LocalDateTime now, LocalDate today) {
        // StarChangeKind.between, in SQL: from the star the organisation holds to the approved one
        Field<String> kind = DSL.when(ASSESSMENT.APPROVED_STAR.gt(ORGANIZATION.CURRENT_STAR), DSL.inline(StarChangeKind.PROMOTION.name()))
                .when(ASSESSMENT.APPROVED_STAR.lt(ORGANIZATION.CURRENT_STAR), DSL.inline(StarChangeKind.DEMOTION.name()))
                .otherwise(DSL.inline(StarChangeKind.UNCHANGED.name()));
        for (List<Long> chunk : InLists.chunks(assessmentIds)) {
            dsl.insertInto(STAR_HISTORY, STAR_HISTORY.ORGANIZATION_ID, STAR_HISTORY.FROM_STAR, STAR_HISTORY.TO_STAR,
                            STAR_HISTORY.CHANGE_KIND, STAR_HISTORY.REASON, STAR_HISTORY.CHANGED_BY, STAR_HISTORY.CHANGED_AT)
                    .select(DSL.select(ORGANIZATION.ID, ORGANIZATION.CURRENT_STAR, ASSESSMENT.APPROVED_STAR, kind,
                                    ASSESSMENT_CYCLE.NAME, DSL.inline((Long) null),
                                    DSL.val(now, LocalDateTime.class))
                            .from(ASSESSMENT)
                            .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                            .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                            .where(ASSESSMENT.ID.in(chunk)))
                    .execute();
            dsl.update(ORGANIZATION.join(ASSESSMENT).on(ASSESSMENT.ORGANIZATION_ID.eq(ORGANIZATION.ID)))
                    .set(ORGANIZATION.CURRENT_STAR, ASSESSMENT.APPROVED_STAR)
                    .set(ORGANIZATION.STAR_EFFECTIVE_DATE, today)
                    .set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
                    .set(ASSESSMENT.FINAL_AT, now)
                    .where(ASSESSMENT.ID.in(chunk))
                    .execute();
        }
    }

    /** Marks the batch finalised once none of its results is still in notice. */
    void finalizeIfDone(long batchId, LocalDateTime now) {
        dsl.update(NOTICE_BATCH).set(NOTICE_BATCH.FINALIZED_AT, now)
                .where(NOTICE_BATCH.ID.eq(batchId).and(NOTICE_BATCH.FINALIZED_AT.isNull()))
                .andNotExists(DSL.selectOne().from(ASSESSMENT).where(ASSESSMENT.NOTICE_BATCH_ID.eq(batchId)
                        .and(ASSESSMENT.STATE.eq(AssessmentState.IN_NOTICE.name()))))
                .execute();
    }

}

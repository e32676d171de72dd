package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.db.RowGuards;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.EVIDENCE_FILE;

/**
 * Evidence files, kept in the database as LONGBLOBs rather than in a folder: one backup holds the
 * assessments and their evidence together, and the only way to a file's bytes is through the service,
 * which asks {@link AssessmentAccess} first (nothing served statically, no path to guess or traverse).
 * Lists never read the bytes.
 */
@Repository
class EvidenceRepository {

    private final DSLContext dsl;
    private final RowGuards guards;

    EvidenceRepository(DSLContext dsl, RowGuards guards) {
        this.dsl = dsl;
        this.guards = guards;
    }

    /** The assessment an item belongs to. */
    Optional<Long> assessmentOfItem(long itemId) {
        return dsl.select(ASSESSMENT_ITEM.ASSESSMENT_ID).from(ASSESSMENT_ITEM).where(ASSESSMENT_ITEM.ID.eq(itemId))
                .fetchOptional(r -> r.value1());
    }

    Optional<Long> assessmentOfFile(long fileId) {
        return dsl.select(EVIDENCE_FILE.ASSESSMENT_ID).from(EVIDENCE_FILE).where(EVIDENCE_FILE.ID.eq(fileId))
                .fetchOptional(r -> r.value1());
    }

    /**
     * The assessment an item belongs to, locked with the item until the transaction ends. Run in an upload's
     * read-committed transaction (after its scope check on an unlocked read), it makes a move of the assessment (an update of its row, e.g. submitting it)
     * wait for the upload, and lets the upload see any move committed before it: a file cannot slip into an
     * assessment that was submitted while it was being checked. Locked for update, not shared: the upload
     * may start the assessment (an update of its row), and two uploads holding a shared lock would deadlock
     * upgrading it. The assessment's guard is bumped too: on a cluster only a write makes a move on another
     * node conflict with the upload.
     */
    Optional<Long> lockAssessmentOfItem(long itemId) {
        return guarded(dsl.select(ASSESSMENT.ID).from(ASSESSMENT_ITEM).join(ASSESSMENT).on(ASSESSMENT.ID.eq(ASSESSMENT_ITEM.ASSESSMENT_ID))
                .where(ASSESSMENT_ITEM.ID.eq(itemId)).forUpdate().fetchOptional(r -> r.value1()));
    }

    /** The assessment a file belongs to, locked with the file until the transaction ends (as for an upload). */
    Optional<Long> lockAssessmentOfFile(long fileId) {
        return guarded(dsl.select(ASSESSMENT.ID).from(EVIDENCE_FILE).join(ASSESSMENT).on(ASSESSMENT.ID.eq(EVIDENCE_FILE.ASSESSMENT_ID))
                .where(EVIDENCE_FILE.ID.eq(fileId)).forUpdate().fetchOptional(r -> r.value1()));
    }

    private Optional<Long> guarded(Optional<Long> assessmentId) {
        assessmentId.ifPresent(id -> guards.bump(ASSESSMENT.GUARD_SEQ, ASSESSMENT.ID, id));
        return assessmentId;
    }

    Optional<EvidenceFile> find(long fileId) {
        return summaries(EVIDENCE_FILE.ID.eq(fileId)).stream().findFirst();
    }

    List<EvidenceFile> byItem(long itemId) {
        return summaries(EVIDENCE_FILE.ITEM_ID.eq(itemId));
    }

    List<EvidenceFile> byAssessment(long assessmentId) {
        return summaries(EVIDENCE_FILE.ASSESSMENT_ID.eq(assessmentId));
    }

    Optional<byte[]> content(long fileId) {
        return dsl.select(EVIDENCE_FILE.CONTENT).from(EVIDENCE_FILE).where(EVIDENCE_FILE.ID.eq(fileId))
                .fetchOptional(r -> r.value1());
    }

    long insert(long assessmentId, long itemId, String fileName, EvidenceType type, byte[] content, String sha256,
                long uploadedBy, LocalDateTime uploadedAt) {
        return dsl.insertInto(EVIDENCE_FILE)
                .set(EVIDENCE_FILE.ASSESSMENT_ID, assessmentId)
                .set(EVIDENCE_FILE.ITEM_ID, itemId)
                .set(EVIDENCE_FILE.FILE_NAME, fileName)
                .set(EVIDENCE_FILE.CONTENT_TYPE, type.contentType())
                .set(EVIDENCE_FILE.SIZE_BYTES, (long) content.length)
                .set(EVIDENCE_FILE.SHA256, sha256)
                .set(EVIDENCE_FILE.CONTENT, content)
                .set(EVIDENCE_FILE.UPLOADED_BY, uploadedBy)
                .set(EVIDENCE_FILE.UPLOADED_AT, uploadedAt)
                .returningResult(EVIDENCE_FILE.ID).fetchSingle().value1();
    }

    void delete(long fileId) {
        dsl.deleteFrom(EVIDENCE_FILE).where(EVIDENCE_FILE.ID.eq(fileId)).execute();
    }

    private List<EvidenceFile> summaries(Condition condition) {
        return dsl.select(EVIDENCE_FILE.ID, EVIDENCE_FILE.ASSESSMENT_ID, EVIDENCE_FILE.ITEM_ID, EVIDENCE_FILE.FILE_NAME,
                        EVIDENCE_FILE.CONTENT_TYPE, EVIDENCE_FILE.SIZE_BYTES, EVIDENCE_FILE.SHA256,
                        APP_USER.DISPLAY_NAME, EVIDENCE_FILE.UPLOADED_AT)
                .from(EVIDENCE_FILE).join(APP_USER).on(APP_USER.ID.eq(EVIDENCE_FILE.UPLOADED_BY))
                .where(condition)
                .orderBy(EVIDENCE_FILE.UPLOADED_AT, EVIDENCE_FILE.ID)
                .fetch(EvidenceRepository::summary);
    }

    private static EvidenceFile summary(Record r) {
        return new EvidenceFile(r.get(EVIDENCE_FILE.ID), r.get(EVIDENCE_FILE.ASSESSMENT_ID), r.get(EVIDENCE_FILE.ITEM_ID),
                r.get(EVIDENCE_FILE.FILE_NAME),
                EvidenceType.ofContentType(r.get(EVIDENCE_FILE.CONTENT_TYPE)).orElseThrow(),
                r.get(EVIDENCE_FILE.SIZE_BYTES), r.get(EVIDENCE_FILE.SHA256), r.get(APP_USER.DISPLAY_NAME),
                r.get(EVIDENCE_FILE.UPLOADED_AT));
    }
}

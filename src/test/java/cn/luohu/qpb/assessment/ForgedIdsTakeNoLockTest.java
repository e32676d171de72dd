package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.notice.NoticeService;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.EVIDENCE_FILE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forged id (another organisation's item, file or assessment) is refused on an unlocked read: the caller
 * never waits for, nor takes, the lock of a row she may not see, and its guard is not written.
 */
class ForgedIdsTakeNoLockTest extends IntegrationTest {

    @Autowired
    private EvidenceService evidence;
    @Autowired
    private NoticeService notices;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private DataSource dataSource;

    private long assessment;
    private long item;
    private String stranger;

    @BeforeEach
    void anotherOrganisationsAssessment() {
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("伪造编号党工委");
        long owner = data.branch(committee, "伪造编号支部");
        assessment = fixtures.assessment(owner, AssessmentState.DRAFT);
        item = fixtures.item(assessment);
        fixtures.evidence(assessment, item, data.userId(data.user(owner, Role.SECRETARY)));
        stranger = data.user(data.branch(committee, "邻居支部"), Role.SECRETARY);
    }

    @Test
    void anUploadToAForgedItemIsNotFoundWithoutALock() throws Exception {
        Throwable refusal = refusedWhileTheRowIsLocked(() -> evidence.upload(item, "伪造.pdf", EvidenceSamples.pdf()));
        assertInstanceOf(NotFoundException.class, refusal);
    }

    @Test
    void deletingAForgedFileIsNotFoundWithoutALock() throws Exception {
        long file = dsl.select(EVIDENCE_FILE.ID).from(EVIDENCE_FILE).where(EVIDENCE_FILE.ASSESSMENT_ID.eq(assessment)).fetchSingle().value1();
        Throwable refusal = refusedWhileTheRowIsLocked(() -> {
            evidence.delete(file);
            return null;
        });
        assertInstanceOf(NotFoundException.class, refusal);
    }

    @Test
    void anObjectionToAResultNotInNoticeIsRefusedWithoutALock() throws Exception {
        Throwable refusal = refusedWhileTheRowIsLocked(() -> notices.lodgeObjection(assessment, "伪造的异议"));
        assertEquals("notice.error.not-open-for-objections", assertInstanceOf(PortalException.class, refusal).messageKey());
    }

    /** Calls as the stranger while another transaction holds the assessment's row; the call must not wait. */
    private Throwable refusedWhileTheRowIsLocked(Supplier<?> call) throws Exception {
        long guard = guardSeq();
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement("SELECT id FROM assessment WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, assessment);
                lock.execute();
            }
            CompletableFuture<?> forged = inThreadAs(stranger, call);
            await().atMost(Duration.ofSeconds(30)).until(() -> forged.isDone() || TestDatabase.get().lockWaits() >= 1);
            assertTrue(forged.isDone(), "the forged call did not wait for the assessment's lock");
            held.rollback();
            ExecutionException refused = assertThrows(ExecutionException.class, () -> forged.get(30, TimeUnit.SECONDS));
            assertEquals(guard, guardSeq());
            return refused.getCause();
        }
    }

    private long guardSeq() {
        return dsl.select(ASSESSMENT.GUARD_SEQ).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessment)).fetchSingle().value1();
    }
}

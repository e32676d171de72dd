package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Closing a cycle against a secretary's entry or submit in flight, through the real services, two threads
 * and a transaction held open by the test: the close waits for them (on a cluster it would fail
 * certification instead) and never leaves an entry or a submitted assessment in a closed cycle; nor does an
 * entry land in an assessment submitted while it waited.
 */
class CycleCloseRaceTest extends IntegrationTest {

    @Autowired
    private AssessmentService assessments;
    @Autowired
    private CycleService cycles;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private DataSource dataSource;

    @Test
    void aCloseWaitsForAnEntryInFlightSoTheEntryNeverLandsInAClosedCycle() throws Exception {
        long committee = data.committee("关闭竞争党工委");
        long branch = data.branch(committee, "关闭竞争支部");
        String secretary = data.user(branch, Role.SECRETARY);
        String approver = data.user(data.districtId(), Role.APPROVER);
        long assessment = new AssessmentFixtures(dsl).openAssessment(branch, 1);
        long cycle = cycleOf(assessment);
        var item = dsl.select(ASSESSMENT_ITEM.ID, ASSESSMENT_ITEM.ROW_VERSION).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessment)).orderBy(ASSESSMENT_ITEM.ID).limit(1).fetchSingle();

        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            // the entry has checked the cycle is open and now waits to write its item
            execute(held, "SELECT id FROM assessment_item WHERE id = ? FOR UPDATE", item.value1());
            CompletableFuture<SavedItem> entry = inThreadAs(secretary,
                    () -> assessments.saveItem(item.value1(), null, "关闭前的说明", item.value2()));
            await().atMost(Duration.ofSeconds(30)).until(() -> entry.isDone() || TestDatabase.get().lockWaits() >= 1);
            assertFalse(entry.isDone(), "the entry waits for its item");
            CompletableFuture<Void> close = inThreadAs(approver, () -> {
                cycles.close(cycle);
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> close.isDone() || TestDatabase.get().lockWaits() >= 2);
            assertFalse(close.isDone(), "the close waits for the entry in flight");
            held.rollback();
            entry.get(30, TimeUnit.SECONDS);
            close.get(30, TimeUnit.SECONDS);
        }

        assertEquals("CLOSED", statusOf(cycle));
        assertEquals("关闭前的说明", dsl.select(ASSESSMENT_ITEM.EXPLANATION).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ID.eq(item.value1())).fetchSingle().value1());
    }

    @Test
    void aCloseConflictsWithASubmitWrittenElsewhereAndRefusesOnceItIsCommitted() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("关闭提交党工委");
        String approver = data.user(data.districtId(), Role.APPROVER);
        long cycle = fixtures.cycle();
        long assessment = fixtures.assessment(cycle, data.branch(committee, "关闭提交支部"), AssessmentState.DRAFT);

        CompletableFuture<Void> close;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            // a submit on another node: it found the cycle open there and has written its assessment's row
            execute(held, "UPDATE assessment SET guard_seq = guard_seq + 1 WHERE id = ?", assessment);
            close = inThreadAs(approver, () -> {
                cycles.close(cycle);
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> close.isDone() || TestDatabase.get().lockWaits() >= 1);
            assertFalse(close.isDone(), "the close conflicts with the submit in flight");
            execute(held, "UPDATE assessment SET state = 'SUBMITTED' WHERE id = ?", assessment);
            held.commit();
        }

        ExecutionException refused = assertThrows(ExecutionException.class, () -> close.get(30, TimeUnit.SECONDS));
        assertEquals("cycle.error.in-review", assertInstanceOf(PortalException.class, refused.getCause()).messageKey());
        assertEquals("OPEN", statusOf(cycle), "no submitted assessment in a closed cycle");
        assertEquals("SUBMITTED", dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessment)).fetchSingle().value1());
    }

    @Test
    void anEntryWaitingForASubmitInFlightIsRefusedOnceTheSubmitIsCommitted() throws Exception {
        long committee = data.committee("提交竞争党工委");
        long branch = data.branch(committee, "提交竞争支部");
        String secretary = data.user(branch, Role.SECRETARY);
        long assessment = new AssessmentFixtures(dsl).openAssessment(branch, 1);
        var item = dsl.select(ASSESSMENT_ITEM.ID, ASSESSMENT_ITEM.ROW_VERSION, ASSESSMENT_ITEM.EXPLANATION).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessment)).orderBy(ASSESSMENT_ITEM.ID).limit(1).fetchSingle();

        CompletableFuture<SavedItem> entry;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            // a submit in another tab: it has written its assessment's row and not yet committed
            execute(held, "UPDATE assessment SET guard_seq = guard_seq + 1 WHERE id = ?", assessment);
            entry = inThreadAs(secretary, () -> assessments.saveItem(item.value1(), null, "提交后的说明", item.value2()));
            await().atMost(Duration.ofSeconds(30)).until(() -> entry.isDone() || TestDatabase.get().lockWaits() >= 1);
            assertFalse(entry.isDone(), "the entry, found editable, waits for the submit in flight");
            execute(held, "UPDATE assessment SET state = 'SUBMITTED' WHERE id = ?", assessment);
            held.commit();
        }

        ExecutionException refused = assertThrows(ExecutionException.class, () -> entry.get(30, TimeUnit.SECONDS));
        assertEquals("assessment.error.not-editable", assertInstanceOf(PortalException.class, refused.getCause()).messageKey());
        assertEquals(item.value3(), dsl.select(ASSESSMENT_ITEM.EXPLANATION).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ID.eq(item.value1())).fetchSingle().value1(), "nothing lands in a submitted assessment");
    }

    private long cycleOf(long assessment) {
        return dsl.select(ASSESSMENT.CYCLE_ID).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessment)).fetchSingle().value1();
    }

    private String statusOf(long cycle) {
        return dsl.select(ASSESSMENT_CYCLE.STATUS).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycle)).fetchSingle().value1();
    }

    private static void execute(Connection connection, String sql, Object parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.execute();
        }
    }
}

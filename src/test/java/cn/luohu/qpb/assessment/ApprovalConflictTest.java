package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real deadlock through the real service: the approval, holding its cycle's guard, waits for the
 * assessment another transaction holds, which then wants the cycle. InnoDB rolls the lighter one back (the
 * approval) with error 1213, as a Galera node does with a certification conflict; the approval runs again as
 * a whole and succeeds, and nothing is logged as an error.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApprovalConflictTest extends IntegrationTest {

    @Autowired
    private ApprovalService approvals;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private DataSource dataSource;

    @Test
    void anApprovalThatLosesADeadlockRunsAgainAndSucceeds(CapturedOutput output) throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("死锁测试党工委");
        long reviewerId = data.userId(data.user(committee, Role.REVIEWER));
        String approver = data.user(data.districtId(), Role.APPROVER);
        long cycle = fixtures.cycle();
        long id = fixtures.recommended(cycle, data.branch(committee, "死锁测试支部"), 2, 3, reviewerId, false);

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            execute(other, "UPDATE assessment SET guard_seq = guard_seq + 1 WHERE id = ?", id);
            for (int i = 0; i < 50; i++) { // weight: InnoDB rolls back the transaction that wrote less
                execute(other, "INSERT INTO write_guard (name) VALUES (?)", "deadlock-test-" + id + "-" + i);
            }
            CompletableFuture<Void> approval = CompletableFuture.runAsync(() -> {
                data.authenticate(approver);
                try {
                    approvals.approve(id, 3, null, null);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
            // the approval holds the cycle's guard and waits for the assessment (seen by the server's
            // administrator: the application's account may not read other transactions)
            DSLContext server = DSL.using(TestDatabase.get().admin(), SQLDialect.MARIADB);
            await().atMost(Duration.ofSeconds(30)).until(() -> server.fetchCount(DSL.table("information_schema.innodb_trx"),
                    DSL.field("trx_state").eq("LOCK WAIT")) > 0);
            execute(other, "UPDATE assessment_cycle SET guard_seq = guard_seq + 1 WHERE id = ?", cycle); // the deadlock
            other.rollback();
            approval.get(30, TimeUnit.SECONDS);
        }

        assertEquals("APPROVED", dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1());
        assertEquals(3, dsl.select(ASSESSMENT.APPROVED_STAR).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1());
        assertTrue(output.getOut().contains("ApprovalService.approve: lost a race with a concurrent transaction (attempt 1 of 4)"),
                "the approval lost the deadlock and ran again");
        assertFalse(output.getOut().contains(" ERROR "), "an expected conflict is no error");
    }

    private static void execute(Connection connection, String sql, Object parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        }
    }
}

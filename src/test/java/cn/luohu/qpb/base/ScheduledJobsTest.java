package cn.luohu.qpb.base;

import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.notice.NoticeBatch;
import cn.luohu.qpb.notice.NoticeService;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.NOTIFICATION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jobs as deployed: scheduling on, Spring's own scheduler calling each job's entry point (through the
 * ShedLock lock and whatever else the context wraps around the bean), here every second instead of hourly
 * and daily. The other tests switch scheduling off and call the same entry points themselves. The web server
 * runs, with the Prometheus metrics switched on, so monitoring sees the jobs run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,prometheus")
class ScheduledJobsTest extends IntegrationTest {

    private static final Duration A_FEW_RUNS = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void schedulingAsDeployed(DynamicPropertyRegistry registry) {
        registry.add("qpb.scheduling.enabled", () -> "true");
        registry.add("qpb.notice.finalize-cron", () -> "* * * * * *");
        registry.add("qpb.reminders.cron", () -> "* * * * * *");
        // each job runs every second here, so its lock is held half a second at least (30 seconds as deployed)
        registry.add("qpb.scheduler.lock-at-least-for", () -> "PT0.5S");
    }

    @LocalServerPort
    private int port;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private ApprovalService approvals;
    @Autowired
    private NoticeService notices;
    @Autowired
    private DisplayZone zone;

    private String state(long assessmentId) {
        return dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1();
    }

    /** A short run keeps its lock for lockAtLeastFor: another instance's scheduler, a little late, skips the run. */
    @Test
    void aFinishedRunKeepsItsLockAtLeastForTheConfiguredTime() {
        await().atMost(A_FEW_RUNS).until(() -> heldFor("notice-finalizer") != null
                && heldFor("notice-finalizer").compareTo(Duration.ofMinutes(10)) < 0); // a run has ended
        assertTrue(heldFor("notice-finalizer").compareTo(Duration.ofMillis(500)) >= 0, heldFor("notice-finalizer").toString());
    }

    /** How long the job's last lock lasts (lock_until − locked_at); null before its first run. */
    private Duration heldFor(String job) {
        var lock = dsl.fetchOne("SELECT locked_at, lock_until FROM shedlock WHERE name = ?", job);
        return lock == null ? null : Duration.between(lock.get(0, LocalDateTime.class), lock.get(1, LocalDateTime.class));
    }

    @Test
    void theSchedulerMakesResultsFinalWhenTheirNoticeHasEnded() {
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("定时任务测试党工委");
        long reviewer = data.userId(data.user(committee, Role.REVIEWER));
        long cycle = fixtures.cycle();
        long id = fixtures.recommended(cycle, data.branch(committee, "定时任务测试支部"), 1, 2, reviewer, false);
        actAs(data.user(data.districtId(), Role.APPROVER));
        approvals.approve(id, 2, null, null);
        NoticeBatch batch = notices.publish(cycle);
        SecurityContextHolder.clearContext();

        LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
        clock.advance(Duration.ofDays(batch.endsOn().toEpochDay() - today.toEpochDay() + 1));

        await().atMost(A_FEW_RUNS).until(() -> "FINAL".equals(state(id)));
    }

    @Test
    void theSchedulerRemindsOfDeadlinesOncePerDay() {
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
        long cycle = fixtures.cycle();
        dsl.update(ASSESSMENT_CYCLE).set(ASSESSMENT_CYCLE.SELF_DEADLINE, today.plusDays(2))
                .set(ASSESSMENT_CYCLE.REVIEW_DEADLINE, today.plusDays(20))
                .set(ASSESSMENT_CYCLE.APPROVAL_DEADLINE, today.plusDays(50))
                .where(ASSESSMENT_CYCLE.ID.eq(cycle)).execute();
        long branch = data.branch(data.committee("定时任务测试党工委"), "定时任务测试支部");
        long secretary = data.userId(data.user(branch, Role.SECRETARY));
        fixtures.assessment(cycle, branch, AssessmentState.DRAFT);

        await().atMost(A_FEW_RUNS).until(() -> dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(secretary)) > 0);
        // two more runs start, so one has run whole since (the scheduler runs one job at a time): she is reminded already
        for (int run = 0; run < 2; run++) {
            LocalDateTime before = lastRunStarted("deadline-reminders");
            await().atMost(A_FEW_RUNS).until(() -> lastRunStarted("deadline-reminders").isAfter(before));
        }
        assertEquals(1, dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(secretary)));
    }

    @Test
    void monitoringReadsTheMetricsWithoutLoginWhenSwitchedOn() throws Exception {
        // the jobs' timers appear once each job has run (every second here), whichever test ran first
        await().atMost(A_FEW_RUNS).until(() -> {
            HttpResponse<String> metrics = prometheus();
            assertEquals(200, metrics.statusCode());
            return metrics.body().contains("NoticeFinalizer") && metrics.body().contains("DeadlineReminders");
        });
        String body = prometheus().body();
        for (String metric : List.of("jvm_memory_used_bytes", "hikaricp_connections_active", "tasks_scheduled_execution_seconds_count")) {
            assertTrue(body.contains(metric), metric);
        }
    }

    private HttpResponse<String> prometheus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** When the job's last run took its ShedLock lock. */
    private LocalDateTime lastRunStarted(String job) {
        return dsl.fetchSingle("SELECT locked_at FROM shedlock WHERE name = ?", job).get(0, LocalDateTime.class);
    }
}

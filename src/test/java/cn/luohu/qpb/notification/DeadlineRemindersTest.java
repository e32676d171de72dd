package cn.luohu.qpb.notification;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.db.RetriedTransactions;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.support.IntegrationTest;
import cn.luohu.qpb.support.TestMailServer;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.mail.internet.MimeMessage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.NOTIFICATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily reminders and the e-mails received: who is reminded of what (due within three days or
 * overdue, in an open cycle), once a day however often the job runs, e-mailed in his own language through
 * a real SMTP server, and a mail server that is down costs only the e-mails.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadlineRemindersTest extends IntegrationTest {

    @Autowired
    private DeadlineReminders reminders;
    @Autowired
    private NotificationRepository repository;
    @Autowired
    private AuditService audit;
    @Autowired
    private RetriedTransactions transactions;
    @Autowired
    private I18NProvider translations;
    @Autowired
    private DisplayZone zone;
    @Autowired
    private DSLContext dsl;

    private AssessmentFixtures fixtures;
    private LocalDate today;
    private long committee;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(dsl);
        today = LocalDate.now(clock.withZone(zone.zone()));
        committee = data.committee("提醒测试党工委");
    }

    /** A secretary of a new branch whose assessment is in this state, in an open cycle of its own with these deadlines. */
    private String secretaryWith(AssessmentState state, LocalDate selfDeadline, LocalDate reviewDeadline) {
        long branch = data.branch(committee, "提醒测试支部");
        String secretary = data.user(branch, Role.SECRETARY);
        fixtures.assessment(cycle(selfDeadline, reviewDeadline), branch, state);
        return secretary;
    }

    private long cycle(LocalDate selfDeadline, LocalDate reviewDeadline) {
        long cycle = fixtures.cycle();
        dsl.update(ASSESSMENT_CYCLE).set(ASSESSMENT_CYCLE.SELF_DEADLINE, selfDeadline)
                .set(ASSESSMENT_CYCLE.REVIEW_DEADLINE, reviewDeadline)
                .set(ASSESSMENT_CYCLE.APPROVAL_DEADLINE, reviewDeadline.plusDays(30))
                .where(ASSESSMENT_CYCLE.ID.eq(cycle)).execute();
        return cycle;
    }

    private long organizationOf(String username) {
        return dsl.select(APP_USER.ORGANIZATION_ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
    }

    private String withEmail(String username, String language) {
        dsl.update(APP_USER).set(APP_USER.EMAIL, username + "@example.org").set(APP_USER.PREFERRED_LANGUAGE, language)
                .where(APP_USER.USERNAME.eq(username)).execute();
        return username + "@example.org";
    }

    /** The reminders this user got: their kinds and counts (the first three arguments), oldest first. */
    private List<String> reminded(String username) {
        return remindedWithNames(username).stream().map(line -> line.replaceFirst("^(\\w+ \\[\\d+,\\d+,\\d+).*$", "$1]")).toList();
    }

    /** The reminders this user got: kinds, every argument and the assessment they open, oldest first. */
    private List<String> remindedWithNames(String username) {
        return dsl.select(NOTIFICATION.KIND, NOTIFICATION.ARGS, NOTIFICATION.ASSESSMENT_ID).from(NOTIFICATION)
                .where(NOTIFICATION.RECIPIENT_ID.eq(data.userId(username)))
                .orderBy(NOTIFICATION.ID).fetch(r -> r.value1() + " " + r.value2().data().replace(", ", ",") + " " + r.value3());
    }

    private String cycleName(long cycle) {
        return dsl.select(ASSESSMENT_CYCLE.NAME).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycle)).fetchSingle().value1();
    }

    @Test
    void aReminderNamesTheCycleAndTheDeadlineAndOpensTheSecretarysAssessment() {
        long branch = data.branch(committee, "提醒点名支部");
        String secretary = data.user(branch, Role.SECRETARY);
        long cycle = cycle(today.plusDays(2), today.plusDays(3));
        long assessment = fixtures.assessment(cycle, branch, AssessmentState.DRAFT);
        String reviewer = data.user(committee, Role.REVIEWER);
        fixtures.assessment(cycle, data.branch(committee, "提醒点名待评审"), AssessmentState.SUBMITTED);

        reminders.remind();

        assertEquals(List.of("SELF_DEADLINE [1,0,3,\"" + cycleName(cycle) + "\",\"" + today.plusDays(2) + "\"] " + assessment),
                remindedWithNames(secretary));
        assertEquals(List.of("REVIEW_DEADLINE [1,0,3,\"" + cycleName(cycle) + "\",\"" + today.plusDays(3) + "\"] null"),
                remindedWithNames(reviewer));
        assertEquals("《" + cycleName(cycle) + "》的自评截止日期为 " + today.plusDays(2) + "（3 天内截止），请尽快完成并提交。",
                translations.getTranslation("notification.message.SELF_DEADLINE", java.util.Locale.SIMPLIFIED_CHINESE,
                        1, 0, 3, cycleName(cycle), today.plusDays(2).toString()));
    }

    @Test
    void secretariesAreRemindedOfSelfAssessmentsDueWithinThreeDaysOrOverdue() {
        String dueSoon = secretaryWith(AssessmentState.DRAFT, today.plusDays(3), today.plusDays(20));
        String overdue = secretaryWith(AssessmentState.NOT_STARTED, today.minusDays(1), today.plusDays(20));
        String returned = secretaryWith(AssessmentState.RETURNED, today, today.plusDays(20));
        String notYetDue = secretaryWith(AssessmentState.DRAFT, today.plusDays(4), today.plusDays(20));
        String submitted = secretaryWith(AssessmentState.SUBMITTED, today.plusDays(1), today.plusDays(20));
        String extended = secretaryWith(AssessmentState.DRAFT, today.minusDays(2), today.plusDays(20));
        dsl.update(ASSESSMENT).set(ASSESSMENT.DEADLINE_EXTENDED_TO, today.plusDays(10))
                .where(ASSESSMENT.ORGANIZATION_ID.eq(organizationOf(extended))).execute();
        String closedCycle = secretaryWith(AssessmentState.DRAFT, today.minusDays(1), today.plusDays(20));
        dsl.update(ASSESSMENT_CYCLE).set(ASSESSMENT_CYCLE.STATUS, "CLOSED")
                .where(ASSESSMENT_CYCLE.ID.in(dsl.select(ASSESSMENT.CYCLE_ID).from(ASSESSMENT)
                        .where(ASSESSMENT.ORGANIZATION_ID.eq(organizationOf(closedCycle))))).execute();
        String disabled = secretaryWith(AssessmentState.DRAFT, today.plusDays(1), today.plusDays(20));
        dsl.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.USERNAME.eq(disabled)).execute();

        ReminderRun run = reminders.remind();

        assertTrue(run.remindedUsers() >= 3, run.toString());
        assertEquals(List.of("SELF_DEADLINE [1,0,3]"), reminded(dueSoon));
        assertEquals(List.of("SELF_DEADLINE [0,1,3]"), reminded(overdue));
        assertEquals(List.of("SELF_DEADLINE [1,0,3]"), reminded(returned), "the deadline day itself is still due soon");
        for (String nobody : List.of(notYetDue, submitted, extended, closedCycle, disabled)) {
            assertEquals(List.of(), reminded(nobody), nobody);
        }
    }

    @Test
    void reviewersAreRemindedOfTheirCommitteesAssessmentsToReviewWithTheCounts() {
        long cycleDueSoon = cycle(today.minusDays(10), today.plusDays(2));
        long cycleOverdue = cycle(today.minusDays(20), today.minusDays(2));
        long cycleLater = cycle(today.minusDays(20), today.plusDays(9));
        fixtures.assessment(cycleDueSoon, data.branch(committee, "待评审一"), AssessmentState.SUBMITTED);
        fixtures.assessment(cycleDueSoon, data.branch(committee, "评审中一"), AssessmentState.UNDER_REVIEW);
        fixtures.assessment(cycleOverdue, data.branch(committee, "逾期待评审"), AssessmentState.SUBMITTED);
        fixtures.assessment(cycleDueSoon, data.branch(committee, "已推荐"), AssessmentState.RECOMMENDED);
        fixtures.assessment(cycleLater, data.branch(committee, "不急"), AssessmentState.SUBMITTED);
        String reviewer = data.user(committee, Role.REVIEWER);
        String otherCommittee = data.user(data.committee("无待办党工委"), Role.REVIEWER);

        reminders.remind();

        assertEquals(List.of("REVIEW_DEADLINE [2,1,3]"), reminded(reviewer), "one reminder with the counts");
        assertEquals(List.of(), reminded(otherCommittee));
    }

    @Test
    void runningTwiceADayRemindsOnceAndTheNextDayAgain() {
        String secretary = secretaryWith(AssessmentState.DRAFT, today.plusDays(2), today.plusDays(20));
        String address = withEmail(secretary, "zh");

        reminders.remind();
        ReminderRun second = reminders.remind();

        assertEquals(1, reminded(secretary).size());
        assertEquals(1, TestMailServer.receivedBy(address).size());
        assertEquals(0, second.remindedUsers(), "everyone due was reminded by the first run today");

        clock.advance(Duration.ofDays(1));
        reminders.remind();
        assertEquals(List.of("SELF_DEADLINE [1,0,3]", "SELF_DEADLINE [1,0,3]"), reminded(secretary));
        assertEquals(2, TestMailServer.receivedBy(address).size());
    }

    @Test
    void theEmailIsReceivedInTheUsersLanguage() throws Exception {
        String english = secretaryWith(AssessmentState.DRAFT, today.minusDays(1), today.plusDays(20));
        String englishAddress = withEmail(english, "en");
        long branch = data.branch(committee, "提醒邮件支部");
        fixtures.assessment(cycle(today.minusDays(10), today.plusDays(1)), branch, AssessmentState.SUBMITTED);
        String reviewer = data.user(committee, Role.REVIEWER);
        String chineseAddress = withEmail(reviewer, null);
        String noAddress = secretaryWith(AssessmentState.DRAFT, today.plusDays(1), today.plusDays(20));

        reminders.remind();

        MimeMessage toEnglish = TestMailServer.receivedBy(englishAddress).getFirst();
        assertEquals("QPB Portal: deadline reminder", toEnglish.getSubject());
        String englishBody = body(toEnglish);
        String englishCycle = dsl.select(ASSESSMENT_CYCLE.NAME).from(ASSESSMENT_CYCLE).join(ASSESSMENT).on(ASSESSMENT.CYCLE_ID.eq(ASSESSMENT_CYCLE.ID))
                .where(ASSESSMENT.ORGANIZATION_ID.eq(organizationOf(english))).fetchSingle().value1();
        assertTrue(englishBody.contains(englishCycle + ": the self-assessment is due on " + today.minusDays(1) + " and is overdue."), englishBody);
        assertTrue(englishBody.startsWith("Dear 测试用户 " + english + ","), englishBody);

        MimeMessage toChinese = TestMailServer.receivedBy(chineseAddress).getFirst();
        assertEquals("质量党建星级评定平台：截止提醒", toChinese.getSubject());
        assertTrue(body(toChinese).contains("的评审截止日期为 " + today.plusDays(1) + "：1 份将在 3 天内截止；请尽快完成评审。"), body(toChinese));
        assertEquals(List.of("SELF_DEADLINE [1,0,3]"), reminded(noAddress), "reminded in the portal, with no e-mail");
    }

    @Test
    void aMailServerThatIsDownCostsTheEmailsNotTheReminders() throws IOException {
        String secretary = secretaryWith(AssessmentState.DRAFT, today.plusDays(1), today.plusDays(20));
        String address = withEmail(secretary, "zh");
        JavaMailSenderImpl down = new JavaMailSenderImpl();
        down.setHost("127.0.0.1");
        down.setPort(closedPort());
        DeadlineReminders withServerDown = new DeadlineReminders(repository, audit, transactions,
                new StaticListableBeanFactory(Map.of("mailSender", down)).getBeanProvider(JavaMailSender.class),
                translations, clock, zone, "qpb-portal@localhost");

        ReminderRun run = withServerDown.remind();

        assertTrue(run.mailsFailed() >= 1, run.toString());
        assertEquals(0, run.mailsSent());
        assertEquals(List.of("SELF_DEADLINE [1,0,3]"), reminded(secretary));
        assertEquals(List.of(), TestMailServer.receivedBy(address));
    }

    /** A port nobody listens on: connections to it are refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String body(MimeMessage message) throws Exception {
        return message.getContent().toString().replace("\r\n", "\n");
    }

    @Test
    void theDailyRunWaitsWhileAnotherInstanceRunsItThenRemindsOnce(CapturedOutput output) {
        String secretary = secretaryWith(AssessmentState.DRAFT, today.plusDays(1), today.plusDays(20));

        data.jobLockedElsewhere("deadline-reminders");
        try {
            reminders.daily(); // the entry point the scheduler calls, on the bean as the context holds it
            assertEquals(List.of(), reminded(secretary), "another instance has the job: this one leaves it alone");
        } finally {
            data.releaseJobLock("deadline-reminders");
        }
        reminders.daily();
        reminders.daily();
        assertEquals(1, reminded(secretary).size());
        assertFalse(output.getAll().contains(" ERROR "), "an expected conflict is no error: " + output.getAll());
    }
}

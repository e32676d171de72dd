package cn.luohu.qpb.notification.ui;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.AssessmentsMoved;
import cn.luohu.qpb.assessment.ui.AssessmentView;
import cn.luohu.qpb.assessment.ui.MyAssessmentView;
import cn.luohu.qpb.assessment.ui.ReviewView;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.notification.NotificationItem;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.NOTIFICATION;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notification list: messages in the reader's language, newest first; a click opens what it is about. */
class NotificationsViewTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;
    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private PlatformTransactionManager transactions;

    private String secretary;
    private String reviewer;
    private long assessmentId;
    private int year;

    @BeforeEach
    void anAssessmentThatMoved() {
        long committee = data.committee("通知视图党工委");
        long branch = data.branch(committee, "通知视图支部");
        secretary = data.user(branch, Role.SECRETARY);
        reviewer = data.user(committee, Role.REVIEWER);
        assessmentId = new AssessmentFixtures(dsl).openAssessment(branch, 2);
        year = dsl.select(ASSESSMENT_CYCLE.YEAR).from(ASSESSMENT_CYCLE).join(ASSESSMENT).on(ASSESSMENT.CYCLE_ID.eq(ASSESSMENT_CYCLE.ID))
                .where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1();
        moved(AssessmentState.DRAFT, AssessmentState.SUBMITTED, secretary);
        moved(AssessmentState.UNDER_REVIEW, AssessmentState.RETURNED, reviewer);
    }

    private void moved(AssessmentState from, AssessmentState to, String actor) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                new AssessmentsMoved(List.of(assessmentId), from, to, data.userId(actor), "说明")));
    }

    private void reminder(String username, LocalDateTime at) {
        dsl.insertInto(NOTIFICATION).set(NOTIFICATION.RECIPIENT_ID, data.userId(username))
                .set(NOTIFICATION.RECIPIENT_ROLE, "SECRETARY").set(NOTIFICATION.KIND, "SELF_DEADLINE")
                .set(NOTIFICATION.ARGS, JSON.json("[1, 0, 3, \"通知视图评定\", \"2026-03-31\"]")).set(NOTIFICATION.CREATED_AT, at).execute();
    }

    @SuppressWarnings("unchecked")
    private static Grid<NotificationItem> grid() {
        return _get(Grid.class, spec -> spec.withId("notifications"));
    }

    private static List<String> messages() {
        return IntStream.range(0, _size(grid())).mapToObj(row -> _getFormatted(grid(), row, "message")).toList();
    }

    private static String bellCount() {
        return _get(Span.class, spec -> spec.withId("notification-count")).getText();
    }

    @Test
    void theReviewerReadsTheSubmissionAndTheClickOpensTheReview() {
        login(reviewer);
        UI.getCurrent().navigate(NotificationsView.class);
        assertEquals(List.of("通知视图支部 已提交 " + year + " 年度自评，等待评审。"), messages());
        assertEquals("1", bellCount());

        _clickItem(grid(), 0);
        assertInstanceOf(ReviewView.class, UI.getCurrent().getCurrentView());
        _assertNone(Span.class, spec -> spec.withId("notification-count"));
    }

    @Test
    void theSecretaryOpensHerAssessmentAndHerSelfAssessmentsFromAReminder() {
        reminder(secretary, LocalDateTime.now().plusMinutes(1));
        login(secretary);
        UI.getCurrent().navigate(NotificationsView.class);
        assertEquals(List.of("《通知视图评定》的自评截止日期为 2026-03-31（3 天内截止），请尽快完成并提交。",
                "通知视图支部 的 " + year + " 年度自评被退回修改，请查看评审意见。"), messages());

        _clickItem(grid(), 1);
        assertInstanceOf(AssessmentView.class, UI.getCurrent().getCurrentView());
        assertEquals("1", bellCount());

        UI.getCurrent().navigate(NotificationsView.class);
        _clickItem(grid(), 0);
        assertInstanceOf(MyAssessmentView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void markingAllReadEmptiesTheBell() {
        reminder(secretary, LocalDateTime.now().plusMinutes(1));
        login(secretary);
        UI.getCurrent().navigate(NotificationsView.class);
        assertEquals("2", bellCount());

        _click(_get(Button.class, spec -> spec.withId("notifications-mark-all-read")));

        _assertNone(Span.class, spec -> spec.withId("notification-count"));
        assertEquals(2, _size(grid()), "read notifications stay in the list");
        assertTrue(_get(grid(), 0).read() && _get(grid(), 1).read(), "both now read");
        assertInstanceOf(NotificationsView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void aUserWhoChoseEnglishReadsThemInEnglish() {
        dsl.update(APP_USER).set(APP_USER.PREFERRED_LANGUAGE, "en").where(APP_USER.USERNAME.eq(secretary)).execute();
        login(secretary);
        UI.getCurrent().navigate(NotificationsView.class);
        assertEquals(List.of("通知视图支部's " + year + " self-assessment was returned for changes: see the reviewer's comments."),
                messages());
        assertTrue(_get(Button.class, spec -> spec.withId("notifications-mark-all-read")).getText().startsWith("Mark all"));
    }
}

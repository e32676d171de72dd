package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.cycle.CycleSummary;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** District staff's approval queue with its quota meter, approving many, and deciding one recommendation. */
class ApprovalViewsTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;

    private AssessmentFixtures fixtures;
    private long committee;
    private long reviewerId;
    private long cycle;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(dsl);
        committee = data.committee("审批界面测试党工委");
        reviewerId = data.userId(data.user(committee, Role.REVIEWER));
        cycle = fixtures.cycle();
        login(data.user(data.districtId(), Role.APPROVER));
    }

    private long recommended(int starAtOpen, int star, boolean directGrading) {
        return fixtures.recommended(cycle, data.branch(committee, "审批界面支部"), starAtOpen, star, reviewerId, directGrading);
    }

    private String state(long id) {
        return dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1();
    }

    private Integer approvedStar(long id) {
        return dsl.select(ASSESSMENT.APPROVED_STAR).from(ASSESSMENT).where(ASSESSMENT.ID.eq(id)).fetchSingle().value1();
    }

    @SuppressWarnings("unchecked")
    private void openQueueOnTheTestCycle() {
        UI.getCurrent().navigate(ApprovalQueueView.class);
        Select<CycleSummary> select = _get(Select.class, spec -> spec.withId("approval-cycle"));
        _setValue(select, select.getListDataView().getItems().filter(c -> c.id() == cycle).findFirst().orElseThrow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theQueueShowsTheQuotaMeterAndApprovesTheSelection() {
        long first = recommended(2, 3, false);
        long second = recommended(3, 4, false);
        long direct = recommended(0, 5, true);
        fixtures.quotas(cycle, null, null, null, 40.0, 10.0);
        openQueueOnTheTestCycle();

        Grid<cn.luohu.qpb.assessment.ApprovalRow> grid = _get(Grid.class, spec -> spec.withId("approval-queue"));
        assertEquals(3, _size(grid));
        String meter = _get(Div.class, spec -> spec.withId("approval-quota-meter")).getElement().getTextRecursively();
        assertTrue(meter.contains("名额"), meter);
        // five stars: one projected (the direct-grading request), quota 10 % of 3 = 0: over quota
        assertTrue(_get(Div.class, spec -> spec.withId("approval-quota-5")).getElement().getTextRecursively().contains("名额 0 个"));

        grid.asMultiSelect().select(grid.getLazyDataView().getItems().filter(r -> r.id() != direct).toList());
        _click(_get(Button.class, spec -> spec.withId("approval-approve-selected")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("approval-many-confirm")));

        assertEquals("APPROVED", state(first));
        assertEquals(3, approvedStar(first));
        assertEquals("APPROVED", state(second));
        assertEquals("RECOMMENDED", state(direct));
        assertEquals(1, _size(grid));
    }

    @Test
    void approvingAllThatMatchLeavesDirectGradingForItsOwnDecision() {
        long plain = recommended(1, 2, false);
        long direct = recommended(0, 4, true);
        openQueueOnTheTestCycle();

        _click(_get(Button.class, spec -> spec.withId("approval-approve-all")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("approval-many-confirm")));

        assertEquals("APPROVED", state(plain));
        assertEquals("RECOMMENDED", state(direct));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDirectGradingRequestIsGrantedExplicitly() {
        long id = recommended(0, 4, true);
        UI.getCurrent().navigate(ApprovalView.class, ApprovalView.parameters(id));
        assertTrue(_get(Div.class, spec -> spec.withId("approval-direct-request")).getElement().getTextRecursively()
                .contains("区级先进基层党组织"));

        _click(_get(Button.class, spec -> spec.withId("approval-approve")));
        Select<Integer> star = _get(Select.class, spec -> spec.withId("approval-star"));
        assertEquals(List.of(0, 1), star.getListDataView().getItems().toList(), "one level up until granted");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("approval-grant")), true);
        assertEquals(4, star.getValue());
        _click(_get(Button.class, spec -> spec.withId("approval-approve-next")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("approval-approve-confirm")));

        assertEquals("APPROVED", state(id));
        assertEquals(4, approvedStar(id));
    }

    @Test
    void rejectingNeedsAComment() {
        long id = recommended(2, 3, false);
        UI.getCurrent().navigate(ApprovalView.class, ApprovalView.parameters(id));
        _click(_get(Button.class, spec -> spec.withId("approval-reject")));
        _click(_get(Button.class, spec -> spec.withId("approval-reject-confirm")));
        TextArea comment = _get(TextArea.class, spec -> spec.withId("approval-reject-comment"));
        assertTrue(comment.isInvalid());
        assertEquals("RECOMMENDED", state(id));

        _setValue(comment, "评审意见与佐证不符，请复核");
        _click(_get(Button.class, spec -> spec.withId("approval-reject-confirm")));
        assertEquals("UNDER_REVIEW", state(id));
        assertFalse(_get(ApprovalView.class).getChildren().anyMatch(c -> "approval-approve".equals(c.getId().orElse(null))));
    }

    @Test
    void anApproverWhoReviewedItIsToldOnThePageAndOfferedNoDecision() {
        String both = data.user(data.districtId(), Role.APPROVER, Role.REVIEWER);
        long id = fixtures.recommended(cycle, data.branch(committee, "四眼界面支部"), 2, 3, data.userId(both), false);
        logout();
        login(both);
        UI.getCurrent().navigate(ApprovalView.class, ApprovalView.parameters(id));

        assertTrue(_get(Paragraph.class, spec -> spec.withId("approval-own-review")).getText().contains("您本人评审过"));
        _assertNone(Button.class, spec -> spec.withId("approval-approve"));
        _assertNone(Button.class, spec -> spec.withId("approval-reject"));

        // a colleague sees the buttons
        logout();
        login(data.user(data.districtId(), Role.APPROVER));
        UI.getCurrent().navigate(ApprovalView.class, ApprovalView.parameters(id));
        _assertNone(Paragraph.class, spec -> spec.withId("approval-own-review"));
        _get(Button.class, spec -> spec.withId("approval-approve"));
    }

    @Test
    void theDecisionPageShowsSelfBesideReviewAndTheTimeline() {
        long organization = data.branch(committee, "逐项对照支部");
        long id = fixtures.openAssessment(organization, 1);
        fixtures.state(id, AssessmentState.RECOMMENDED);
        dsl.update(ASSESSMENT).set(ASSESSMENT.RECOMMENDED_STAR, 2).set(ASSESSMENT.REVIEWER_ID, reviewerId)
                .where(ASSESSMENT.ID.eq(id)).execute();
        UI.getCurrent().navigate(ApprovalView.class, ApprovalView.parameters(id));

        Grid<?> items = _get(Grid.class, spec -> spec.withId("approval-items"));
        assertTrue(_size(items) > 30, "every indicator of the seeded standard");
        _get(AssessmentTimeline.class, spec -> spec.withId("approval-timeline"));
    }
}

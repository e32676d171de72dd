package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.STANDARD_INDICATOR;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reviewing one assessment: start, review entries with a live total, return with a comment, recommend. */
class ReviewViewTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;

    private long organization;
    private long assessmentId;
    private String reviewer;

    @Autowired
    private ApprovalService approvals;
    @Autowired
    private ReviewService reviews;
    private AssessmentFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("评审界面测试党工委");
        organization = data.branch(committee, "评审界面测试支部");
        reviewer = data.user(committee, Role.REVIEWER);
        assessmentId = fixtures.openAssessment(organization, 2);
        fixtures.state(assessmentId, AssessmentState.SUBMITTED);
    }

    private void open() {
        UI.getCurrent().navigate(ReviewView.class, ReviewView.parameters(assessmentId));
    }

    private String state() {
        return dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1();
    }

    /** The first indicator scored in steps: its code, title and maximum score. */
    private org.jooq.Record3<String, String, java.math.BigDecimal> firstScaled() {
        return dsl.select(STANDARD_INDICATOR.CODE, STANDARD_INDICATOR.TITLE, STANDARD_INDICATOR.MAX_SCORE).from(ASSESSMENT_ITEM)
                .join(STANDARD_INDICATOR).on(STANDARD_INDICATOR.ID.eq(ASSESSMENT_ITEM.INDICATOR_ID))
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId).and(STANDARD_INDICATOR.METHOD.eq("SCALE")))
                .orderBy(ASSESSMENT_ITEM.ID).limit(1).fetchSingle();
    }

    /** Gives every indicator full marks through the review inputs, as the browser would. */
    @SuppressWarnings("unchecked")
    private void reviewAllFull() {
        var rows = dsl.select(STANDARD_INDICATOR.CODE, STANDARD_INDICATOR.METHOD, STANDARD_INDICATOR.MAX_SCORE).from(ASSESSMENT_ITEM)
                .join(STANDARD_INDICATOR).on(STANDARD_INDICATOR.ID.eq(ASSESSMENT_ITEM.INDICATOR_ID))
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId)).fetch();
        for (var row : rows) {
            String id = "review-input-" + row.value1();
            switch (row.value2()) {
                case "CHECK" -> _setValue(_get(RadioButtonGroup.class, spec -> spec.withId(id)), true);
                case "SCALE" -> _setValue(_get(BigDecimalField.class, spec -> spec.withId(id)), row.value3());
                default -> _setValue(_get(IntegerField.class, spec -> spec.withId(id)), 0);
            }
        }
    }

    @Test
    void afterDistrictStaffRejectTheRecommendationTheReviewerReadsWhyOnTop() {
        fixtures.state(assessmentId, AssessmentState.UNDER_REVIEW);
        dsl.update(ASSESSMENT).set(ASSESSMENT.REVIEWER_ID, data.userId(reviewer)).set(ASSESSMENT.RECOMMENDED_STAR, 0)
                .set(ASSESSMENT.STATE, AssessmentState.RECOMMENDED.name()).where(ASSESSMENT.ID.eq(assessmentId)).execute();
        actAs(data.user(data.districtId(), Role.APPROVER));
        approvals.reject(assessmentId, "第二项佐证与评分不符，请复核");

        login(reviewer);
        open();
        String notice = _get(Div.class, spec -> spec.withId("review-rejected")).getElement().getTextRecursively();
        assertTrue(notice.contains("退回了推荐") && notice.contains("第二项佐证与评分不符，请复核"), notice);
        _assertNone(Span.class, spec -> spec.withId("review-recommended"));
    }

    @Test
    void startReviewAndRecommendWithTheLiveTotal() {
        login(reviewer);
        open();
        _click(_get(Button.class, spec -> spec.withId("review-start")));
        assertEquals("UNDER_REVIEW", state());
        assertEquals("0", _get(Span.class, spec -> spec.withId("form-total")).getText());
        reviewAllFull();
        assertTrue(new java.math.BigDecimal(_get(Span.class, spec -> spec.withId("form-total")).getText()).signum() > 0,
                "the review total follows the entries live");
        _click(_get(Button.class, spec -> spec.withId("review-recommend")));
        @SuppressWarnings("unchecked")
        Select<Integer> star = _get(Select.class, spec -> spec.withId("review-recommend-star"));
        assertEquals(5, star.getValue());
        _setValue(star, 4);
        _click(_get(Button.class, spec -> spec.withId("review-recommend-next")));
        _fireConfirm(_get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("review-recommend-confirm")));
        assertEquals("RECOMMENDED", state());
        assertEquals(4, dsl.select(ASSESSMENT.RECOMMENDED_STAR).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId))
                .fetchSingle().value1());
    }

    @Test
    void returningNeedsAComment() {
        login(reviewer);
        open();
        _click(_get(Button.class, spec -> spec.withId("review-start")));
        _click(_get(Button.class, spec -> spec.withId("review-return")));
        _click(_get(Button.class, spec -> spec.withId("review-return-confirm")));
        assertEquals("UNDER_REVIEW", state());
        _setValue(_get(TextArea.class, spec -> spec.withId("review-return-comment")), "请补充会议记录");
        _click(_get(Button.class, spec -> spec.withId("review-return-confirm")));
        assertEquals("RETURNED", state());
    }

    @Test
    void aReturnCommentOverTheLimitIsRefusedInWordsAndKeptWhole() {
        login(reviewer);
        open();
        _click(_get(Button.class, spec -> spec.withId("review-start")));
        _click(_get(Button.class, spec -> spec.withId("review-return")));
        TextArea comment = _get(TextArea.class, spec -> spec.withId("review-return-comment"));
        assertEquals("0 / 2,000 字", comment.getHelperText(), "the limit is shown before he types");
        String pasted = "请补充会议记录。".repeat(250) + "多"; // 2,001 characters
        _setValue(comment, pasted);
        _click(_get(Button.class, spec -> spec.withId("review-return-confirm")));
        assertTrue(comment.isInvalid());
        assertEquals("最多 2,000 个字，现有 2,001 个字：请删减后再保存（不会自动截断）", comment.getErrorMessage());
        assertEquals(pasted, comment.getValue(), "nothing is cut");
        assertEquals("2,001 / 2,000 字", comment.getHelperText());
        assertEquals("UNDER_REVIEW", state(), "nothing was returned");
        _get(Dialog.class, spec -> spec.withId("review-return-dialog")); // still open

        _setValue(comment, pasted.substring(1));
        assertFalse(comment.isInvalid(), "within the limit the mark goes");
        _click(_get(Button.class, spec -> spec.withId("review-return-confirm")));
        assertEquals("RETURNED", state());
    }

    @Test
    void nobodyReviewsTheirOwnOrganisation() {
        login(data.user(organization, Role.REVIEWER));
        open();
        _assertNone(Button.class, spec -> spec.withId("review-start"));
        _assertNone(Button.class, spec -> spec.withId("review-recommend"));
    }

    @Test
    void theTimelineAtTheBottomShowsTheReviewersScoreChangesWhenUnfolded() {
        login(reviewer);
        open();
        _click(_get(Button.class, spec -> spec.withId("review-start")));
        var scaled = firstScaled();
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("review-input-" + scaled.value1())), new java.math.BigDecimal("1.5"));

        Details history = _get(Details.class, spec -> spec.withId("review-history"));
        AssessmentTimeline timeline = _get(AssessmentTimeline.class, spec -> spec.withId("review-timeline"));
        assertFalse(history.isOpened());
        assertEquals("", timeline.getElement().getTextRecursively(), "read only when unfolded");
        history.setOpened(true);
        String text = timeline.getElement().getTextRecursively();
        String displayName = dsl.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.USERNAME.eq(reviewer)).fetchSingle().value1();
        assertTrue(text.contains("已提交 → 审核中"), text);
        assertTrue(text.contains("评审" + scaled.value1() + " " + scaled.value2() + "未评分 → 1.5"), text);
        assertTrue(text.contains(displayName), text);
    }

    @Test
    void heAdoptsTheSelfScoreOfOneIndicatorOrOfAllNotYetReviewed() {
        long secretaryId = data.userId(data.user(organization, Role.SECRETARY));
        new AssessmentFixtures(dsl).readyToSubmit(assessmentId, secretaryId, 3);
        login(reviewer);
        open();
        _click(_get(Button.class, spec -> spec.withId("review-start")));
        var items = dsl.select(ASSESSMENT_ITEM.ID, STANDARD_INDICATOR.CODE).from(ASSESSMENT_ITEM)
                .join(STANDARD_INDICATOR).on(STANDARD_INDICATOR.ID.eq(ASSESSMENT_ITEM.INDICATOR_ID))
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId)).orderBy(ASSESSMENT_ITEM.ID).fetch();
        String firstCode = items.getFirst().value2();

        _click(_get(Button.class, spec -> spec.withId("review-adopt-" + firstCode)));
        assertEquals(1, dsl.fetchCount(ASSESSMENT_ITEM, ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId)
                .and(ASSESSMENT_ITEM.REVIEWED_BY.eq(data.userId(reviewer)))), "one entry, his own");
        assertTrue(new java.math.BigDecimal(_get(Span.class, spec -> spec.withId("form-total")).getText()).signum() > 0);

        _click(_get(Button.class, spec -> spec.withId("review-adopt-all")));
        assertEquals(items.size(), dsl.fetchCount(ASSESSMENT_ITEM, ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId)
                .and(ASSESSMENT_ITEM.REVIEWED_BY.eq(data.userId(reviewer)))));
        _click(_get(Button.class, spec -> spec.withId("review-recommend")));
        @SuppressWarnings("unchecked")
        Select<Integer> star = _get(Select.class, spec -> spec.withId("review-recommend-star"));
        assertEquals(5, star.getValue(), "full marks adopted: the review total earns five stars");
    }

    @Test
    void aRefusedReviewScoreStaysMarkedOnItsField() {
        login(reviewer);
        open();
        _click(_get(Button.class, spec -> spec.withId("review-start")));
        var scaled = firstScaled();
        BigDecimalField score = _get(BigDecimalField.class, spec -> spec.withId("review-input-" + scaled.value1()));
        _setValue(score, new java.math.BigDecimal("99"));
        assertTrue(score.isInvalid());
        assertTrue(score.getErrorMessage().contains(scaled.value1()), score.getErrorMessage());
        assertEquals("0", _get(Span.class, spec -> spec.withId("form-total")).getText(), "a refused score counts for nothing");
        _setValue(score, scaled.value3());
        assertFalse(score.isInvalid());
    }

    @Test
    void aReviewSaveOvertakenInAnotherTabIsShownOnTheFieldAndStopsThisTabSaving() {
        login(reviewer);
        open();
        _click(_get(Button.class, spec -> spec.withId("review-start")));
        var items = dsl.select(ASSESSMENT_ITEM.ID, STANDARD_INDICATOR.CODE).from(ASSESSMENT_ITEM)
                .join(STANDARD_INDICATOR).on(STANDARD_INDICATOR.ID.eq(ASSESSMENT_ITEM.INDICATOR_ID))
                .where(ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId)).orderBy(ASSESSMENT_ITEM.ID).fetch();
        long firstId = items.getFirst().value1();
        reviews.saveReviewItem(firstId, null, "另一个窗口先保存了", reviews.sheet(assessmentId).entry(firstId).version()); // the other tab

        TextArea comment = _get(TextArea.class, spec -> spec.withId("review-comment-" + items.getFirst().value2()));
        _setValue(comment, "这个窗口的评语");
        assertTrue(comment.isInvalid(), "the conflict is shown where he typed");
        assertTrue(comment.getErrorMessage().contains("另一个窗口"), comment.getErrorMessage());
        assertEquals("这个窗口的评语", comment.getValue(), "his text stays to be copied");
        assertTrue(_get(TextArea.class, spec -> spec.withId("review-comment-" + items.getLast().value2())).isReadOnly(),
                "the stale tab saves nothing more");
        assertEquals("另一个窗口先保存了", dsl.select(ASSESSMENT_ITEM.REVIEW_COMMENT).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ID.eq(firstId)).fetchSingle().value1());
    }
}

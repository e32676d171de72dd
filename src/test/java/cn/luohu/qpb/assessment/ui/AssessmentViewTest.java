package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.ServerErrorView;
import cn.luohu.qpb.standard.ScoringMethod;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.standard.ui.IndicatorCard;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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

import java.time.LocalDateTime;
import java.util.List;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM;
import static cn.luohu.qpb.jooq.Tables.EVIDENCE_FILE;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The self-assessment form: autosave, live totals, conflicts, submitting and the read-only view afterwards. */
class AssessmentViewTest extends KaribuTest {

    @Autowired
    private AssessmentService assessments;
    @Autowired
    private DSLContext dsl;

    private long committee;
    private long organization;
    private String secretary;
    private long assessmentId;

    @BeforeEach
    void setUp() {
        committee = data.committee("表单测试党工委");
        organization = data.branch(committee, "表单测试支部");
        secretary = data.user(organization, Role.SECRETARY);
        assessmentId = new AssessmentFixtures(dsl).openAssessment(organization, 2);
    }

    private void open() {
        UI.getCurrent().navigate(AssessmentView.class, AssessmentView.parameters(assessmentId));
    }

    /** Opens every dimension, as she would to reach its cards (only the first is open at first). */
    private void openAllDimensions() {
        _find(Details.class, spec -> spec.withClasses("qpb-dimension")).forEach(details -> details.setOpened(true));
    }

    private java.math.BigDecimal savedScore(SheetItem item) {
        return dsl.select(ASSESSMENT_ITEM.SCORE).from(ASSESSMENT_ITEM).where(ASSESSMENT_ITEM.ID.eq(item.itemId())).fetchSingle().value1();
    }

    private String savedExplanation(SheetItem item) {
        return dsl.select(ASSESSMENT_ITEM.EXPLANATION).from(ASSESSMENT_ITEM).where(ASSESSMENT_ITEM.ID.eq(item.itemId())).fetchSingle().value1();
    }

    private SheetItem firstOf(ScoringMethod method) {
        data.authenticate(secretary);
        return assessments.sheet(assessmentId).items().stream().filter(i -> i.indicator().method() == method).findFirst().orElseThrow();
    }

    /** Types into an item's input as the browser would, so the form saves it. */
    @SuppressWarnings("unchecked")
    private void enterFull(SheetItem item) {
        String id = "input-" + item.indicator().code();
        switch (item.indicator().method()) {
            case CHECK -> _setValue(_get(RadioButtonGroup.class, spec -> spec.withId(id)), true);
            case SCALE -> _setValue(_get(BigDecimalField.class, spec -> spec.withId(id)), item.indicator().maxScore());
            case DEDUCT -> _setValue(_get(IntegerField.class, spec -> spec.withId(id)), 0);
        }
    }

    @Test
    void everyChangeIsSavedAtOnceAndTheTotalFollows() {
        login(secretary);
        open();
        openAllDimensions();
        assertEquals("0", _get(Span.class, spec -> spec.withId("form-total")).getText());
        SheetItem scaled = firstOf(ScoringMethod.SCALE);
        enterFull(scaled);
        assertEquals(scaled.indicator().maxScore(), dsl.select(ASSESSMENT_ITEM.SCORE).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ID.eq(scaled.itemId())).fetchSingle().value1(), "saved without a button");
        assertEquals(scaled.indicator().maxScore().stripTrailingZeros().toPlainString(),
                _get(Span.class, spec -> spec.withId("form-total")).getText());
        assertTrue(_get(Span.class, spec -> spec.withId("save-status")).getText().startsWith("已自动保存"));
        _setValue(_get(TextArea.class, spec -> spec.withId("explanation-" + scaled.indicator().code())), "本年度按期完成");
        assertEquals("本年度按期完成", dsl.select(ASSESSMENT_ITEM.EXPLANATION).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ID.eq(scaled.itemId())).fetchSingle().value1());
        assertEquals("DRAFT", dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1());
    }

    @Test
    void aSaveOvertakenInAnotherTabOffersAReload() {
        login(secretary);
        open();
        SheetItem check = firstOf(ScoringMethod.CHECK);
        assessments.saveItem(check.itemId(), null, "另一个窗口先保存了", check.rowVersion()); // the other tab
        openAllDimensions();
        enterFull(check);
        assertTrue(_get(Div.class, spec -> spec.withId("save-conflict")).getElement().getTextRecursively().contains("另一个窗口"));
        assertEquals("另一个窗口先保存了", dsl.select(ASSESSMENT_ITEM.EXPLANATION).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ID.eq(check.itemId())).fetchSingle().value1(), "nothing was overwritten");
        _click(_get(Button.class, spec -> spec.withId("conflict-reload")));
        openAllDimensions();
        assertEquals("另一个窗口先保存了", _get(TextArea.class, spec -> spec.withId("explanation-" + check.indicator().code())).getValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void submittingListsTheGapsThenLeavesTheFormReadOnlyWithItsTimeline() {
        login(secretary);
        open();
        _click(_get(Button.class, spec -> spec.withId("assessment-submit")));
        assertTrue(_get(Div.class, spec -> spec.withId("submit-gaps")).getElement().getTextRecursively().contains("请选择申报星级"));

        openAllDimensions();
        for (SheetItem item : assessments.sheet(assessmentId).items()) {
            enterFull(item);
            if (item.indicator().evidenceRequired()) {
                dsl.insertInto(EVIDENCE_FILE).set(EVIDENCE_FILE.ASSESSMENT_ID, assessmentId).set(EVIDENCE_FILE.ITEM_ID, item.itemId())
                        .set(EVIDENCE_FILE.FILE_NAME, "记录.pdf").set(EVIDENCE_FILE.CONTENT_TYPE, "application/pdf")
                        .set(EVIDENCE_FILE.SIZE_BYTES, 9L).set(EVIDENCE_FILE.SHA256, "0".repeat(64))
                        .set(EVIDENCE_FILE.CONTENT, "%PDF-1.7\n".getBytes())
                        .set(EVIDENCE_FILE.UPLOADED_BY, data.userId(secretary)).set(EVIDENCE_FILE.UPLOADED_AT, LocalDateTime.now())
                        .execute();
            }
        }
        _setValue(_get(Select.class, spec -> spec.withId("applied-star")), 3);
        _click(_get(Button.class, spec -> spec.withId("assessment-submit")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("submit-confirm")));
        assertEquals("SUBMITTED", dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1());
        _assertNone(Button.class, spec -> spec.withId("assessment-submit"));
        assertTrue(_get(Select.class, spec -> spec.withId("applied-star")).isReadOnly());
        AssessmentTimeline timeline = _get(AssessmentTimeline.class, spec -> spec.withId("assessment-timeline"));
        assertEquals(2, _find(timeline, Div.class, spec -> spec.withClasses("qpb-timeline-move")).size(), "started, then submitted");
        String text = timeline.getElement().getTextRecursively();
        assertTrue(text.contains("未开始 → 填写中") && text.contains("填写中 → 已提交"), text);
    }

    @Test
    void theTimelineShowsWhoChangedWhichScore() {
        login(secretary);
        open();
        assertTrue(_get(AssessmentTimeline.class, spec -> spec.withId("assessment-timeline")).getElement().getTextRecursively()
                .contains("暂无办理记录"));
        openAllDimensions();
        SheetItem scaled = firstOf(ScoringMethod.SCALE);
        enterFull(scaled);
        open();
        String text = _get(AssessmentTimeline.class, spec -> spec.withId("assessment-timeline")).getElement().getTextRecursively();
        String displayName = dsl.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.USERNAME.eq(secretary)).fetchSingle().value1();
        assertTrue(text.contains("未开始 → 填写中"), text);
        assertTrue(text.contains("自评" + scaled.indicator().code() + " " + scaled.indicator().title()
                + "未评分 → " + scaled.indicator().maxScore().stripTrailingZeros().toPlainString()), text);
        assertTrue(text.contains(displayName), text);
    }

    @Test
    void theCommitteesReviewerReadsItAndAnotherSecretaryIsRefused() {
        login(data.user(committee, Role.REVIEWER));
        open();
        _assertNone(Button.class, spec -> spec.withId("assessment-submit"));
        SheetItem check = firstOf(ScoringMethod.CHECK);
        login(data.user(committee, Role.REVIEWER));
        open();
        openAllDimensions();
        assertTrue(_get(RadioButtonGroup.class, spec -> spec.withId("input-" + check.indicator().code())).isReadOnly());
        assertEquals(null, _get(TextArea.class, spec -> spec.withId("explanation-" + check.indicator().code())).getHelperText(),
                "no counter on a text she cannot change");

        logout();
        login(data.user(data.branch(committee, "旁边的支部"), Role.SECRETARY));
        open();
        assertInstanceOf(ServerErrorView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void mySelfAssessmentsListTheCurrentOneAndEarlierOnes() {
        login(secretary);
        UI.getCurrent().navigate(MyAssessmentView.class);
        _click(_get(Button.class, spec -> spec.withId("open-current-assessment")));
        assertInstanceOf(AssessmentView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefusedScoreStaysMarkedOnItsFieldUntilItIsCorrected() {
        login(secretary);
        open();
        openAllDimensions();
        SheetItem scaled = firstOf(ScoringMethod.SCALE);
        BigDecimalField score = _get(BigDecimalField.class, spec -> spec.withId("input-" + scaled.indicator().code()));
        _setValue(score, scaled.indicator().maxScore().add(java.math.BigDecimal.ONE));
        assertTrue(score.isInvalid(), "marked where she typed it");
        assertTrue(score.getErrorMessage().contains(scaled.indicator().code()), score.getErrorMessage());
        assertEquals(scaled.indicator().maxScore().add(java.math.BigDecimal.ONE), score.getValue(), "her value stays to be corrected");
        assertEquals(null, savedScore(scaled));
        assertEquals("有改动没有保存：请按标红字段下方的提示修改", _get(Span.class, spec -> spec.withId("save-status")).getText());
        _setValue(_get(TextArea.class, spec -> spec.withId("explanation-" + scaled.indicator().code())), "补充说明");
        assertTrue(score.isInvalid(), "still refused: the score is saved with every change of its card");
        java.math.BigDecimal offStep = scaled.indicator().step().multiply(new java.math.BigDecimal("1.3")); // 1.3 in steps of 1
        _setValue(score, offStep);
        assertTrue(score.isInvalid(), "a score between two steps is refused too");
        assertEquals(null, savedScore(scaled));

        _setValue(score, scaled.indicator().maxScore());
        assertFalse(score.isInvalid());
        assertEquals(0, scaled.indicator().maxScore().compareTo(savedScore(scaled)));
        assertEquals("补充说明", savedExplanation(scaled));
    }

    @Test
    @SuppressWarnings("unchecked")
    void applyingForAStarTooHighIsMarkedOnTheSelect() {
        login(secretary);
        open();
        Select<Integer> star = _get(Select.class, spec -> spec.withId("applied-star"));
        _setValue(star, 5);
        assertTrue(star.isInvalid());
        assertTrue(star.getErrorMessage().contains("3 星"), star.getErrorMessage());
        assertEquals(null, dsl.select(ASSESSMENT.APPLIED_STAR).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1());
        _setValue(star, 3);
        assertFalse(star.isInvalid());
        assertEquals(3, dsl.select(ASSESSMENT.APPLIED_STAR).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchSingle().value1());
    }

    @Test
    void aTooLongExplanationIsKeptWholeRefusedInWordsAndLeavingAsksFirst() {
        login(secretary);
        open();
        SheetItem first = assessments.sheet(assessmentId).items().getFirst();
        TextArea explanation = _get(TextArea.class, spec -> spec.withId("explanation-" + first.indicator().code()));
        assertEquals("0 / 2,000 字", explanation.getHelperText(), "the limit is shown before she types");
        String pasted = "长".repeat(20_000);
        _setValue(explanation, pasted);
        assertEquals(pasted, explanation.getValue(), "nothing is cut off");
        assertTrue(explanation.isInvalid());
        assertEquals("最多 2,000 个字，现有 20,000 个字：请删减后再保存（不会自动截断）", explanation.getErrorMessage());
        assertEquals("20,000 / 2,000 字", explanation.getHelperText());
        assertEquals(null, savedExplanation(first));

        UI.getCurrent().navigate("");
        assertInstanceOf(AssessmentView.class, UI.getCurrent().getCurrentView(), "she is asked before her text is lost");
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("unsaved-confirm")));
        assertFalse(UI.getCurrent().getCurrentView() instanceof AssessmentView);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSaveOvertakenInAnotherTabIsShownOnTheFieldAndStopsThisTabSaving() {
        login(secretary);
        open();
        openAllDimensions();
        List<SheetItem> items = assessments.sheet(assessmentId).items();
        SheetItem first = items.getFirst();
        SheetItem other = items.getLast();
        assessments.saveItem(first.itemId(), null, "另一个窗口先保存了", first.rowVersion()); // the other tab

        TextArea explanation = _get(TextArea.class, spec -> spec.withId("explanation-" + first.indicator().code()));
        _setValue(explanation, "这个窗口的说明");
        assertTrue(explanation.isInvalid(), "the conflict is shown where she typed");
        assertTrue(explanation.getErrorMessage().contains("另一个窗口"), explanation.getErrorMessage());
        assertEquals("这个窗口的说明", explanation.getValue(), "her text stays to be copied");
        assertTrue(_get(Div.class, spec -> spec.withId("save-conflict")).isVisible());

        TextArea otherExplanation = _get(TextArea.class, spec -> spec.withId("explanation-" + other.indicator().code()));
        assertTrue(otherExplanation.isReadOnly(), "the stale tab saves nothing more");
        assertFalse(_get(Button.class, spec -> spec.withId("assessment-submit")).isEnabled());
        assertEquals("另一个窗口先保存了", savedExplanation(first));

        _click(_get(Button.class, spec -> spec.withId("conflict-reload")));
        openAllDimensions();
        otherExplanation = _get(TextArea.class, spec -> spec.withId("explanation-" + other.indicator().code()));
        assertFalse(otherExplanation.isReadOnly());
        _setValue(otherExplanation, "重新加载后可以保存");
        assertEquals("重新加载后可以保存", savedExplanation(other));
    }

    @Test
    void onlyTheFirstDimensionIsBuiltYetTheTotalAndTheGapsCountEveryItem() {
        login(secretary);
        SheetItem last = assessments.sheet(assessmentId).items().getLast();
        assessments.saveItem(last.itemId(), AssessmentFixtures.fullMarks(last.indicator()), null, last.rowVersion());
        open();
        List<Details> dimensions = _find(Details.class, spec -> spec.withClasses("qpb-dimension"));
        assertTrue(dimensions.size() > 1, "the standard has several dimensions");
        int firstSize = assessments.sheet(assessmentId).dimensions().getFirst().items().size();
        assertEquals(firstSize, _find(IndicatorCard.class).size(), "only the open dimension's cards are built");
        assertEquals(cn.luohu.qpb.standard.Scoring.score(assessments.sheet(assessmentId).scheme(),
                        java.util.Map.of(last.indicator().code(), AssessmentFixtures.fullMarks(last.indicator()))).total()
                        .stripTrailingZeros().toPlainString(),
                _get(Span.class, spec -> spec.withId("form-total")).getText(), "the total counts the item whose card is not built");

        _click(_get(Button.class, spec -> spec.withId("assessment-submit")));
        SheetItem unscored = assessments.sheet(assessmentId).dimensions().getLast().items().getFirst();
        assertTrue(unscored.input() == null);
        Button gap = _get(Button.class, spec -> spec.withId("gap-not-scored-" + unscored.indicator().code()));
        assertEquals("指标 " + unscored.indicator().code() + " " + unscored.indicator().title() + " 还没有评分", gap.getText());
        _click(gap);
        assertTrue(dimensions.getLast().isOpened(), "its dimension is opened");
        _get(IndicatorCard.class, spec -> spec.withId("indicator-card-" + unscored.indicator().code()));
    }

    @Test
    void afterAReturnEachIndicatorShowsTheReviewersComment() {
        SheetItem first;
        data.authenticate(secretary);
        first = assessments.sheet(assessmentId).items().getFirst();
        dsl.update(ASSESSMENT_ITEM).set(ASSESSMENT_ITEM.REVIEW_COMMENT, "请补充会议记录的日期")
                .where(ASSESSMENT_ITEM.ID.eq(first.itemId())).execute();
        login(secretary);
        open();
        _assertNone(LabeledValue.class, spec -> spec.withId("review-comment-of-" + first.indicator().code()));

        new AssessmentFixtures(dsl).state(assessmentId, cn.luohu.qpb.assessment.AssessmentState.RETURNED);
        open();
        assertTrue(_get(LabeledValue.class, spec -> spec.withId("review-comment-of-" + first.indicator().code()))
                .getElement().getTextRecursively().contains("请补充会议记录的日期"));
    }

    @Test
    void aTabThatFindsAnotherTabSavedAnyItemMeanwhileStopsSaving() {
        login(secretary);
        open();
        openAllDimensions();
        List<SheetItem> items = assessments.sheet(assessmentId).items();
        SheetItem first = items.getFirst();
        SheetItem second = items.get(1);
        assessments.saveItem(first.itemId(), null, "另一个窗口改了第一项", first.rowVersion()); // the other tab

        _setValue(_get(TextArea.class, spec -> spec.withId("explanation-" + second.indicator().code())), "这个窗口改第二项");
        assertEquals("这个窗口改第二项", savedExplanation(second), "a different item: nothing is overwritten, so it is saved");
        assertTrue(_get(Div.class, spec -> spec.withId("save-conflict")).isVisible(), "but the form no longer shows what is saved");
        TextArea third = _get(TextArea.class, spec -> spec.withId("explanation-" + items.get(2).indicator().code()));
        assertTrue(third.isReadOnly(), "so it saves nothing more until it reloads");
    }

    @Test
    void aDimensionOpenedAfterAnotherTabSavedOneOfItsItemsShowsItAndStopsThisTabSaving() {
        login(secretary);
        open();
        SheetItem last = assessments.sheet(assessmentId).items().getLast();
        assessments.saveItem(last.itemId(), null, "另一个窗口写的", last.rowVersion()); // the other tab
        openAllDimensions();
        TextArea explanation = _get(TextArea.class, spec -> spec.withId("explanation-" + last.indicator().code()));
        assertEquals("另一个窗口写的", explanation.getValue(), "read when opened: what is saved now");
        assertTrue(explanation.isReadOnly(), "this tab's other entries are out of date: it saves nothing more");
        assertTrue(_get(Div.class, spec -> spec.withId("save-conflict")).isVisible());
    }
}

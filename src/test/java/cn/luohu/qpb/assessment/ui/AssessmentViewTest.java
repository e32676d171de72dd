package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.ServerErrorView;
import cn.luohu.qpb.standard.ScoringMethod;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
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
        enterFull(check);
        assertTrue(_get(Div.class, spec -> spec.withId("save-conflict")).getElement().getTextRecursively().contains("另一个窗口"));
        assertEquals("另一个窗口先保存了", dsl.select(ASSESSMENT_ITEM.EXPLANATION).from(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.ID.eq(check.itemId())).fetchSingle().value1(), "nothing was overwritten");
        _click(_get(Button.class, spec -> spec.withId("conflict-reload")));
        assertEquals("另一个窗口先保存了", _get(TextArea.class, spec -> spec.withId("explanation-" + check.indicator().code())).getValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void submittingListsTheGapsThenLeavesTheFormReadOnlyWithItsTimeline() {
        login(secretary);
        open();
        _click(_get(Button.class, spec -> spec.withId("assessment-submit")));
        assertTrue(_get(Div.class, spec -> spec.withId("submit-gaps")).getElement().getTextRecursively().contains("请选择申报星级"));

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
        assertTrue(_get(RadioButtonGroup.class, spec -> spec.withId("input-" + check.indicator().code())).isReadOnly());

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
}

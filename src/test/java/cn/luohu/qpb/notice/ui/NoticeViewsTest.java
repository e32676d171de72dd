package cn.luohu.qpb.notice.ui;

import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.cycle.CycleSummary;
import cn.luohu.qpb.notice.NoticeBatch;
import cn.luohu.qpb.notice.NoticeService;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.textfield.TextArea;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.NOTICE_BATCH;
import static cn.luohu.qpb.jooq.Tables.OBJECTION;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing a notice, reading and printing it, objecting to a result, and deciding objections. */
class NoticeViewsTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;
    @Autowired
    private ApprovalService approvals;
    @Autowired
    private NoticeService notices;

    private AssessmentFixtures fixtures;
    private long committee;
    private long cycle;
    private String approver;
    private long assessment;

    @BeforeEach
    void anApprovedResult() {
        fixtures = new AssessmentFixtures(dsl);
        committee = data.committee("公示界面党工委");
        cycle = fixtures.cycle();
        approver = data.user(data.districtId(), Role.APPROVER);
        assessment = fixtures.recommended(cycle, data.branch(committee, "公示界面支部"), 2, 3,
                data.userId(data.user(committee, Role.REVIEWER)), false);
        actAs(approver);
        approvals.approve(assessment, 3, null, null);
    }

    private String state() {
        return dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessment)).fetchSingle().value1();
    }

    private NoticeBatch published() {
        actAs(approver);
        return notices.publish(cycle);
    }

    @Test
    @SuppressWarnings("unchecked")
    void districtStaffPublishTheApprovedResults() {
        login(approver);
        UI.getCurrent().navigate(NoticesView.class);
        Select<CycleSummary> select = _get(Select.class, spec -> spec.withId("notice-publish-cycle"));
        _setValue(select, select.getListDataView().getItems().filter(c -> c.id() == cycle).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("notice-publish")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("notice-publish-confirm")));

        assertEquals("IN_NOTICE", state());
        assertEquals(1, dsl.fetchCount(NOTICE_BATCH, NOTICE_BATCH.CYCLE_ID.eq(cycle)));
        _click(_get(Button.class, spec -> spec.withId("notice-finalize"))); // nothing has ended yet
        assertEquals("IN_NOTICE", state());
    }

    @Test
    void aSecretarySeesTheNoticesButCannotPublish() {
        published();
        login(data.user(data.branch(committee, "读公示支部"), Role.SECRETARY));
        UI.getCurrent().navigate(NoticesView.class);
        _assertNone(Div.class, spec -> spec.withId("notice-publishing"));
        assertTrue(_size(_get(Grid.class, spec -> spec.withId("notices"))) >= 1);
    }

    @Test
    void anyoneObjectsDuringTheNoticeAndTheListCanBePrintedAndExported() {
        NoticeBatch batch = published();
        login(data.user(data.branch(committee, "异议界面支部"), Role.SECRETARY));
        UI.getCurrent().navigate(NoticeView.class, NoticeView.parameters(batch.id()));
        assertEquals(1, _size(_get(Grid.class, spec -> spec.withId("notice-rows"))));
        _get(Anchor.class, spec -> spec.withId("notice-export-xlsx"));
        _get(Anchor.class, spec -> spec.withId("notice-export-pdf"));

        _click((Button) _getCellComponent(_get(Grid.class, spec -> spec.withId("notice-rows")), 0, "object"));
        _click(_get(Button.class, spec -> spec.withId("notice-object-lodge")));
        assertTrue(_get(TextArea.class, spec -> spec.withId("notice-object-reason")).isInvalid());
        _setValue(_get(TextArea.class, spec -> spec.withId("notice-object-reason")), "该支部组织生活记录不全");
        _click(_get(Button.class, spec -> spec.withId("notice-object-lodge")));
        assertEquals(1, dsl.fetchCount(OBJECTION, OBJECTION.ASSESSMENT_ID.eq(assessment).and(OBJECTION.STATUS.eq("OPEN"))));

        UI.getCurrent().navigate(NoticePrintView.class, NoticeView.parameters(batch.id()));
        assertTrue(_get(Html.class, spec -> spec.withId("notice-print-table")).getInnerHtml().contains("公示界面支部"), "the printed table lists the organisation");
        // under the table: until when and how to object, and who issues the notice
        assertTrue(_get(Paragraph.class, spec -> spec.withId("notice-print-objections")).getText()
                .startsWith("公示期至 " + batch.endsOn() + "。对公示结果有异议的"));
        assertEquals("中共深圳市罗湖区委组织部", _get(Paragraph.class, spec -> spec.withId("notice-print-issuer")).getText());
    }

    @Test
    void anObjectionOverTheLimitIsRefusedInWordsAndKeptWhole() {
        NoticeBatch batch = published();
        login(data.user(data.branch(committee, "长异议支部"), Role.SECRETARY));
        UI.getCurrent().navigate(NoticeView.class, NoticeView.parameters(batch.id()));
        _click((Button) _getCellComponent(_get(Grid.class, spec -> spec.withId("notice-rows")), 0, "object"));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("notice-object-reason"));
        assertEquals("0 / 2,000 字", reason.getHelperText(), "the limit is shown before she types");
        String pasted = "组织生活记录不全".repeat(250) + "。"; // 2,001 characters
        _setValue(reason, pasted);
        _click(_get(Button.class, spec -> spec.withId("notice-object-lodge")));
        assertTrue(reason.isInvalid());
        assertEquals("最多 2,000 个字，现有 2,001 个字：请删减后再保存（不会自动截断）", reason.getErrorMessage());
        assertEquals(pasted, reason.getValue(), "nothing is cut");
        assertEquals(0, dsl.fetchCount(OBJECTION, OBJECTION.ASSESSMENT_ID.eq(assessment)), "nothing was lodged");
    }

    @Test
    @SuppressWarnings("unchecked")
    void districtStaffDismissOrUpholdObjectionsWithAReason() {
        published();
        actAs(data.user(committee, Role.REVIEWER));
        long objection = notices.lodgeObjection(assessment, "评分偏高");
        login(approver);
        UI.getCurrent().navigate(ObjectionsView.class);
        Grid<cn.luohu.qpb.notice.Objection> grid = _get(Grid.class, spec -> spec.withId("objections"));
        int row = java.util.stream.IntStream.range(0, _size(grid)).filter(i -> GridKt._get(grid, i).id() == objection).findFirst()
                .orElseThrow();
        _click(_find((HorizontalLayout) _getCellComponent(grid, row, "actions"), Button.class).get(0));
        _click(_get(Button.class, spec -> spec.withId("objection-decide-confirm")));
        assertTrue(_get(TextArea.class, spec -> spec.withId("objection-decide-reason")).isInvalid());
        _setValue(_get(TextArea.class, spec -> spec.withId("objection-decide-reason")), "经核查评分依据不足");
        _click(_get(Button.class, spec -> spec.withId("objection-decide-confirm")));

        assertEquals("RECOMMENDED", state());
        assertEquals("UPHELD", dsl.select(OBJECTION.STATUS).from(OBJECTION).where(OBJECTION.ID.eq(objection)).fetchSingle().value1());
        assertTrue(java.util.stream.IntStream.range(0, _size(grid)).noneMatch(i -> GridKt._get(grid, i).id() == objection),
                "no longer among the open ones");
    }
}

package cn.luohu.qpb.cycle.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.ServerErrorView;
import cn.luohu.qpb.cycle.CommitteeProgress;
import cn.luohu.qpb.cycle.CycleFixtures;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.OpenProgress;
import cn.luohu.qpb.cycle.PendingAssessment;
import cn.luohu.qpb.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.stream.IntStream;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertEnabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CycleOverviewViewTest extends KaribuTest {

    @Autowired
    private CycleService cycles;
    @Autowired
    private DSLContext dsl;

    private LocalDate today;
    private long committee;
    private long late;
    private long submitted;
    private long cycleId;

    @BeforeEach
    void anOpenCycleWhoseDeadlinePassed() {
        login(data.user(data.districtId(), Role.APPROVER));
        today = cycles.today();
        committee = data.committee("进度页测试党工委");
        late = data.branch(committee, "进度页逾期支部");
        submitted = data.branch(committee, "进度页已提交支部");
        cycleId = cycles.create(CycleFixtures.input(CycleFixtures.nextYear(dsl), today.minusDays(2), CycleFixtures.standards(cycles)));
        cycles.open(cycleId, OpenProgress.NONE);
        dsl.update(ASSESSMENT).set(ASSESSMENT.STATE, "SUBMITTED")
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId).and(ASSESSMENT.ORGANIZATION_ID.eq(submitted))).execute();
    }

    private void openPage() {
        UI.getCurrent().navigate(CycleOverviewView.class, CycleOverviewView.parameters(cycleId));
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<PendingAssessment> pendingGrid() {
        return _get(Grid.class, spec -> spec.withId("cycle-pending-grid"));
    }

    private int rowOf(long organizationId) {
        Grid<PendingAssessment> grid = pendingGrid();
        return IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).organizationId() == organizationId)
                .findFirst().orElse(-1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewCountsPerStateAndCommittee() {
        openPage();
        int total = dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(cycleId));
        assertEquals(String.valueOf(total), text("cycle-count-total").replace(",", ""));
        assertEquals("1", text("cycle-count-SUBMITTED"));
        assertEquals(String.valueOf(total - 1), text("cycle-count-NOT_STARTED").replace(",", ""));
        assertEquals(String.valueOf(total - 1), text("cycle-count-overdue").replace(",", ""));

        Grid<CommitteeProgress> committees = _get(Grid.class, spec -> spec.withId("cycle-committee-grid"));
        int row = IntStream.range(0, GridKt._size(committees)).filter(i -> GridKt._get(committees, i).committeeId() == committee)
                .findFirst().orElseThrow();
        assertEquals("进度页测试党工委", GridKt._getFormatted(committees, row, "committee"));
        assertEquals("1", GridKt._getFormatted(committees, row, "NOT_STARTED"));
        assertEquals("1", GridKt._getFormatted(committees, row, "SUBMITTED"));
        assertEquals("2", GridKt._getFormatted(committees, row, "total"));
        assertTrue(_get(Span.class, spec -> spec.withId("cycle-pending-count")).getText().contains("已逾期未提交"));
    }

    @Test
    void theOverdueListIsLazyAndCanShowEveryoneWhoHasNotSubmitted() {
        openPage();
        assertEquals(cycles.countPending(cycleId, true), GridKt._size(pendingGrid()));
        int row = rowOf(late);
        assertTrue(row >= 0);
        assertEquals("已逾期", GridKt._getFormatted(pendingGrid(), row, "overdue"));
        assertEquals("未开始", GridKt._getFormatted(pendingGrid(), row, "state"));
        assertEquals(today.minusDays(2).toString(), GridKt._getFormatted(pendingGrid(), row, "deadline"));
        assertEquals(-1, rowOf(submitted), "a submitted organisation is not pending");

        _setValue(_get(Checkbox.class, spec -> spec.withId("cycle-overdue-only")), false);
        assertEquals(cycles.countPending(cycleId, false), GridKt._size(pendingGrid()));
    }

    @Test
    void chosenOrganisationsGetALaterDeadlineWithARequiredReason() {
        openPage();
        _assertDisabled(_get(Button.class, spec -> spec.withId("cycle-extend")));
        int overdueBefore = cycles.overview(cycleId).overdue();
        Grid<PendingAssessment> grid = pendingGrid();
        grid.select(GridKt._get(grid, rowOf(late)));
        _assertEnabled(_get(Button.class, spec -> spec.withId("cycle-extend")));
        _click(_get(Button.class, spec -> spec.withId("cycle-extend")));

        assertEquals("延期的党组织：进度页逾期支部", _get(Paragraph.class, spec -> spec.withId("cycle-extend-who")).getText());
        LocalDate until = today.plusDays(5);
        _setValue(_get(DatePicker.class, spec -> spec.withId("cycle-extend-date")), until);
        _click(_get(Button.class, spec -> spec.withId("cycle-extend-save")));
        String errors = _get(Div.class, spec -> spec.withId("cycle-extend-errors")).getElement().getTextRecursively();
        assertEquals("请填写延期理由", errors, "the reason is required");
        assertEquals(overdueBefore, cycles.overview(cycleId).overdue(), "nothing changed");

        _setValue(_get(TextArea.class, spec -> spec.withId("cycle-extend-reason")), "支部换届，书记刚到任");
        _click(_get(Button.class, spec -> spec.withId("cycle-extend-save")));
        _assertNone(Dialog.class, spec -> spec.withId("cycle-extend-dialog"));
        NotificationsKt.expectNotifications("已为 1 个党组织延期至 " + until);

        assertEquals(String.valueOf(overdueBefore - 1), text("cycle-count-overdue").replace(",", ""));
        assertEquals(-1, rowOf(late), "no longer overdue");
        _setValue(_get(Checkbox.class, spec -> spec.withId("cycle-overdue-only")), false);
        int row = rowOf(late);
        assertEquals(until + " （已延期）", GridKt._getFormatted(pendingGrid(), row, "deadline"));
        long assessment = GridKt._get(pendingGrid(), row).assessmentId();
        assertEquals(1, dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ASSESSMENT_DEADLINE_EXTENDED")
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(assessment)))));
    }

    @Test
    void aPlannedCycleHasNothingToExtend() {
        long planned = cycles.create(CycleFixtures.input(CycleFixtures.nextYear(dsl), today.plusDays(10), CycleFixtures.standards(cycles)));
        UI.getCurrent().navigate(CycleOverviewView.class, CycleOverviewView.parameters(planned));
        assertEquals("0", text("cycle-count-total"));
        assertEquals(0, GridKt._size(pendingGrid()));
        _assertDisabled(_get(Button.class, spec -> spec.withId("cycle-extend")));
        assertTrue(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("cycle-title")).getText().contains("筹备中"));
    }

    @Test
    void anUnknownCycleIsRefusedInWords() {
        UI.getCurrent().navigate("cycles/999999999");
        assertInstanceOf(ServerErrorView.class, UI.getCurrent().getCurrentView());
        assertEquals("要找的记录不存在或已被删除", _get(Paragraph.class, spec -> spec.withId("server-error-message")).getText());
        UI.getCurrent().navigate("cycles/not-a-number"); // an address that cannot name a cycle: the not-found page
        assertInstanceOf(cn.luohu.qpb.base.ui.NotFoundView.class, UI.getCurrent().getCurrentView());
        assertEquals("您要打开的页面不存在：地址可能有误，或者该记录已被删除。",
                _get(Paragraph.class, spec -> spec.withId("not-found-message")).getText());
    }
}

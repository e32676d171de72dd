package cn.luohu.qpb.cycle.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.cycle.CycleFixtures;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.CycleStatus;
import cn.luohu.qpb.cycle.CycleSummary;
import cn.luohu.qpb.cycle.OpenProgress;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.standard.StandardService;
import cn.luohu.qpb.standard.StandardSummary;
import cn.luohu.qpb.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithID;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CyclesViewTest extends KaribuTest {

    @Autowired
    private CycleService cycles;
    @Autowired
    private StandardService standards;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private DataSource dataSource;

    private LocalDate today;

    @BeforeEach
    void logInAsDistrictStaff() {
        login(data.user(data.districtId(), Role.APPROVER));
        today = cycles.today();
    }

    private long planned(Map<Category, Long> chosen) {
        return cycles.create(CycleFixtures.input(CycleFixtures.nextYear(dsl), today.plusDays(30), chosen));
    }

    private static CyclesView view() {
        return currentView(CyclesView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<CycleSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("cycle-grid"));
    }

    private static void clickRowAction(long cycleId, String action) {
        int row = IntStream.range(0, GridKt._size(grid())).filter(i -> GridKt._get(grid(), i).id() == cycleId)
                .findFirst().orElseThrow();
        _clickItemWithID((MenuBar) GridKt._getCellComponent(grid(), row, "actions"), "cycle-" + action + "-" + cycleId);
    }

    private static String grouped(int number) {
        return String.format(java.util.Locale.ROOT, "%,d", number);
    }

    private static String text(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCreateDialogSetsUpACycleWithAStandardPerCategory() {
        UI.getCurrent().navigate(CyclesView.class);
        _click(_get(Button.class, spec -> spec.withId("cycle-create")));

        IntegerField year = _get(IntegerField.class, spec -> spec.withId("cycle-editor-year"));
        assertNotNull(year.getValue(), "a free year is suggested");
        int chosenYear = CycleFixtures.nextYear(dsl);
        _setValue(year, chosenYear);
        assertEquals(chosenYear + "年度质量党建星级评定", _get(TextField.class, spec -> spec.withId("cycle-editor-name")).getValue(),
                "the name follows the year");
        assertEquals(5, _get(IntegerField.class, spec -> spec.withId("cycle-editor-notice")).getValue(), "five days of notice by default");
        for (Category category : Category.values()) {
            Select<StandardSummary> standard = _get(Select.class, spec -> spec.withId("cycle-editor-standard-" + category.name()));
            assertNotNull(standard.getValue(), "a published standard is proposed for " + category);
            assertTrue(standard.getValue().categories().contains(category));
            assertTrue(standard.getListDataView().getItems().allMatch(s -> s.categories().contains(category)),
                    "only standards that serve the category are offered");
        }
        _setValue(_get(DatePicker.class, spec -> spec.withId("cycle-editor-self")), today.plusDays(30));
        _setValue(_get(DatePicker.class, spec -> spec.withId("cycle-editor-review")), today.plusDays(45));
        _setValue(_get(DatePicker.class, spec -> spec.withId("cycle-editor-approval")), today.plusDays(60));
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("cycle-editor-quota-5")), new BigDecimal("10"));
        _click(_get(Button.class, spec -> spec.withId("cycle-editor-save")));

        _assertNone(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("cycle-editor"));
        NotificationsKt.expectNotifications("已保存“" + chosenYear + "年度质量党建星级评定”");
        CycleSummary created = cycles.list().stream().filter(c -> c.year() == chosenYear).findFirst().orElseThrow();
        assertEquals(CycleStatus.PLANNED, created.status());
        assertEquals(today.plusDays(45), created.reviewDeadline());
        assertEquals(0, new BigDecimal("10").compareTo(created.quotas().get(5)));
        assertEquals(Category.values().length, created.standards().size());
        assertTrue(IntStream.range(0, GridKt._size(grid())).anyMatch(i -> GridKt._get(grid(), i).id() == created.id()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCreateDialogListsEveryProblemInChineseAndKeepsTheInput() {
        UI.getCurrent().navigate(CyclesView.class);
        _click(_get(Button.class, spec -> spec.withId("cycle-create")));
        int chosenYear = CycleFixtures.nextYear(dsl);
        _setValue(_get(IntegerField.class, spec -> spec.withId("cycle-editor-year")), chosenYear);
        _setValue(_get(DatePicker.class, spec -> spec.withId("cycle-editor-self")), today.plusDays(30));
        _setValue(_get(DatePicker.class, spec -> spec.withId("cycle-editor-review")), today.plusDays(20));
        _setValue(_get(DatePicker.class, spec -> spec.withId("cycle-editor-approval")), today.plusDays(60));
        _setValue(_get(Select.class, spec -> spec.withId("cycle-editor-standard-AGENCY")), null);
        _setValue(_get(IntegerField.class, spec -> spec.withId("cycle-editor-notice")), 90);
        _click(_get(Button.class, spec -> spec.withId("cycle-editor-save")));

        String errors = text("cycle-editor-errors");
        assertTrue(errors.contains("请为“机关事业单位党组织”选择指标体系"), errors);
        assertTrue(errors.contains("审核截止日期不能早于自评截止日期"), errors);
        assertTrue(errors.contains("公示天数须在 1 至 60 天之间"), errors);
        assertEquals(today.plusDays(20), _get(DatePicker.class, spec -> spec.withId("cycle-editor-review")).getValue());
        assertFalse(dsl.fetchExists(ASSESSMENT_CYCLE, ASSESSMENT_CYCLE.YEAR.eq(chosenYear)));

        // a year that has a cycle already is refused in words
        long other = planned(CycleFixtures.standards(cycles));
        _setValue(_get(IntegerField.class, spec -> spec.withId("cycle-editor-year")), cycles.get(other).year());
        _click(_get(Button.class, spec -> spec.withId("cycle-editor-save")));
        assertTrue(text("cycle-editor-errors").contains(cycles.get(other).year() + " 年度已有评定：每年只能有一次评定"),
                text("cycle-editor-errors"));
    }

    @Test
    void openingAsksFirstThenRunsInTheBackgroundWithProgress() throws SQLException {
        long id = planned(CycleFixtures.standards(cycles));
        UI.getCurrent().navigate(CyclesView.class);
        clickRowAction(id, "open");

        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("cycle-open-confirm"));
        int organisations = cycles.openPlan(id).organizations();
        int items = cycles.openPlan(id).items();
        assertTrue(ConfirmDialogKt.getText(confirm).contains("将为 " + grouped(organisations) + " 个在册的基层党组织各生成一份自评表"),
                ConfirmDialogKt.getText(confirm));
        assertTrue(ConfirmDialogKt.getText(confirm).contains("不能撤回"));

        // another transaction holds the cycle's row, so the opening waits in the background while we look
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            DSL.using(other).select(ASSESSMENT_CYCLE.ID).from(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(id)).forUpdate().fetch();
            ConfirmDialogKt._fireConfirm(confirm);

            // it runs in the background: the bar shows, the page polls, a second cycle cannot be started meanwhile
            assertTrue(_get(ProgressBar.class, spec -> spec.withId("cycle-open-progress")).isVisible());
            assertEquals(500, UI.getCurrent().getPollInterval());
            _assertDisabled(_get(Button.class, spec -> spec.withId("cycle-create")));
            assertFalse(view().task().isDone());
            other.rollback();
        }
        view().task().join();
        MockVaadin.clientRoundtrip(false);

        assertEquals(-1, UI.getCurrent().getPollInterval());
        _assertNone(ProgressBar.class, spec -> spec.withId("cycle-open-progress"));
        String lastProgress = view().getChildren().filter(c -> c.getId().orElse("").equals("cycle-open-progress-text"))
                .map(c -> ((Span) c).getText()).findFirst().orElseThrow();
        assertEquals("正在生成自评表：" + grouped(organisations) + " / " + grouped(organisations) + " 个党组织", lastProgress,
                "the progress reached the screen");
        CycleSummary opened = cycles.get(id);
        assertEquals(CycleStatus.OPEN, opened.status());
        assertEquals(organisations, dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id)));
        NotificationsKt.expectNotifications("“" + opened.name() + "”已开启：生成 " + grouped(organisations) + " 份自评表、"
                + grouped(items) + " 条指标记录");
        assertEquals("进行中", GridKt._getFormatted(grid(), IntStream.range(0, GridKt._size(grid()))
                .filter(i -> GridKt._get(grid(), i).id() == id).findFirst().orElseThrow(), "status"));
    }

    @Test
    void cancellingTheOpeningChangesNothing() {
        long id = planned(CycleFixtures.standards(cycles));
        UI.getCurrent().navigate(CyclesView.class);
        clickRowAction(id, "open");
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class, spec -> spec.withId("cycle-open-confirm")));
        assertEquals(CycleStatus.PLANNED, cycles.get(id).status());
        assertEquals(0, dsl.fetchCount(ASSESSMENT, ASSESSMENT.CYCLE_ID.eq(id)));
    }

    @Test
    void organisationsWithoutAStandardAreListedInsteadOfOpening() {
        Map<Category, Long> chosen = new EnumMap<>(CycleFixtures.standards(cycles));
        long copy = standards.copyToDraft(chosen.get(Category.URBAN_VILLAGE));
        standards.publish(copy);
        chosen.put(Category.URBAN_VILLAGE, copy);
        long id = planned(chosen);
        standards.retire(copy);

        UI.getCurrent().navigate(CyclesView.class);
        clickRowAction(id, "open");
        _assertNone(ConfirmDialog.class, spec -> spec.withId("cycle-open-confirm"));
        String refusal = text("cycle-refusal");
        assertTrue(refusal.startsWith("不能开启："), refusal);
        assertTrue(refusal.contains("城中村/同乡村党支部："), refusal);
        assertEquals(CycleStatus.PLANNED, cycles.get(id).status());
    }

    @Test
    void closingAndDeletingAskFirst() {
        long open = planned(CycleFixtures.standards(cycles));
        cycles.open(open, OpenProgress.NONE);
        long planned = planned(CycleFixtures.standards(cycles));
        UI.getCurrent().navigate(CyclesView.class);

        clickRowAction(open, "close");
        ConfirmDialog close = _get(ConfirmDialog.class, spec -> spec.withId("cycle-close-confirm"));
        assertTrue(ConfirmDialogKt.getText(close).contains("不能再开启"));
        ConfirmDialogKt._fireConfirm(close);
        assertEquals(CycleStatus.CLOSED, cycles.get(open).status());
        NotificationsKt.expectNotifications("“" + cycles.get(open).name() + "”已结束");

        clickRowAction(planned, "delete");
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class, spec -> spec.withId("cycle-delete-confirm")));
        assertEquals(CycleStatus.PLANNED, cycles.get(planned).status());
        String name = cycles.get(planned).name();
        clickRowAction(planned, "delete");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("cycle-delete-confirm")));
        assertFalse(dsl.fetchExists(ASSESSMENT_CYCLE, ASSESSMENT_CYCLE.ID.eq(planned)));
        NotificationsKt.expectNotifications("已删除“" + name + "”");
        assertTrue(IntStream.range(0, GridKt._size(grid())).noneMatch(i -> GridKt._get(grid(), i).id() == planned));
    }

    @Test
    void aPlannedCycleIsEditedInTheSameDialog() {
        long id = planned(CycleFixtures.standards(cycles));
        UI.getCurrent().navigate(CyclesView.class);
        clickRowAction(id, "edit");
        TextField name = _get(TextField.class, spec -> spec.withId("cycle-editor-name"));
        assertEquals(cycles.get(id).name(), name.getValue());
        _setValue(name, "修改后的评定名称");
        _setValue(_get(IntegerField.class, spec -> spec.withId("cycle-editor-notice")), 7);
        _click(_get(Button.class, spec -> spec.withId("cycle-editor-save")));
        assertEquals("修改后的评定名称", cycles.get(id).name());
        assertEquals(7, cycles.get(id).noticeDays());
    }
}

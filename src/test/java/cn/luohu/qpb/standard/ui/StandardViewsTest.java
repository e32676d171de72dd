package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.ScoringMethod;
import cn.luohu.qpb.standard.StandardDefinition;
import cn.luohu.qpb.standard.StandardService;
import cn.luohu.qpb.standard.StandardStatus;
import cn.luohu.qpb.standard.StandardSummary;
import cn.luohu.qpb.support.KaribuTest;
import cn.luohu.qpb.support.TestData;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithID;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list, the editor (with its indicator dialog) and the preview of standards. */
class StandardViewsTest extends KaribuTest {

    @Autowired
    private StandardService standards;

    @BeforeEach
    void loginAsDistrictStaff() {
        login(data.user(data.districtId(), Role.APPROVER));
    }

    private StandardSummary seeded() {
        return standards.list().stream().filter(s -> s.code().equals("LH-SQ-2026") && s.version() == 1).findFirst().orElseThrow();
    }

    private long currentId() {
        return Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation().getSegments().get(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListShowsEveryVersionAndCopiesOneIntoADraft() {
        UI.getCurrent().navigate(StandardsView.class);
        Grid<StandardSummary> grid = _get(Grid.class, spec -> spec.withId("standard-grid"));
        assertTrue(_size(grid) >= 6);
        StandardSummary community = seeded();
        int row = java.util.stream.IntStream.range(0, _size(grid))
                .filter(i -> com.github.mvysny.kaributesting.v10.GridKt._get(grid, i).id() == community.id()).findFirst().orElseThrow();
        MenuBar actions = (MenuBar) _getCellComponent(grid, row, "actions");
        _clickItemWithID(actions, "standard-copy-" + community.id());
        assertInstanceOf(StandardEditorView.class, UI.getCurrent().getCurrentView());
        long copy = currentId();
        assertEquals(StandardStatus.DRAFT, standards.list().stream().filter(s -> s.id() == copy).findFirst().orElseThrow().status());
        assertEquals(standards.definition(community.id()).dimensions(), standards.definition(copy).dimensions());
    }

    @Test
    void aPublishedStandardIsShownReadOnly() {
        UI.getCurrent().navigate(StandardEditorView.class, StandardEditorView.parameters(seeded().id()));
        _assertNone(Button.class, spec -> spec.withId("standard-save"));
        _assertNone(Button.class, spec -> spec.withId("standard-publish"));
        assertTrue(_get(TextField.class, spec -> spec.withId("standard-name")).isReadOnly());
        _click(_get(Button.class, spec -> spec.withId("standard-copy")));
        assertEquals(StandardStatus.DRAFT, standards.list().stream().filter(s -> s.id() == currentId()).findFirst().orElseThrow()
                .status(), "its copy opens as an editable draft");
        _get(Button.class, spec -> spec.withId("standard-save"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDraftIsEditedSavedAndPublishedOnlyWhenEveryRulePasses() {
        UI.getCurrent().navigate(StandardsView.class);
        _click(_get(Button.class, spec -> spec.withId("standard-create")));
        _setValue(_get(TextField.class, spec -> spec.withId("standard-new-code")), TestData.unique("NEW"));
        _setValue(_get(TextField.class, spec -> spec.withId("standard-new-name")), "新建测试标准");
        _click(_get(Button.class, spec -> spec.withId("standard-new-create")));
        long id = currentId();

        _click(_get(Button.class, spec -> spec.withId("standard-publish")));
        String listed = _get(Div.class, spec -> spec.withId("standard-problems")).getElement().getTextRecursively();
        assertTrue(listed.contains("请至少选择一个适用的组织类别") && listed.contains("标准中还没有任何指标")
                && listed.contains("基本指标分值合计为 0 分"), listed);

        _click(_get(Button.class, spec -> spec.withId("standard-add-dimension")));
        _setValue(_get(TextField.class, spec -> spec.withId("dimension-name-0")), "组织设置");
        _click(_get(Button.class, spec -> spec.withId("indicator-add-0")));
        _setValue(_get(TextField.class, spec -> spec.withId("indicator-code")), "T-01");
        _setValue(_get(TextField.class, spec -> spec.withId("indicator-title")), "按期换届");
        _setValue(_get(TextArea.class, spec -> spec.withId("indicator-guidance")), "任期届满前三个月启动换届");
        _setValue(_get(TextArea.class, spec -> spec.withId("indicator-quality")), "按期完成换届");
        _setValue(_get(Select.class, spec -> spec.withId("indicator-method")), ScoringMethod.SCALE);
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("indicator-max")), new BigDecimal("100"));
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("indicator-step")), new BigDecimal("0.5"));
        _click(_get(Button.class, spec -> spec.withId("indicator-ok")));
        assertEquals("基本指标分值合计：100 / 100 分", _get(Span.class, spec -> spec.withId("standard-base-total")).getText());
        var categories = _get(com.vaadin.flow.component.combobox.MultiSelectComboBox.class, spec -> spec.withId("standard-categories"));
        categories.setValue(java.util.Set.of(cn.luohu.qpb.organization.Category.AGENCY));

        _click(_get(Button.class, spec -> spec.withId("standard-publish")));
        assertEquals(StandardStatus.PUBLISHED, standards.list().stream().filter(s -> s.id() == id).findFirst().orElseThrow().status());
        StandardDefinition published = standards.definition(id);
        IndicatorDefinition only = published.indicators().getFirst();
        assertEquals(List.of("T-01", "按期换届", "组织设置"), List.of(only.code(), only.title(), published.dimensions().getFirst().name()));
    }

    @Test
    void thePreviewIsTheSecretarysFormWithLiveTotals() {
        long id = seeded().id();
        UI.getCurrent().navigate(StandardPreviewView.class, StandardEditorView.parameters(id));
        StandardDefinition standard = standards.definition(id);
        assertEquals(standard.indicators().size(), _find(Div.class, spec -> spec.withClasses("qpb-indicator")).size());
        assertEquals("0", _get(Span.class, spec -> spec.withId("form-total")).getText());
        IndicatorDefinition first = standard.indicators().getFirst();
        switch (first.method()) {
            case CHECK -> _get(RadioButtonGroup.class, spec -> spec.withId("input-" + first.code())).setValue(true);
            case SCALE -> _setValue(_get(BigDecimalField.class, spec -> spec.withId("input-" + first.code())), first.maxScore());
            case DEDUCT -> _setValue(_get(IntegerField.class, spec -> spec.withId("input-" + first.code())), 0);
        }
        assertEquals(ScoringRuleText.plain(first.maxScore()), _get(Span.class, spec -> spec.withId("form-total")).getText());
        assertTrue(_get(Span.class, spec -> spec.withId("form-status")).getText()
                .contains("还有 " + (standard.indicators().size() - 1) + " 项未填写"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStandardGoesToExcelAndComesBackAsANewDraft() {
        StandardSummary community = seeded();
        UI.getCurrent().navigate(StandardEditorView.class, StandardEditorView.parameters(community.id()));
        byte[] workbook = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("standard-export")));

        UI.getCurrent().navigate(StandardsView.class);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("standard-import")), "社区标准.xlsx", workbook);
        assertInstanceOf(StandardEditorView.class, UI.getCurrent().getCurrentView());
        StandardDefinition imported = standards.definition(currentId());
        StandardDefinition original = standards.definition(community.id());
        assertEquals(original.dimensions(), imported.dimensions());
        assertEquals(original.bands(), imported.bands());
        assertTrue(imported.version() > original.version(), "imported as the code's next version");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFileThatIsNotAWorkbookIsRefusedWithItsProblems() {
        UI.getCurrent().navigate(StandardsView.class);
        int before = standards.list().size();
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("standard-import")), "标准.xlsx",
                "%PDF-1.7 not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Grid<cn.luohu.qpb.standard.StandardWorkbook.Problem> problems =
                _get(Grid.class, spec -> spec.withId("workbook-problems-grid"));
        assertEquals(1, _size(problems));
        assertEquals(before, standards.list().size(), "nothing was stored");
    }

    @Test
    void theIndicatorDialogShowsOnlyTheFieldsItNeeds() {
        UI.getCurrent().navigate(StandardEditorView.class, StandardEditorView.parameters(standards.createDraft(
                new StandardDefinition(TestData.unique("D"), "对话框", 1, java.util.Set.of(), null,
                        List.of(new cn.luohu.qpb.standard.DimensionDefinition("维度", List.of())), null, null))));
        _click(_get(Button.class, spec -> spec.withId("indicator-add-0")));
        _assertNone(IntegerField.class, spec -> spec.withId("indicator-veto-cap")); // hidden until it is a veto
        _get(Checkbox.class, spec -> spec.withId("indicator-veto")).setValue(true);
        _get(IntegerField.class, spec -> spec.withId("indicator-veto-cap"));
    }
}

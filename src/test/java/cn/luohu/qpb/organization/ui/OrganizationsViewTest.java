package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.OrganizationNode;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.support.KaribuTest;
import cn.luohu.qpb.support.TestData;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.IntStream;

import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrganizationsViewTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;

    private long committee;
    private long branch;
    private String admin;

    @BeforeEach
    void setUp() {
        committee = data.committee("视图测试党工委");
        branch = data.branch(committee, "视图测试支部");
        admin = data.user(data.districtId(), Role.ADMIN);
    }

    @SuppressWarnings("unchecked")
    private TreeGrid<OrganizationNode> tree() {
        return _get(TreeGrid.class, spec -> spec.withId("org-tree"));
    }

    private static List<OrganizationSummary> rows(TreeGrid<OrganizationNode> tree) {
        return IntStream.range(0, _size(tree)).mapToObj(i -> _get(tree, i).organization()).toList();
    }

    private OrganizationNode row(TreeGrid<OrganizationNode> tree, long id) {
        return IntStream.range(0, _size(tree)).mapToObj(i -> _get(tree, i))
                .filter(n -> n.organization().id() == id).findFirst().orElseThrow();
    }

    private String code(long id) {
        return dsl.select(ORGANIZATION.CODE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchSingle().value1();
    }

    private void showOnly(long id) {
        _setValue(_get(TextField.class, spec -> spec.withId("org-filter-text")), code(id));
    }

    @Test
    void districtStaffOpenTheTreeLevelByLevel() {
        login("district");
        UI.getCurrent().navigate(OrganizationsView.class);
        TreeGrid<OrganizationNode> tree = tree();
        OrganizationNode root = _get(tree, 0);
        assertEquals(OrgKind.DISTRICT, root.organization().kind());
        assertEquals(1 + root.childCount(), _size(tree), "the root opens by itself, showing the committees");
        assertTrue(rows(tree).stream().skip(1).allMatch(o -> o.kind() == OrgKind.COMMITTEE));
        tree.expand(row(tree, committee));
        assertTrue(rows(tree).stream().anyMatch(o -> o.id() == branch));
        _assertNone(Button.class, spec -> spec.withId("org-create"));
    }

    @Test
    void aReviewerSeesOnlyHisCommitteesTree() {
        login(data.user(committee, Role.REVIEWER));
        UI.getCurrent().navigate(OrganizationsView.class);
        TreeGrid<OrganizationNode> tree = tree();
        assertEquals(List.of(committee, branch), rows(tree).stream().map(OrganizationSummary::id).toList(),
                "his committee is the top of his tree");
        _setValue(_get(TextField.class, spec -> spec.withId("org-filter-text")), "翠竹");
        assertEquals(0, _size(tree), "other committees stay invisible to a search");
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersShowMatchesAsAFlatList() {
        login("district");
        UI.getCurrent().navigate(OrganizationsView.class);
        ComboBox<OrgKind> kind = _get(ComboBox.class, spec -> spec.withId("org-filter-kind"));
        _setValue(kind, OrgKind.COMMITTEE);
        List<OrganizationSummary> committees = rows(tree());
        assertTrue(committees.size() >= 13);
        assertTrue(committees.stream().allMatch(o -> o.kind() == OrgKind.COMMITTEE));
        _setValue(kind, null);
        Select<Boolean> active = _get(Select.class, spec -> spec.withId("org-filter-active"));
        _setValue(active, false);
        assertTrue(rows(tree()).stream().noneMatch(OrganizationSummary::active));
    }

    @Test
    void anAdministratorCreatesABranchThroughTheDialog() {
        login(admin);
        UI.getCurrent().navigate(OrganizationsView.class);
        showOnly(committee);
        tree().select(row(tree(), committee));
        _click(_get(Button.class, spec -> spec.withId("org-create")));
        String code = TestData.unique("V");
        _setValue(_get(Select.class, spec -> spec.withId("org-editor-kind")), OrgKind.BRANCH);
        _setValue(_get(TextField.class, spec -> spec.withId("org-editor-code")), code);
        _setValue(_get(TextField.class, spec -> spec.withId("org-editor-name")), "中共对话框测试支部委员会");
        _click(_get(Button.class, spec -> spec.withId("org-editor-save")));
        assertTrue(_get(Div.class, spec -> spec.withId("org-editor-errors")).getElement().getTextRecursively()
                .contains("必须选择组织类别"), "the missing category is explained and nothing is saved");
        assertEquals(0, dsl.fetchCount(ORGANIZATION, ORGANIZATION.CODE.eq(code)));

        _setValue(_get(Select.class, spec -> spec.withId("org-editor-category")), cn.luohu.qpb.organization.Category.AGENCY);
        _click(_get(Button.class, spec -> spec.withId("org-editor-save")));
        assertEquals(committee, dsl.select(ORGANIZATION.PARENT_ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code))
                .fetchSingle().value1());
    }

    @Test
    void anAdministratorEditsMovesAndDeactivates() {
        long otherCommittee = data.committee("目标党工委");
        login(admin);
        UI.getCurrent().navigate(OrganizationsView.class);
        showOnly(branch);
        tree().select(row(tree(), branch));
        _click(_get(Button.class, spec -> spec.withId("org-edit")));
        _setValue(_get(TextField.class, spec -> spec.withId("org-editor-name")), "改过名的支部");
        _click(_get(Button.class, spec -> spec.withId("org-editor-save")));
        assertEquals("改过名的支部", dsl.select(ORGANIZATION.NAME).from(ORGANIZATION).where(ORGANIZATION.ID.eq(branch))
                .fetchSingle().value1());

        tree().select(row(tree(), branch));
        _click(_get(Button.class, spec -> spec.withId("org-move")));
        OrganizationPicker picker = _get(OrganizationPicker.class, spec -> spec.withId("org-move-parent"));
        picker.setValue(_get(tree(), 0).organization()); // the branch itself: a move below itself is refused
        _click(_get(Button.class, spec -> spec.withId("org-move-confirm")));
        assertFalse(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("org-move-error")).getText().isEmpty());
        picker.setValue(new OrganizationSummary(otherCommittee, code(otherCommittee), "目标党工委", "目标党工委", OrgKind.COMMITTEE,
                null, null, null, 0, null, true, 0, null, null, null));
        _click(_get(Button.class, spec -> spec.withId("org-move-confirm")));
        assertEquals(otherCommittee, dsl.select(ORGANIZATION.PARENT_ID).from(ORGANIZATION).where(ORGANIZATION.ID.eq(branch))
                .fetchSingle().value1());

        tree().select(row(tree(), branch));
        _click(_get(Button.class, spec -> spec.withId("org-toggle-active")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("org-toggle-confirm")));
        assertFalse(dsl.select(ORGANIZATION.ACTIVE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(branch)).fetchSingle().value1());
    }
}

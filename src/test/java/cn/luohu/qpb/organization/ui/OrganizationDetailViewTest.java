package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.ServerErrorView;
import cn.luohu.qpb.organization.UserOfOrganization;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrganizationDetailViewTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;

    @Test
    @SuppressWarnings("unchecked")
    void showsTheOrganisationItsHistoryAndItsAccounts() {
        login("reviewer");
        UI.getCurrent().navigate("organisations/CZ001");
        assertEquals("中共深圳市罗湖区翠竹社区委员会", _get(H2.class, spec -> spec.withId("org-detail-name")).getText());
        assertEquals("中共深圳市罗湖区翠竹街道工作委员会", _get(Anchor.class, spec -> spec.withId("org-detail-parent")).getText());
        assertEquals(2, _size(_get(Grid.class, spec -> spec.withId("org-detail-history"))));
        Grid<UserOfOrganization> users = _get(Grid.class, spec -> spec.withId("org-detail-users"));
        assertTrue(java.util.stream.IntStream.range(0, _size(users)).mapToObj(i -> _get(users, i).username())
                .toList().containsAll(java.util.List.of("secretary", "sec-cz001")));
    }

    @Test
    void anotherCommitteesOrganisationIsRefusedByItsAddress() {
        login("reviewer");
        UI.getCurrent().navigate("organisations/GY001");
        assertInstanceOf(ServerErrorView.class, UI.getCurrent().getCurrentView());
        String refused = _get(Paragraph.class, spec -> spec.withId("server-error-message")).getText();
        UI.getCurrent().navigate("organisations/NO-SUCH-CODE");
        // issue 11, item 7: another committee's organisation answers exactly as a missing one does
        assertEquals("要找的记录不存在或已被删除", refused);
        assertEquals(refused, _get(Paragraph.class, spec -> spec.withId("server-error-message")).getText());
    }

    @Test
    void districtStaffOpenAnyOrganisation() {
        login(data.user(data.districtId(), Role.APPROVER));
        UI.getCurrent().navigate("organisations/GY001");
        assertTrue(_get(H2.class, spec -> spec.withId("org-detail-name")).getText().contains("老围社区"));
    }

    @Test
    void districtStaffRevokeAStarWithAReasonAndOthersCannot() {
        long branch = data.branch(data.committee("摘星界面党工委"), "摘星界面支部");
        dsl.update(ORGANIZATION).set(ORGANIZATION.CURRENT_STAR, 3).where(ORGANIZATION.ID.eq(branch)).execute();
        String code = dsl.select(ORGANIZATION.CODE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(branch)).fetchSingle().value1();
        login(data.user(data.districtId(), Role.ADMIN));
        UI.getCurrent().navigate("organisations/" + code);
        _assertNone(Button.class, spec -> spec.withId("org-detail-revoke"));
        logout();

        login(data.user(data.districtId(), Role.APPROVER));
        UI.getCurrent().navigate("organisations/" + code);
        _click(_get(Button.class, spec -> spec.withId("org-detail-revoke")));
        _click(_get(Button.class, spec -> spec.withId("revoke-next")));
        assertTrue(_get(TextArea.class, spec -> spec.withId("revoke-reason")).isInvalid(), "a reason is required");
        _setValue(_get(TextArea.class, spec -> spec.withId("revoke-reason")), "发生严重违纪问题");
        _click(_get(Button.class, spec -> spec.withId("revoke-next")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("revoke-confirm")));

        assertEquals(0, dsl.select(ORGANIZATION.CURRENT_STAR).from(ORGANIZATION).where(ORGANIZATION.ID.eq(branch)).fetchSingle().value1());
        assertEquals(1, _size(_get(Grid.class, spec -> spec.withId("org-detail-history"))), "the history shows the revocation");
        _assertNone(Button.class, spec -> spec.withId("org-detail-revoke"));
    }
}

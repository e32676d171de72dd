package cn.luohu.qpb.home.ui;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.organization.CommitteeStarCounts;
import cn.luohu.qpb.organization.OrganizationSummary;
import cn.luohu.qpb.organization.StarHistoryEntry;
import cn.luohu.qpb.organization.ui.OrganizationDetailView;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each role's home view shows real data from the demo district. */
class HomeViewTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;

    private static <T> List<T> rows(Grid<T> grid) {
        return IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i)).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSecretarySeesHerOrganisationAndItsStarHistory() {
        login("secretary");
        UI.getCurrent().navigate(HomeView.class);
        assertEquals("中共深圳市罗湖区翠竹社区委员会", _get(Span.class, spec -> spec.withId("secretary-org-name")).getText());
        var card = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("secretary-org-card"));
        assertTrue(card.getElement().getTextRecursively().contains("翠竹街道党工委"));
        assertTrue(card.getElement().getTextRecursively().contains("社区党组织"));
        Grid<StarHistoryEntry> history = _get(Grid.class, spec -> spec.withId("secretary-star-history"));
        assertEquals(2, _size(history));
        int current = dsl.select(ORGANIZATION.CURRENT_STAR).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("CZ001"))
                .fetchSingle().value1();
        assertEquals(current, _get(history, 0).toStar(), "newest first, ending at the current star");
        _assertNone(VerticalLayout.class, spec -> spec.withId("home-reviewer"));
        _assertNone(VerticalLayout.class, spec -> spec.withId("home-district"));
    }

    @Test
    void theSecretarySeesHerAssessmentsStateAndDeadline() {
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        long branch = data.branch(data.committee("首页截止党工委"), "首页截止支部");
        long cycle = fixtures.cycle();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        dsl.update(ASSESSMENT_CYCLE).set(ASSESSMENT_CYCLE.SELF_DEADLINE, today.plusDays(5)).where(ASSESSMENT_CYCLE.ID.eq(cycle)).execute();
        long assessment = fixtures.assessment(cycle, branch, AssessmentState.DRAFT);
        login(data.user(branch, Role.SECRETARY));
        UI.getCurrent().navigate(HomeView.class);

        String card = _get(Div.class, spec -> spec.withId("secretary-current")).getElement().getTextRecursively();
        assertTrue(card.contains("填写中") && card.contains(today.plusDays(5).toString()), card);
        assertEquals("还剩 5 天", _get(Span.class, spec -> spec.withId("secretary-current-due")).getText());

        // an extended deadline counts; past it, she reads how long she is overdue
        dsl.update(ASSESSMENT).set(ASSESSMENT.DEADLINE_EXTENDED_TO, today.minusDays(2)).where(ASSESSMENT.ID.eq(assessment)).execute();
        UI.getCurrent().navigate("profile");
        UI.getCurrent().navigate(HomeView.class);
        assertEquals("已逾期 2 天", _get(Span.class, spec -> spec.withId("secretary-current-due")).getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReviewerSeesHisCommitteesOrganisationsAndCanFilterThem() {
        login("reviewer");
        UI.getCurrent().navigate(HomeView.class);
        Grid<OrganizationSummary> grid = _get(Grid.class, spec -> spec.withId("reviewer-org-grid"));
        String committeePath = dsl.select(ORGANIZATION.PATH).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("CZ")).fetchSingle().value1();
        int expected = dsl.fetchCount(ORGANIZATION, ORGANIZATION.PATH.startsWith(committeePath));
        assertEquals(expected, _size(grid));
        assertTrue(rows(grid).stream().allMatch(o -> "翠竹街道党工委".equals(o.committeeShortName())));

        _setValue(_get(TextField.class, spec -> spec.withId("reviewer-filter-text")), "水贝");
        assertEquals(3, _size(grid), "水贝社区党委, 水贝村党支部, 水贝珠宝总部大厦党支部");
        assertTrue(rows(grid).stream().allMatch(o -> o.name().contains("水贝")));

        _setValue(_get(TextField.class, spec -> spec.withId("reviewer-filter-text")), "");
        ComboBox<Integer> star = _get(ComboBox.class, spec -> spec.withId("reviewer-filter-star"));
        _setValue(star, 3);
        assertTrue(rows(grid).stream().allMatch(o -> o.currentStar() == 3));
        _assertNone(VerticalLayout.class, spec -> spec.withId("home-secretary"));

        _setValue(star, null);
        _clickItem(grid, 0, 1, false, false, false, false); // row 0, left button, no modifier keys
        assertInstanceOf(OrganizationDetailView.class, UI.getCurrent().getCurrentView(), "a row opens its page");
    }

    @Test
    @SuppressWarnings("unchecked")
    void districtStaffSeeStarCountsPerCommittee() {
        login("district");
        UI.getCurrent().navigate(HomeView.class);
        Grid<CommitteeStarCounts> grid = _get(Grid.class, spec -> spec.withId("district-star-grid"));
        List<CommitteeStarCounts> rows = rows(grid);
        assertTrue(rows.size() >= 13);
        CommitteeStarCounts cuizhu = rows.stream().filter(r -> r.committeeName().equals("翠竹街道党工委"))
                .findFirst().orElseThrow();
        assertEquals(10, cuizhu.total(), "翠竹 has 10 assessed organisations");
        int assessedActive = dsl.fetchCount(ORGANIZATION, ORGANIZATION.KIND.in("BRANCH", "COMMUNITY_COMMITTEE")
                .and(ORGANIZATION.ACTIVE.isTrue()));
        assertEquals(assessedActive, rows.stream().mapToInt(CommitteeStarCounts::total).sum());
        assertEquals(String.valueOf(assessedActive), grid.getColumnByKey("total").getFooterText());
    }

    @Test
    void theAdministratorSeesAccountAndOrganisationCounts() {
        login("admin");
        UI.getCurrent().navigate(HomeView.class);
        assertEquals(String.valueOf(dsl.fetchCount(APP_USER)), _get(Span.class, spec -> spec.withId("admin-user-count")).getText());
        assertEquals(String.valueOf(dsl.fetchCount(ORGANIZATION, ORGANIZATION.ACTIVE.isTrue())),
                _get(Span.class, spec -> spec.withId("admin-org-count")).getText());
        _assertNone(VerticalLayout.class, spec -> spec.withId("home-district"));
    }

    @Test
    void districtStaffSeeWhatWaitsForTheirDecision() {
        login("district");
        UI.getCurrent().navigate(HomeView.class);
        int before = waiting();

        var fixtures = new cn.luohu.qpb.assessment.AssessmentFixtures(dsl);
        long committee = data.committee("待审批统计党工委");
        fixtures.recommended(fixtures.cycle(), data.branch(committee, "待审批支部"), 1, 2,
                data.userId(data.user(committee, cn.luohu.qpb.base.security.Role.REVIEWER)), false);

        UI.getCurrent().getPage().reload();
        assertEquals(before + 1, waiting());
        _get(RouterLink.class, spec -> spec.withId("district-objections"));
    }

    /** The number in the "waiting for a decision" link. */
    private int waiting() {
        String text = _get(RouterLink.class, spec -> spec.withId("district-waiting")).getText();
        return Integer.parseInt(text.replaceAll("\\D", ""));
    }
}

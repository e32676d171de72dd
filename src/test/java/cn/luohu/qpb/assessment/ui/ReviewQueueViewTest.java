package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.ReviewQueueRow;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reviewer's queue: only his subtree, filters, counts per state, and a row opens the review. */
class ReviewQueueViewTest extends KaribuTest {

    @Autowired
    private DSLContext dsl;

    private long submitted;
    private long underReview;
    private long foreign;

    @BeforeEach
    void setUp() {
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("队列测试党工委");
        submitted = fixtures.openAssessment(data.branch(committee, "队列测试一支部"), 1);
        fixtures.state(submitted, AssessmentState.SUBMITTED);
        underReview = fixtures.assessment(data.branch(committee, "队列测试二支部"), AssessmentState.UNDER_REVIEW);
        foreign = fixtures.assessment(data.branch(data.committee("队列测试别的党工委"), "别处支部"), AssessmentState.SUBMITTED);
        login(data.user(committee, Role.REVIEWER));
        UI.getCurrent().navigate(ReviewQueueView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<ReviewQueueRow> grid() {
        return _get(Grid.class, spec -> spec.withId("review-queue"));
    }

    private List<Long> ids() {
        Grid<ReviewQueueRow> grid = grid();
        return IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).id()).toList();
    }

    @Test
    void showsOnlyTheReviewersSubtreeWithCountsPerState() {
        List<Long> ids = ids();
        assertEquals(2, ids.size());
        assertTrue(ids.containsAll(List.of(submitted, underReview)));
        assertFalse(ids.contains(foreign));
        assertTrue(_get(Span.class, spec -> spec.withId("review-count-SUBMITTED")).getText().endsWith(" 1"));
        assertTrue(_get(Span.class, spec -> spec.withId("review-count-UNDER_REVIEW")).getText().endsWith(" 1"));
    }

    @Test
    void whatTheReviewerCanActOnComesFirstAndHisOwnCommitteeIsNotRepeatedOnEveryRow() {
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("队列排序党工委");
        long earlier = fixtures.cycle(); // a year before the next one: its review deadline comes first
        long later = fixtures.cycle();
        // recommended already, with the earlier deadline: nothing left for the reviewer to do, so after the one to review
        long recommended = fixtures.assessment(earlier, data.branch(committee, "甲 已推荐支部"), AssessmentState.RECOMMENDED);
        long waiting = fixtures.assessment(later, data.branch(committee, "乙 待评审支部"), AssessmentState.SUBMITTED);
        logout();
        login(data.user(committee, Role.REVIEWER));
        UI.getCurrent().navigate("profile");
        UI.getCurrent().navigate(ReviewQueueView.class);

        assertEquals(List.of(waiting, recommended), ids());
        assertFalse(grid().getColumns().get(1).isVisible(), "one committee: no committee column");
        _assertNone(Select.class, spec -> spec.withId("review-filter-committee")); // hidden too
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersByState() {
        _setValue(_get(Select.class, spec -> spec.withId("review-filter-state")), AssessmentState.UNDER_REVIEW);
        assertEquals(List.of(underReview), ids());
    }

    @Test
    void aRowOpensTheReview() {
        int row = ids().indexOf(submitted);
        _clickItem(grid(), row);
        assertInstanceOf(ReviewView.class, UI.getCurrent().getCurrentView());
    }
}

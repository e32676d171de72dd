package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.notice.NoticeService;
import cn.luohu.qpb.organization.OrganizationService;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import static cn.luohu.qpb.jooq.Tables.EVIDENCE_FILE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Out of scope answers exactly like not found (issue 11, item 7): every service call that takes the id of
 * something tied to an organisation is made by a reviewer and by a secretary of one committee, once with the
 * id of another committee's row and once with an id that does not exist, and must answer the same: the same
 * value, or the same refusal in the same words. A refusal that escapes a nested transactional call would
 * show up here as an UnexpectedRollbackException for the foreign id only.
 */
class ScopeSweepTest extends IntegrationTest {

    private static final long MISSING = Long.MAX_VALUE - 7;

    @Autowired
    private ReviewService reviews;
    @Autowired
    private AssessmentService assessments;
    @Autowired
    private EvidenceService evidence;
    @Autowired
    private OrganizationService organizations;
    @Autowired
    private NoticeService notices;
    @Autowired
    private DSLContext dsl;

    private String reviewer;
    private String secretary;
    private final Map<String, Long> foreign = new LinkedHashMap<>();

    @BeforeEach
    void twoCommittees() {
        AssessmentFixtures fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("范围测试党工委");
        long branch = data.branch(committee, "范围测试支部");
        reviewer = data.user(committee, Role.REVIEWER);
        secretary = data.user(branch, Role.SECRETARY);
        fixtures.openAssessment(branch, 2);

        long otherCommittee = data.committee("范围测试另一党工委");
        long otherBranch = data.branch(otherCommittee, "范围测试另一支部");
        long assessment = fixtures.openAssessment(otherBranch, 2);
        fixtures.state(assessment, AssessmentState.UNDER_REVIEW);
        long item = fixtures.item(fixtures.assessment(otherBranch, AssessmentState.DRAFT));
        fixtures.evidence(assessment, firstItem(assessment), data.userId(data.user(otherBranch, Role.SECRETARY)));
        foreign.put("assessment", assessment);
        foreign.put("item", item);
        foreign.put("file", dsl.select(EVIDENCE_FILE.ID).from(EVIDENCE_FILE).where(EVIDENCE_FILE.ASSESSMENT_ID.eq(assessment))
                .fetchSingle().value1());
        foreign.put("organisation", otherBranch);
        foreign.put("committee", otherCommittee);
    }

    private long firstItem(long assessmentId) {
        return dsl.select(cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM.ID).from(cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM)
                .where(cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM.ASSESSMENT_ID.eq(assessmentId))
                .orderBy(cn.luohu.qpb.jooq.Tables.ASSESSMENT_ITEM.ID).limit(1).fetchSingle().value1();
    }

    /** A call by id, and the kind of row the id names. */
    private record Call(String kind, LongFunction<Object> call) {
    }

    private Map<String, Call> reviewerCalls() {
        Map<String, Call> calls = new LinkedHashMap<>(commonCalls());
        calls.put("reviews.sheet", new Call("assessment", reviews::sheet));
        calls.put("reviews.isReviewableByMe", new Call("assessment", reviews::isReviewableByMe));
        calls.put("reviews.canStart", new Call("assessment", reviews::canStart));
        calls.put("reviews.reviewScore", new Call("assessment", reviews::reviewScore));
        calls.put("reviews.startReview", new Call("assessment", id -> run(() -> reviews.startReview(id))));
        calls.put("reviews.returnAssessment", new Call("assessment", id -> run(() -> reviews.returnAssessment(id, "改"))));
        calls.put("reviews.recommend", new Call("assessment", id -> run(() -> reviews.recommend(id, 1, null))));
        calls.put("reviews.saveReviewItem", new Call("item", id -> reviews.saveReviewItem(id, null, null, 0)));
        calls.put("organizations.subtree", new Call("committee", organizations::subtree));
        calls.put("organizations.children", new Call("committee", id -> organizations.children(id, 0, 10)));
        calls.put("organizations.countChildren", new Call("committee", organizations::countChildren));
        return calls;
    }

    private Map<String, Call> secretaryCalls() {
        Map<String, Call> calls = new LinkedHashMap<>(commonCalls());
        calls.put("assessments.saveItem", new Call("item", id -> assessments.saveItem(id, null, "篡改", 0)));
        calls.put("assessments.saveApplication", new Call("assessment",
                id -> assessments.saveApplication(id, 3, false, null, 0)));
        calls.put("assessments.submit", new Call("assessment", id -> run(() -> assessments.submit(id))));
        calls.put("evidence.upload", new Call("item", id -> evidence.upload(id, "a.pdf", EvidenceSamples.pdf())));
        calls.put("evidence.delete", new Call("file", id -> run(() -> evidence.delete(id))));
        return calls;
    }

    private Map<String, Call> commonCalls() {
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("assessments.sheet", new Call("assessment", assessments::sheet));
        calls.put("assessments.timeline", new Call("assessment", assessments::timeline));
        calls.put("assessments.isEditableByMe", new Call("assessment", assessments::isEditableByMe));
        calls.put("assessments.gaps", new Call("assessment", assessments::gaps));
        calls.put("evidence.list", new Call("item", evidence::list));
        calls.put("evidence.listForAssessment", new Call("assessment", evidence::listForAssessment));
        calls.put("evidence.download", new Call("file", evidence::download));
        calls.put("organizations.get", new Call("organisation", organizations::get));
        calls.put("organizations.isVisible", new Call("organisation", organizations::isVisible));
        calls.put("organizations.starHistory", new Call("organisation", organizations::starHistory));
        calls.put("notices.lodgeObjection", new Call("assessment", id -> notices.lodgeObjection(id, "不服")));
        return calls;
    }

    private static Object run(Runnable action) {
        action.run();
        return "done";
    }

    /** What the caller sees: the value, or the refusal's kind and words (never anything about the row). */
    private static String answer(LongFunction<Object> call, long id) {
        try {
            return "returned " + call.apply(id);
        } catch (PortalException refused) {
            return refused.getClass().getSimpleName() + " " + refused.messageKey() + Arrays.toString(refused.arguments());
        } catch (RuntimeException failed) {
            return failed.getClass().getSimpleName();
        }
    }

    private List<String> differences(Map<String, Call> calls) {
        List<String> differences = new ArrayList<>();
        calls.forEach((name, call) -> {
            String toForeign = answer(call.call(), foreign.get(call.kind()));
            String toMissing = answer(call.call(), MISSING);
            if (!toForeign.equals(toMissing)) {
                differences.add(name + ": another committee's " + call.kind() + " → " + toForeign + ", a missing one → " + toMissing);
            }
        });
        return differences;
    }

    @Test
    void aReviewerCannotTellAnotherCommitteesRowsFromMissingOnes() {
        actAs(reviewer);
        assertEquals(List.of(), differences(reviewerCalls()));
    }

    @Test
    void aSecretaryCannotTellAnotherCommitteesRowsFromMissingOnes() {
        actAs(secretary);
        assertEquals(List.of(), differences(secretaryCalls()));
    }
}

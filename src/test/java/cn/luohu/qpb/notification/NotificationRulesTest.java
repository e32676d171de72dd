package cn.luohu.qpb.notification;

import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.StateMachine;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.luohu.qpb.assessment.AssessmentState.APPROVED;
import static cn.luohu.qpb.assessment.AssessmentState.DRAFT;
import static cn.luohu.qpb.assessment.AssessmentState.FINAL;
import static cn.luohu.qpb.assessment.AssessmentState.IN_NOTICE;
import static cn.luohu.qpb.assessment.AssessmentState.NOT_STARTED;
import static cn.luohu.qpb.assessment.AssessmentState.RECOMMENDED;
import static cn.luohu.qpb.assessment.AssessmentState.RETURNED;
import static cn.luohu.qpb.assessment.AssessmentState.SUBMITTED;
import static cn.luohu.qpb.assessment.AssessmentState.UNDER_REVIEW;
import static cn.luohu.qpb.notification.Audience.ASSESSMENT_REVIEWER;
import static cn.luohu.qpb.notification.Audience.COMMITTEE_REVIEWERS;
import static cn.luohu.qpb.notification.Audience.DISTRICT_STAFF;
import static cn.luohu.qpb.notification.Audience.SECRETARIES;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who is told about each move of the state machine: every move is decided, none by accident. */
class NotificationRulesTest {

    private record Move(AssessmentState from, AssessmentState to) {
    }

    private static final Map<Move, NotificationRules.Rule> EXPECTED = new HashMap<>();

    static {
        expect(DRAFT, SUBMITTED, NotificationKind.SUBMITTED, COMMITTEE_REVIEWERS);
        expect(RETURNED, SUBMITTED, NotificationKind.SUBMITTED, COMMITTEE_REVIEWERS);
        expect(SUBMITTED, UNDER_REVIEW, NotificationKind.REVIEW_STARTED, SECRETARIES);
        expect(UNDER_REVIEW, RETURNED, NotificationKind.RETURNED, SECRETARIES);
        expect(UNDER_REVIEW, RECOMMENDED, NotificationKind.RECOMMENDED, DISTRICT_STAFF);
        expect(RECOMMENDED, UNDER_REVIEW, NotificationKind.REJECTED, ASSESSMENT_REVIEWER);
        expect(RECOMMENDED, APPROVED, NotificationKind.APPROVED, SECRETARIES, ASSESSMENT_REVIEWER);
        expect(APPROVED, IN_NOTICE, NotificationKind.IN_NOTICE, SECRETARIES, ASSESSMENT_REVIEWER);
        expect(IN_NOTICE, RECOMMENDED, NotificationKind.REOPENED, DISTRICT_STAFF);
        expect(IN_NOTICE, FINAL, NotificationKind.FINAL, SECRETARIES, ASSESSMENT_REVIEWER);
    }

    private static void expect(AssessmentState from, AssessmentState to, NotificationKind kind, Audience... audiences) {
        EXPECTED.put(new Move(from, to), new NotificationRules.Rule(kind, List.of(audiences)));
    }

    @Test
    void everyMoveOfTheStateMachineTellsExactlyItsAudience() {
        for (StateMachine.Move move : StateMachine.MOVES) {
            assertEquals(Optional.ofNullable(EXPECTED.get(new Move(move.from(), move.to()))),
                    NotificationRules.forMove(move.from(), move.to()), move.from() + " → " + move.to());
        }
    }

    @Test
    void theFirstSaveOfADraftTellsNobody() {
        assertEquals(Optional.empty(), NotificationRules.forMove(NOT_STARTED, DRAFT));
    }

    @Test
    void anObjectionIsToldToTheSecretariesAndTheReviewer() {
        assertEquals(new NotificationRules.Rule(NotificationKind.OBJECTION_LODGED,
                        List.of(SECRETARIES, ASSESSMENT_REVIEWER, DISTRICT_STAFF)),
                NotificationRules.OBJECTION);
    }
}

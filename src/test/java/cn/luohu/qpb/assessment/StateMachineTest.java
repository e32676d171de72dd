package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.PortalException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Exactly the moves of DOMAIN.md, each by its actor, and every other pair refused. */
class StateMachineTest {

    private static final Set<String> DOMAIN_MOVES = Set.of(
            "NOT_STARTED>DRAFT:SECRETARY", "DRAFT>SUBMITTED:SECRETARY", "RETURNED>SUBMITTED:SECRETARY",
            "SUBMITTED>UNDER_REVIEW:REVIEWER", "UNDER_REVIEW>RETURNED:REVIEWER", "UNDER_REVIEW>RECOMMENDED:REVIEWER",
            "RECOMMENDED>UNDER_REVIEW:APPROVER", "RECOMMENDED>APPROVED:APPROVER", "APPROVED>IN_NOTICE:APPROVER",
            "IN_NOTICE>RECOMMENDED:APPROVER", "IN_NOTICE>FINAL:SYSTEM");

    @Test
    void everyPairOfStatesIsDecidedByTheTable() {
        Set<String> allowed = new HashSet<>();
        for (AssessmentState from : AssessmentState.values()) {
            for (AssessmentState to : AssessmentState.values()) {
                for (StateMachine.Actor actor : StateMachine.Actor.values()) {
                    try {
                        StateMachine.check(from, to, actor, "理由");
                        allowed.add(from + ">" + to + ":" + actor);
                    } catch (PortalException refused) {
                        // not a move, or not this actor's
                    }
                }
            }
        }
        assertEquals(DOMAIN_MOVES, allowed);
    }

    @Test
    void refusalsSayWhy() {
        assertEquals("assessment.move.not-allowed", assertThrows(PortalException.class, () ->
                StateMachine.check(AssessmentState.DRAFT, AssessmentState.FINAL, StateMachine.Actor.SECRETARY, null)).messageKey());
        assertEquals("assessment.move.wrong-actor", assertThrows(PortalException.class, () ->
                StateMachine.check(AssessmentState.SUBMITTED, AssessmentState.UNDER_REVIEW, StateMachine.Actor.SECRETARY, null)).messageKey());
        for (String blank : new String[]{null, "", "   "}) {
            assertEquals("assessment.move.comment-required", assertThrows(PortalException.class, () ->
                    StateMachine.check(AssessmentState.UNDER_REVIEW, AssessmentState.RETURNED, StateMachine.Actor.REVIEWER, blank)).messageKey());
        }
    }

    @Test
    void onlyDraftsAndReturnedAssessmentsAreEditableBySecretaries() {
        Set<AssessmentState> editable = new HashSet<>();
        for (AssessmentState state : AssessmentState.values()) {
            if (state.isEditableBySecretary()) {
                editable.add(state);
            }
        }
        assertEquals(Set.of(AssessmentState.NOT_STARTED, AssessmentState.DRAFT, AssessmentState.RETURNED), editable);
    }
}

package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.PortalException;

import java.util.List;

import static cn.luohu.qpb.assessment.AssessmentState.APPROVED;
import static cn.luohu.qpb.assessment.AssessmentState.DRAFT;
import static cn.luohu.qpb.assessment.AssessmentState.FINAL;
import static cn.luohu.qpb.assessment.AssessmentState.IN_NOTICE;
import static cn.luohu.qpb.assessment.AssessmentState.NOT_STARTED;
import static cn.luohu.qpb.assessment.AssessmentState.RECOMMENDED;
import static cn.luohu.qpb.assessment.AssessmentState.RETURNED;
import static cn.luohu.qpb.assessment.AssessmentState.SUBMITTED;
import static cn.luohu.qpb.assessment.AssessmentState.UNDER_REVIEW;

/**
 * The one place that knows which moves an assessment may make, who makes each, and which need a comment
 * (DOMAIN.md's table, and no other move). Pure: no Spring, no SQL.
 */
public final class StateMachine {

    /** Who makes a move. */
    public enum Actor { SECRETARY, REVIEWER, APPROVER, SYSTEM }

    /** One allowed move. */
    public record Move(AssessmentState from, AssessmentState to, Actor actor, boolean commentRequired) {
    }

    public static final List<Move> MOVES = List.of(
            new Move(NOT_STARTED, DRAFT, Actor.SECRETARY, false),
            new Move(DRAFT, SUBMITTED, Actor.SECRETARY, false),
            new Move(RETURNED, SUBMITTED, Actor.SECRETARY, false),
            new Move(SUBMITTED, UNDER_REVIEW, Actor.REVIEWER, false),
            new Move(UNDER_REVIEW, RETURNED, Actor.REVIEWER, true),
            new Move(UNDER_REVIEW, RECOMMENDED, Actor.REVIEWER, false),
            new Move(RECOMMENDED, UNDER_REVIEW, Actor.APPROVER, true),
            new Move(RECOMMENDED, APPROVED, Actor.APPROVER, false),
            new Move(APPROVED, IN_NOTICE, Actor.APPROVER, false),
            new Move(IN_NOTICE, RECOMMENDED, Actor.APPROVER, true),
            new Move(IN_NOTICE, FINAL, Actor.SYSTEM, false));

    private StateMachine() {
    }

    /** The move from one state to another by this actor, refused with a reason when it does not exist. */
    public static Move check(AssessmentState from, AssessmentState to, Actor actor, String comment) {
        Move move = MOVES.stream().filter(m -> m.from() == from && m.to() == to).findFirst()
                .orElseThrow(() -> new PortalException("assessment.move.not-allowed",
                        new PortalException.Key("assessment.state." + from.name()),
                        new PortalException.Key("assessment.state." + to.name())));
        if (move.actor() != actor) {
            throw new PortalException("assessment.move.wrong-actor", new PortalException.Key("assessment.actor." + move.actor().name()));
        }
        if (move.commentRequired() && (comment == null || comment.isBlank())) {
            throw new PortalException("assessment.move.comment-required");
        }
        return move;
    }
}

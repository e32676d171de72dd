package cn.luohu.qpb.assessment;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.PortalException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The one way an assessment changes state: the move must exist in {@link StateMachine} for this actor,
 * the conditional update wins only if nobody moved it first (so of two racing moves exactly one wins),
 * the timeline gets its event, and {@link AssessmentsMoved} is published in the same transaction.
 */
@Component
public class AssessmentMoves {

    private final AssessmentRepository repository;
    private final ApplicationEventPublisher events;
    private final AuditService audit;
    private final Clock clock;

    AssessmentMoves(AssessmentRepository repository, ApplicationEventPublisher events, AuditService audit, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Moves one assessment, refused with the reason, or with {@code overtakenKey} when another move came first. */
    @Transactional(propagation = Propagation.MANDATORY)
    void move(AssessmentRef assessment, AssessmentState to, StateMachine.Actor actor, Long actorId, String comment,
              String overtakenKey) {
        if (!tryMove(assessment, to, actor, actorId, comment)) {
            throw new PortalException(overtakenKey);
        }
    }

    /**
     * Moves one assessment, refused with the reason; false when another move came first, or when its cycle is
     * closed (the update checks that; the callers have refused a closed cycle in their own words).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean tryMove(AssessmentRef assessment, AssessmentState to, StateMachine.Actor actor, Long actorId, String comment) {
        StateMachine.check(assessment.state(), to, actor, comment);
        String stripped = strip(comment);
        if (!repository.move(assessment.id(), assessment.state(), to, actorId, stripped, now())) {
            return false;
        }
        events.publishEvent(new AssessmentsMoved(List.of(assessment.id()), assessment.state(), to, actorId, stripped));
        return true;
    }

    /**
     * The first change of anything by its secretary (an entry, the star applied for, an evidence file) starts
     * the assessment: NOT_STARTED → DRAFT, once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void start(AssessmentRef assessment, long secretaryId) {
        if (assessment.state() == AssessmentState.NOT_STARTED) {
            // losing this race only means another change started it first
            if (tryMove(assessment, AssessmentState.DRAFT, StateMachine.Actor.SECRETARY, secretaryId, null)) {
                audit.record(AuditAction.ASSESSMENT_STARTED, "assessment", assessment.id(),
                        Map.of("state", AssessmentState.NOT_STARTED.name()), Map.of("state", AssessmentState.DRAFT.name()));
            }
        }
    }

    /**
     * Moves every listed assessment that is still in {@code from}, set-based; returns the ids that moved
     * (the others were moved by someone else meanwhile).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> moveAll(List<Long> ids, AssessmentState from, AssessmentState to, StateMachine.Actor actor, Long actorId,
                       String comment) {
        StateMachine.check(from, to, actor, comment);
        String stripped = strip(comment);
        List<Long> moved = repository.moveAll(ids, from, to, actorId, stripped, now());
        if (!moved.isEmpty()) {
            events.publishEvent(new AssessmentsMoved(moved, from, to, actorId, stripped));
        }
        return moved;
    }

    private static String strip(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}

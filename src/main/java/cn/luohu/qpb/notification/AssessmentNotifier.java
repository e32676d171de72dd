package cn.luohu.qpb.notification;

import cn.luohu.qpb.assessment.AssessmentsMoved;
import cn.luohu.qpb.assessment.ObjectionLodged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Turns the moves of assessments and lodged objections into notifications, in the transaction that
 * publishes them (so they commit or roll back with the move), set-based however many assessments moved.
 */
@Component
class AssessmentNotifier {

    private final NotificationRepository repository;
    private final Clock clock;

    AssessmentNotifier(NotificationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener
    void moved(AssessmentsMoved event) {
        NotificationRules.forMove(event.from(), event.to())
                .ifPresent(rule -> tell(rule, event.assessmentIds(), event.actorId()));
    }

    @EventListener
    void objectionLodged(ObjectionLodged event) {
        tell(NotificationRules.OBJECTION, List.of(event.assessmentId()), event.lodgedBy());
    }

    private void tell(NotificationRules.Rule rule, List<Long> assessmentIds, Long actorId) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        for (Audience audience : rule.audiences()) {
            repository.notifyAbout(assessmentIds, rule.kind(), audience, actorId, now);
        }
    }
}

package cn.luohu.qpb.notification;

import cn.luohu.qpb.assessment.AssessmentState;

import java.util.List;
import java.util.Optional;

import static cn.luohu.qpb.notification.Audience.ASSESSMENT_REVIEWER;
import static cn.luohu.qpb.notification.Audience.COMMITTEE_REVIEWERS;
import static cn.luohu.qpb.notification.Audience.DISTRICT_STAFF;
import static cn.luohu.qpb.notification.Audience.SECRETARIES;

/**
 * The one place that says who is told about which move (the actor himself never is). Pure: no Spring,
 * no SQL.
 */
final class NotificationRules {

    /** What to tell and whom. */
    record Rule(NotificationKind kind, List<Audience> audiences) {
    }

    private static final List<Audience> SECRETARIES_AND_REVIEWER = List.of(SECRETARIES, ASSESSMENT_REVIEWER);

    /** An objection lodged against a result in public notice: district staff decide on it. */
    static final Rule OBJECTION = new Rule(NotificationKind.OBJECTION_LODGED,
            List.of(SECRETARIES, ASSESSMENT_REVIEWER, DISTRICT_STAFF));

    private NotificationRules() {
    }

    /** Whom a move concerns; empty for a move nobody needs to hear of (the first save of a draft). */
    static Optional<Rule> forMove(AssessmentState from, AssessmentState to) {
        Rule rule = switch (to) {
            case SUBMITTED -> new Rule(NotificationKind.SUBMITTED, List.of(COMMITTEE_REVIEWERS));
            case UNDER_REVIEW -> from == AssessmentState.RECOMMENDED
                    ? new Rule(NotificationKind.REJECTED, List.of(ASSESSMENT_REVIEWER))
                    : new Rule(NotificationKind.REVIEW_STARTED, List.of(SECRETARIES));
            case RETURNED -> new Rule(NotificationKind.RETURNED, List.of(SECRETARIES));
            case RECOMMENDED -> new Rule(from == AssessmentState.IN_NOTICE ? NotificationKind.REOPENED
                    : NotificationKind.RECOMMENDED, List.of(DISTRICT_STAFF));
            case APPROVED -> new Rule(NotificationKind.APPROVED, SECRETARIES_AND_REVIEWER);
            case IN_NOTICE -> new Rule(NotificationKind.IN_NOTICE, SECRETARIES_AND_REVIEWER);
            case FINAL -> new Rule(NotificationKind.FINAL, SECRETARIES_AND_REVIEWER);
            case NOT_STARTED, DRAFT -> null;
        };
        return Optional.ofNullable(rule);
    }
}

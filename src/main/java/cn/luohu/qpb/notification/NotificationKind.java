package cn.luohu.qpb.notification;

/**
 * What a notification tells. Each kind is a message, {@code notification.message.<KIND>} in the
 * translation files, filled in with the notification's arguments: the organisation's name and the
 * cycle's year for the moves of an assessment; the counts due soon and overdue, and the days that count
 * as soon, for the deadline reminders.
 */
public enum NotificationKind {
    /** A self-assessment was submitted: its committee's reviewers may start. */
    SUBMITTED,
    /** A reviewer opened it for review: its secretary knows it is in hand. */
    REVIEW_STARTED,
    /** The reviewer returned it to the secretary with the reasons. */
    RETURNED,
    /** The reviewer recommended a star: district staff decide. */
    RECOMMENDED,
    /** District staff rejected the recommendation back to the reviewer. */
    REJECTED,
    APPROVED,
    IN_NOTICE,
    /** An objection was upheld: the decision is reopened for district staff. */
    REOPENED,
    FINAL,
    OBJECTION_LODGED,
    /** Daily: the secretary's self-assessments due within three days or overdue. */
    SELF_DEADLINE,
    /** Daily: the reviewer's assessments to review due within three days or overdue. */
    REVIEW_DEADLINE;

    /** The message's key in the translation files. */
    public String messageKey() {
        return "notification.message." + name();
    }
}

package cn.luohu.qpb.notification;

import cn.luohu.qpb.base.db.InLists;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.base.i18n.Language;
import cn.luohu.qpb.base.security.Role;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record9;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import static cn.luohu.qpb.jooq.Tables.APP_USER;
import static cn.luohu.qpb.jooq.Tables.APP_USER_ROLE;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;
import static cn.luohu.qpb.jooq.Tables.DEADLINE_REMINDER;
import static cn.luohu.qpb.jooq.Tables.NOTIFICATION;
import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;

@Repository
class NotificationRepository {

    /** A deadline this many days ahead (or fewer) is due soon. */
    static final int DUE_SOON_DAYS = 3;

    private static final TypeReference<List<Object>> ARGS = new TypeReference<>() {
    };
    private static final List<String> SELF_OPEN = List.of(AssessmentState.NOT_STARTED.name(),
            AssessmentState.DRAFT.name(), AssessmentState.RETURNED.name());
    private static final List<String> REVIEW_OPEN = List.of(AssessmentState.SUBMITTED.name(),
            AssessmentState.UNDER_REVIEW.name());

    private final DSLContext dsl;
    private final JsonMapper json;

    NotificationRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /**
     * Tells the audience of each listed assessment, except {@code exceptUserId}: one INSERT … SELECT per
     * chunk of ids, whatever the number of assessments and recipients. The arguments are the organisation's
     * short name and the cycle's year. Returns the number of notifications made.
     */
    int notifyAbout(Collection<Long> assessmentIds, NotificationKind kind, Audience audience, Long exceptUserId,
                    LocalDateTime now) {
        List<Long> ids = List.copyOf(assessmentIds);
        int made = 0;
        for (List<Long> chunk : InLists.chunks(ids)) {
            Condition recipients = APP_USER.ENABLED.isTrue();
            if (exceptUserId != null) {
                recipients = recipients.and(APP_USER.ID.ne(exceptUserId));
            }
            made += dsl.insertInto(NOTIFICATION, NOTIFICATION.RECIPIENT_ID, NOTIFICATION.RECIPIENT_ROLE, NOTIFICATION.KIND,
                            NOTIFICATION.ASSESSMENT_ID, NOTIFICATION.ARGS, NOTIFICATION.CREATED_AT)
                    .select(DSL.select(APP_USER.ID, DSL.inline(audience.role().name()), DSL.inline(kind.name()), ASSESSMENT.ID,
                                    DSL.jsonArray(ORGANIZATION.SHORT_NAME, ASSESSMENT_CYCLE.YEAR.cast(String.class)),
                                    DSL.val(now, LocalDateTime.class))
                            .from(ASSESSMENT)
                            .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ASSESSMENT.ORGANIZATION_ID))
                            .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                            .join(APP_USER).on(recipientOf(audience))
                            .join(APP_USER_ROLE).on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID)
                                    .and(APP_USER_ROLE.ROLE.eq(audience.role().name())))
                            .where(ASSESSMENT.ID.in(chunk).and(recipients)))
                    .execute();
        }
        return made;
    }

    /** How a recipient relates to the assessment (joined rows are then narrowed to the audience's role). */
    private static Condition recipientOf(Audience audience) {
        return switch (audience) {
            case COMMITTEE_REVIEWERS -> APP_USER.ORGANIZATION_ID.eq(ASSESSMENT.COMMITTEE_ID);
            case SECRETARIES -> APP_USER.ORGANIZATION_ID.eq(ASSESSMENT.ORGANIZATION_ID);
            case DISTRICT_STAFF -> DSL.trueCondition();
            case ASSESSMENT_REVIEWER -> APP_USER.ID.eq(ASSESSMENT.REVIEWER_ID);
        };
    }

    int unreadCount(long userId) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(userId).and(NOTIFICATION.READ_AT.isNull()));
    }

    int count(long userId) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(userId));
    }

    /** A page of the user's notifications, newest first. */
    List<NotificationItem> page(long userId, int offset, int limit) {
        return dsl.select(NOTIFICATION.ID, NOTIFICATION.KIND, NOTIFICATION.RECIPIENT_ROLE, NOTIFICATION.ASSESSMENT_ID,
                        NOTIFICATION.ARGS, NOTIFICATION.CREATED_AT, NOTIFICATION.READ_AT)
                .from(NOTIFICATION)
                .where(NOTIFICATION.RECIPIENT_ID.eq(userId))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new NotificationItem(r.value1(), NotificationKind.valueOf(r.value2()), Role.valueOf(r.value3()),
                        r.value4(), json.readValue(r.value5().data(), ARGS), r.value6(), r.value7() != null));
    }

    /** Whether the notification exists and is the user's. */
    boolean isOwnedBy(long notificationId, long userId) {
        return dsl.fetchExists(NOTIFICATION, NOTIFICATION.ID.eq(notificationId).and(NOTIFICATION.RECIPIENT_ID.eq(userId)));
    }

    void markRead(long notificationId, long userId, LocalDateTime now) {
        dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, now)
                .where(NOTIFICATION.ID.eq(notificationId).and(NOTIFICATION.RECIPIENT_ID.eq(userId))
                        .and(NOTIFICATION.READ_AT.isNull()))
                .execute();
    }

    int markAllRead(long userId, LocalDateTime now) {
        return dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, now)
                .where(NOTIFICATION.RECIPIENT_ID.eq(userId).and(NOTIFICATION.READ_AT.isNull()))
                .execute();
    }

    /**
     * Claims today's reminder for every enabled user with something due within {@link #DUE_SOON_DAYS} days
     * or overdue in an open cycle, with his counts, under {@code runId}: secretaries for their organisation's
     * self-assessments not yet submitted (against the extended deadline where there is one), reviewers for
     * their committee's submitted assessments and those under review. Users already reminded today are
     * skipped (the primary key, with INSERT IGNORE). Returns the number of users claimed.
     */
    int claimReminders(String runId, LocalDate today) {
        Field<LocalDate> selfDeadline = DSL.coalesce(ASSESSMENT.DEADLINE_EXTENDED_TO, ASSESSMENT_CYCLE.SELF_DEADLINE);
        var self = due(selfDeadline, today, Role.SECRETARY, ASSESSMENT.ORGANIZATION_ID, SELF_OPEN, true);
        var review = due(ASSESSMENT_CYCLE.REVIEW_DEADLINE, today, Role.REVIEWER, ASSESSMENT.COMMITTEE_ID, REVIEW_OPEN, false);
        Table<?> due = self.unionAll(review).asTable("due");
        Field<Long> user = due.field("user_id", Long.class);
        Field<Long> selfAssessment = due.field("self_assessment", Long.class);
        return dsl.insertInto(DEADLINE_REMINDER, DEADLINE_REMINDER.USER_ID, DEADLINE_REMINDER.REMINDER_DATE,
                        DEADLINE_REMINDER.RUN_ID, DEADLINE_REMINDER.SELF_DUE_SOON, DEADLINE_REMINDER.SELF_OVERDUE,
                        DEADLINE_REMINDER.REVIEW_DUE_SOON, DEADLINE_REMINDER.REVIEW_OVERDUE, DEADLINE_REMINDER.CYCLE_NAME,
                        DEADLINE_REMINDER.SELF_DEADLINE, DEADLINE_REMINDER.REVIEW_DEADLINE, DEADLINE_REMINDER.ASSESSMENT_ID)
                .select(DSL.select(user, DSL.val(today), DSL.val(runId), total(due, "self_due_soon"), total(due, "self_overdue"),
                                total(due, "review_due_soon"), total(due, "review_overdue"),
                                DSL.min(due.field("cycle_name", String.class)),
                                DSL.min(due.field("self_deadline", LocalDate.class)),
                                DSL.min(due.field("review_deadline", LocalDate.class)),
                                // the assessment to open, when the reminder is about exactly one
                                DSL.when(DSL.count(selfAssessment).eq(1), DSL.min(selfAssessment)))
                        .from(due).groupBy(user).orderBy(user)) // one lock order for racing instances
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** One row per (user, assessment due): which counts it adds to, as 0/1 columns, and what it is about. */
    private static Select<Record9<Long, Integer, Integer, Integer, Integer, String, LocalDate, LocalDate, Long>> due(
            Field<LocalDate> deadline, LocalDate today, Role role, Field<Long> userOrganization, List<String> states,
            boolean self) {
        Field<Integer> soon = DSL.when(deadline.ge(today), 1).else_(0);
        Field<Integer> overdue = DSL.when(deadline.lt(today), 1).else_(0);
        Field<Integer> none = DSL.inline(0);
        Field<LocalDate> noDate = DSL.inline(null, LocalDate.class);
        return DSL.select(APP_USER.ID.as("user_id"),
                        (self ? soon : none).as("self_due_soon"), (self ? overdue : none).as("self_overdue"),
                        (self ? none : soon).as("review_due_soon"), (self ? none : overdue).as("review_overdue"),
                        ASSESSMENT_CYCLE.NAME.as("cycle_name"),
                        (self ? deadline : noDate).as("self_deadline"), (self ? noDate : deadline).as("review_deadline"),
                        (self ? ASSESSMENT.ID : DSL.inline(null, Long.class)).as("self_assessment"))
                .from(ASSESSMENT)
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .join(APP_USER).on(APP_USER.ORGANIZATION_ID.eq(userOrganization))
                .join(APP_USER_ROLE).on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID).and(APP_USER_ROLE.ROLE.eq(role.name())))
                .where(ASSESSMENT_CYCLE.STATUS.eq("OPEN"))
                .and(ASSESSMENT.STATE.in(states))
                .and(deadline.le(today.plusDays(DUE_SOON_DAYS)))
                .and(APP_USER.ENABLED.isTrue());
    }

    private static Field<Integer> total(Table<?> due, String column) {
        return DSL.sum(due.field(column, Integer.class)).coerce(Integer.class);
    }

    /**
     * The in-app notifications of one run's reminders: one per user and role with something due, with the
     * arguments of {@link NotificationKind#SELF_DEADLINE}'s message: due soon, overdue, the days counted as soon,
     * the cycle and the earliest deadline; a secretary's links to her assessment.
     */
    void notifyReminders(String runId, LocalDateTime now) {
        remind(runId, now, Role.SECRETARY, NotificationKind.SELF_DEADLINE,
                DEADLINE_REMINDER.SELF_DUE_SOON, DEADLINE_REMINDER.SELF_OVERDUE, DEADLINE_REMINDER.SELF_DEADLINE,
                DEADLINE_REMINDER.ASSESSMENT_ID);
        remind(runId, now, Role.REVIEWER, NotificationKind.REVIEW_DEADLINE,
                DEADLINE_REMINDER.REVIEW_DUE_SOON, DEADLINE_REMINDER.REVIEW_OVERDUE, DEADLINE_REMINDER.REVIEW_DEADLINE,
                DSL.inline(null, Long.class));
    }

    private void remind(String runId, LocalDateTime now, Role role, NotificationKind kind,
                        Field<Integer> dueSoon, Field<Integer> overdue, Field<LocalDate> deadline, Field<Long> assessment) {
        dsl.insertInto(NOTIFICATION, NOTIFICATION.RECIPIENT_ID, NOTIFICATION.RECIPIENT_ROLE, NOTIFICATION.KIND,
                        NOTIFICATION.ARGS, NOTIFICATION.ASSESSMENT_ID, NOTIFICATION.CREATED_AT)
                .select(DSL.select(DEADLINE_REMINDER.USER_ID, DSL.inline(role.name()), DSL.inline(kind.name()),
                                DSL.jsonArray(dueSoon, overdue, DSL.inline(DUE_SOON_DAYS), DEADLINE_REMINDER.CYCLE_NAME,
                                        DSL.cast(deadline, String.class)),
                                assessment, DSL.val(now, LocalDateTime.class))
                        .from(DEADLINE_REMINDER)
                        .where(DEADLINE_REMINDER.RUN_ID.eq(runId).and(dueSoon.plus(overdue).gt(0))))
                .execute();
    }

    /** The reminders of one run whose users have an e-mail address. */
    List<ReminderMail> reminderMails(String runId) {
        return dsl.select(APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.PREFERRED_LANGUAGE,
                        DEADLINE_REMINDER.SELF_DUE_SOON, DEADLINE_REMINDER.SELF_OVERDUE,
                        DEADLINE_REMINDER.REVIEW_DUE_SOON, DEADLINE_REMINDER.REVIEW_OVERDUE, DEADLINE_REMINDER.CYCLE_NAME,
                        DEADLINE_REMINDER.SELF_DEADLINE, DEADLINE_REMINDER.REVIEW_DEADLINE)
                .from(DEADLINE_REMINDER).join(APP_USER).on(APP_USER.ID.eq(DEADLINE_REMINDER.USER_ID))
                .where(DEADLINE_REMINDER.RUN_ID.eq(runId))
                .and(APP_USER.EMAIL.isNotNull()).and(DSL.trim(APP_USER.EMAIL).ne(""))
                .orderBy(DEADLINE_REMINDER.USER_ID)
                .fetch(r -> new ReminderMail(r.value1().strip(), r.value2(), Language.ofCode(r.value3()).orElse(Language.ZH),
                        r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10()));
    }
}

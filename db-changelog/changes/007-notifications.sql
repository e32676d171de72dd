--liquibase formatted sql

--changeset qpb:007-notification
-- What the portal tells a user: a move of an assessment that concerns him, an objection, a deadline.
-- No text is stored: the kind names the message and `args` (a JSON array) fills it in, so a user who
-- switches language reads his notifications in the new one. `recipient_role` is the role in which he is
-- told (a reviewer's link opens the review, a secretary's the self-assessment).
CREATE TABLE notification (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    recipient_id   BIGINT        NOT NULL,
    recipient_role VARCHAR(16)   NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    assessment_id  BIGINT        NULL,
    args           VARCHAR(1000) NOT NULL DEFAULT '[]',
    created_at     DATETIME(3)   NOT NULL,
    read_at        DATETIME(3)   NULL,
    CONSTRAINT pk_notification PRIMARY KEY (id),
    CONSTRAINT fk_notification_recipient FOREIGN KEY (recipient_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_notification_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT ck_notification_role CHECK (recipient_role IN ('SECRETARY', 'REVIEWER', 'APPROVER', 'ADMIN')),
    CONSTRAINT ck_notification_args CHECK (JSON_VALID(args))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
-- the unread count of the bell
CREATE INDEX ix_notification_unread ON notification (recipient_id, read_at, created_at);
-- a user's list, newest first
CREATE INDEX ix_notification_recipient ON notification (recipient_id, created_at);
--rollback DROP TABLE notification;

--changeset qpb:007-deadline-reminder
-- One row per user and day that the daily reminder job told him what is due: inserted (INSERT IGNORE)
-- before anything is sent, so a second run on the same day, or on a second app instance, finds the
-- user taken and tells him nothing. `run_id` marks the rows of one run; the counts are what he was told.
CREATE TABLE deadline_reminder (
    user_id         BIGINT   NOT NULL,
    reminder_date   DATE     NOT NULL,
    run_id          CHAR(36) CHARACTER SET ascii NOT NULL,
    self_due_soon   INT      NOT NULL,
    self_overdue    INT      NOT NULL,
    review_due_soon INT      NOT NULL,
    review_overdue  INT      NOT NULL,
    CONSTRAINT pk_deadline_reminder PRIMARY KEY (user_id, reminder_date),
    CONSTRAINT fk_deadline_reminder_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_deadline_reminder_run ON deadline_reminder (run_id);
--rollback DROP TABLE deadline_reminder;

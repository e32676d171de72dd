--liquibase formatted sql

--changeset qpb:011-shedlock
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'shedlock'
-- Guarded: a migration killed after the CREATE and before Liquibase recorded it runs again cleanly.
-- ShedLock's lock rows: a scheduled job runs on one instance at a time (NoticeFinalizer, DeadlineReminders).
-- DATETIME, not TIMESTAMP: the times are the database's UTC_TIMESTAMP, kept as they are whatever the session's zone.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE shedlock;

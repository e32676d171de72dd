--liquibase formatted sql

--changeset qpb:010-user-session
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'user_session'
-- The logged-in sessions of every account, on every instance (issue 11): ending one here (an account
-- disabled, locked, its roles or organisation changed, its password changed, or its owner ending it on her
-- profile) logs it out on its next request wherever it runs. The servlet session id is a bearer secret, so
-- only its SHA-256 is kept. A row goes when its session ends on the server that holds it. A user's rows are
-- found by the foreign key's own index on user_id.
CREATE TABLE user_session (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    session_key  CHAR(64)    NOT NULL,
    user_id      BIGINT      NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    last_seen_at DATETIME(3) NOT NULL,
    ended_at     DATETIME(3) NULL,
    CONSTRAINT pk_user_session PRIMARY KEY (id),
    CONSTRAINT uk_user_session_key UNIQUE (session_key),
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE user_session;


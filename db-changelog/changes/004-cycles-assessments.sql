--liquibase formatted sql

--changeset qpb:004-cycle
-- A yearly assessment cycle (年度星级评定). Quotas are the highest share of assessed organisations that
-- may hold a star level, in percent (peer practice: five stars at most 10, four at most 40).
CREATE TABLE assessment_cycle (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    year               INT           NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    status             VARCHAR(16)   NOT NULL DEFAULT 'PLANNED',
    self_deadline      DATE          NOT NULL,
    review_deadline    DATE          NOT NULL,
    approval_deadline  DATE          NOT NULL,
    notice_days        INT           NOT NULL DEFAULT 5,
    quota_1            DECIMAL(5, 2) NULL,
    quota_2            DECIMAL(5, 2) NULL,
    quota_3            DECIMAL(5, 2) NULL,
    quota_4            DECIMAL(5, 2) NULL,
    quota_5            DECIMAL(5, 2) NULL,
    opened_at          DATETIME(3)   NULL,
    opened_by          BIGINT        NULL,
    closed_at          DATETIME(3)   NULL,
    row_version        INT           NOT NULL DEFAULT 0,
    created_at         DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT pk_assessment_cycle PRIMARY KEY (id),
    CONSTRAINT uk_assessment_cycle_year UNIQUE (year),
    CONSTRAINT fk_assessment_cycle_opened_by FOREIGN KEY (opened_by) REFERENCES app_user (id),
    CONSTRAINT ck_assessment_cycle_status CHECK (status IN ('PLANNED', 'OPEN', 'CLOSED')),
    CONSTRAINT ck_assessment_cycle_notice CHECK (notice_days BETWEEN 1 AND 60),
    CONSTRAINT ck_assessment_cycle_deadlines CHECK (self_deadline <= review_deadline AND review_deadline <= approval_deadline)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the published standard each category is measured against in a cycle
CREATE TABLE cycle_standard (
    cycle_id    BIGINT      NOT NULL,
    category    VARCHAR(32) NOT NULL,
    standard_id BIGINT      NOT NULL,
    CONSTRAINT pk_cycle_standard PRIMARY KEY (cycle_id, category),
    CONSTRAINT fk_cycle_standard_cycle FOREIGN KEY (cycle_id) REFERENCES assessment_cycle (id) ON DELETE CASCADE,
    CONSTRAINT fk_cycle_standard_standard FOREIGN KEY (standard_id) REFERENCES standard_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE cycle_standard; DROP TABLE assessment_cycle;

--changeset qpb:004-assessment
-- One organisation's assessment in one cycle. committee_id is copied from the tree when the cycle opens,
-- so per-committee counts and queues need no path arithmetic; a later move does not change who reviews.
CREATE TABLE assessment (
    id                     BIGINT         NOT NULL AUTO_INCREMENT,
    cycle_id               BIGINT         NOT NULL,
    organization_id        BIGINT         NOT NULL,
    committee_id           BIGINT         NULL,
    standard_id            BIGINT         NOT NULL,
    state                  VARCHAR(16)    NOT NULL DEFAULT 'NOT_STARTED',
    star_at_open           TINYINT        NOT NULL,
    applied_star           TINYINT        NULL,
    direct_grading         TINYINT(1)     NOT NULL DEFAULT 0,
    direct_grading_reason  VARCHAR(2000)  NULL,
    self_total             DECIMAL(6, 2)  NULL,
    deadline_extended_to   DATE           NULL,
    extension_reason       VARCHAR(500)   NULL,
    submitted_at           DATETIME(3)    NULL,
    row_version            INT            NOT NULL DEFAULT 0,
    updated_at             DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT pk_assessment PRIMARY KEY (id),
    CONSTRAINT uk_assessment_cycle_org UNIQUE (cycle_id, organization_id),
    CONSTRAINT fk_assessment_cycle FOREIGN KEY (cycle_id) REFERENCES assessment_cycle (id),
    CONSTRAINT fk_assessment_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_assessment_committee FOREIGN KEY (committee_id) REFERENCES organization (id),
    CONSTRAINT fk_assessment_standard FOREIGN KEY (standard_id) REFERENCES standard_version (id),
    CONSTRAINT ck_assessment_state CHECK (state IN ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED',
        'RECOMMENDED', 'APPROVED', 'IN_NOTICE', 'FINAL')),
    CONSTRAINT ck_assessment_stars CHECK (star_at_open BETWEEN 0 AND 5 AND (applied_star IS NULL OR applied_star BETWEEN 0 AND 5))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_assessment_cycle_state ON assessment (cycle_id, state);
CREATE INDEX ix_assessment_cycle_committee ON assessment (cycle_id, committee_id, state);
CREATE INDEX ix_assessment_organization ON assessment (organization_id);

-- One row per indicator, made when the cycle opens; the secretary's entries fill it in.
CREATE TABLE assessment_item (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    assessment_id BIGINT         NOT NULL,
    indicator_id  BIGINT         NOT NULL,
    met           TINYINT(1)     NULL,
    score         DECIMAL(5, 2)  NULL,
    occurrences   INT            NULL,
    explanation   TEXT           NULL,
    row_version   INT            NOT NULL DEFAULT 0,
    updated_at    DATETIME(3)    NULL,
    CONSTRAINT pk_assessment_item PRIMARY KEY (id),
    CONSTRAINT uk_assessment_item UNIQUE (assessment_id, indicator_id),
    CONSTRAINT fk_assessment_item_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_assessment_item_indicator FOREIGN KEY (indicator_id) REFERENCES standard_indicator (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every move of an assessment: who, when, from, to, and why (the timeline).
CREATE TABLE assessment_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    assessment_id BIGINT        NOT NULL,
    from_state    VARCHAR(16)   NULL,
    to_state      VARCHAR(16)   NOT NULL,
    actor_id      BIGINT        NULL,
    comment       VARCHAR(2000) NULL,
    occurred_at   DATETIME(3)   NOT NULL,
    CONSTRAINT pk_assessment_event PRIMARY KEY (id),
    CONSTRAINT fk_assessment_event_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_assessment_event_actor FOREIGN KEY (actor_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_assessment_event_assessment ON assessment_event (assessment_id, occurred_at);

-- Evidence files, kept in the database (nothing served statically can reach them).
CREATE TABLE evidence_file (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    assessment_id BIGINT        NOT NULL,
    item_id       BIGINT        NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    content       LONGBLOB      NOT NULL,
    uploaded_by   BIGINT        NOT NULL,
    uploaded_at   DATETIME(3)   NOT NULL,
    CONSTRAINT pk_evidence_file PRIMARY KEY (id),
    CONSTRAINT fk_evidence_file_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_evidence_file_item FOREIGN KEY (item_id) REFERENCES assessment_item (id),
    CONSTRAINT fk_evidence_file_user FOREIGN KEY (uploaded_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_evidence_file_item ON evidence_file (item_id);
CREATE INDEX ix_evidence_file_assessment ON evidence_file (assessment_id);
--rollback DROP TABLE evidence_file; DROP TABLE assessment_event; DROP TABLE assessment_item; DROP TABLE assessment;

--liquibase formatted sql

--changeset qpb:006-notice-batch
-- A public notice (公示) batch: the approved results of one cycle published together for the cycle's
-- notice length, from starts_on to ends_on inclusive. finalized_at is set when none of its results is
-- still in notice.
CREATE TABLE notice_batch (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    cycle_id      BIGINT      NOT NULL,
    starts_on     DATE        NOT NULL,
    ends_on       DATE        NOT NULL,
    published_by  BIGINT      NOT NULL,
    published_at  DATETIME(3) NOT NULL,
    finalized_at  DATETIME(3) NULL,
    CONSTRAINT pk_notice_batch PRIMARY KEY (id),
    CONSTRAINT fk_notice_batch_cycle FOREIGN KEY (cycle_id) REFERENCES assessment_cycle (id),
    CONSTRAINT fk_notice_batch_user FOREIGN KEY (published_by) REFERENCES app_user (id),
    CONSTRAINT ck_notice_batch_period CHECK (starts_on <= ends_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_notice_batch_cycle ON notice_batch (cycle_id, published_at);
CREATE INDEX ix_notice_batch_due ON notice_batch (finalized_at, ends_on);
--rollback DROP TABLE notice_batch;

--changeset qpb:006-approval
-- The district's decision on a recommendation: the approved star (at most the recommended one), who
-- approved it and when, the explicit decision on a direct-grading request (NULL: not decided), the notice
-- batch it was published in, and when it became final.
ALTER TABLE assessment
    ADD COLUMN approved_star          TINYINT     NULL,
    ADD COLUMN approver_id            BIGINT      NULL,
    ADD COLUMN approved_at            DATETIME(3) NULL,
    ADD COLUMN direct_grading_granted TINYINT(1)  NULL,
    ADD COLUMN notice_batch_id        BIGINT      NULL,
    ADD COLUMN final_at               DATETIME(3) NULL,
    ADD CONSTRAINT fk_assessment_approver FOREIGN KEY (approver_id) REFERENCES app_user (id),
    ADD CONSTRAINT fk_assessment_notice_batch FOREIGN KEY (notice_batch_id) REFERENCES notice_batch (id),
    ADD CONSTRAINT ck_assessment_approved_star CHECK (approved_star IS NULL OR approved_star BETWEEN 0 AND 5);
CREATE INDEX ix_assessment_notice_batch ON assessment (notice_batch_id, state);
--rollback ALTER TABLE assessment DROP CONSTRAINT ck_assessment_approved_star, DROP FOREIGN KEY fk_assessment_notice_batch, DROP FOREIGN KEY fk_assessment_approver, DROP COLUMN final_at, DROP COLUMN notice_batch_id, DROP COLUMN direct_grading_granted, DROP COLUMN approved_at, DROP COLUMN approver_id, DROP COLUMN approved_star;

--changeset qpb:006-objection
-- An objection (异议) lodged against a result during its notice period; district staff uphold it (the
-- decision is reopened) or dismiss it with a reason.
CREATE TABLE objection (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    assessment_id    BIGINT        NOT NULL,
    notice_batch_id  BIGINT        NOT NULL,
    lodged_by        BIGINT        NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    lodged_at        DATETIME(3)   NOT NULL,
    status           VARCHAR(16)   NOT NULL DEFAULT 'OPEN',
    decided_by       BIGINT        NULL,
    decided_at       DATETIME(3)   NULL,
    decision_reason  VARCHAR(2000) NULL,
    CONSTRAINT pk_objection PRIMARY KEY (id),
    CONSTRAINT fk_objection_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_objection_batch FOREIGN KEY (notice_batch_id) REFERENCES notice_batch (id),
    CONSTRAINT fk_objection_lodged_by FOREIGN KEY (lodged_by) REFERENCES app_user (id),
    CONSTRAINT fk_objection_decided_by FOREIGN KEY (decided_by) REFERENCES app_user (id),
    CONSTRAINT ck_objection_status CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_objection_assessment ON objection (assessment_id, status);
CREATE INDEX ix_objection_status ON objection (status, lodged_at);
--rollback DROP TABLE objection;

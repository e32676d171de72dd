--liquibase formatted sql

--changeset qpb:005-review
-- The committee reviewer's entries beside the secretary's, per item, with their own version (the reviewer
-- and the secretary never write the same columns), and the review's outcome on the assessment.
ALTER TABLE assessment_item
    ADD COLUMN review_met         TINYINT(1)    NULL,
    ADD COLUMN review_score       DECIMAL(5, 2) NULL,
    ADD COLUMN review_occurrences INT           NULL,
    ADD COLUMN review_comment     TEXT          NULL,
    ADD COLUMN reviewed_by        BIGINT        NULL,
    ADD COLUMN reviewed_at        DATETIME(3)   NULL,
    ADD COLUMN review_version     INT           NOT NULL DEFAULT 0,
    ADD CONSTRAINT fk_assessment_item_reviewed_by FOREIGN KEY (reviewed_by) REFERENCES app_user (id);
ALTER TABLE assessment
    ADD COLUMN review_total     DECIMAL(6, 2) NULL,
    ADD COLUMN recommended_star TINYINT       NULL,
    ADD COLUMN reviewer_id      BIGINT        NULL,
    ADD CONSTRAINT fk_assessment_reviewer FOREIGN KEY (reviewer_id) REFERENCES app_user (id),
    ADD CONSTRAINT ck_assessment_recommended_star CHECK (recommended_star IS NULL OR recommended_star BETWEEN 0 AND 5);
-- the reviewer's queue: his committee's assessments by state
CREATE INDEX ix_assessment_committee_state ON assessment (committee_id, state);
--rollback ALTER TABLE assessment DROP CONSTRAINT ck_assessment_recommended_star, DROP FOREIGN KEY fk_assessment_reviewer, DROP COLUMN reviewer_id, DROP COLUMN recommended_star, DROP COLUMN review_total; DROP INDEX ix_assessment_committee_state ON assessment; ALTER TABLE assessment_item DROP FOREIGN KEY fk_assessment_item_reviewed_by, DROP COLUMN review_version, DROP COLUMN reviewed_at, DROP COLUMN reviewed_by, DROP COLUMN review_comment, DROP COLUMN review_occurrences, DROP COLUMN review_score, DROP COLUMN review_met;

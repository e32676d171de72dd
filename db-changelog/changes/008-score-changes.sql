--liquibase formatted sql

--changeset qpb:008-score-changes
-- Who changed an item's points, from what to what, on either side (the secretary's SELF entries, the
-- reviewer's REVIEW entries): the timeline's score history. Points are what the indicator's rule makes
-- of the entry (null: not scored); a save that leaves the points as they were writes no row.
CREATE TABLE assessment_score_change (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    assessment_id BIGINT        NOT NULL,
    item_id       BIGINT        NOT NULL,
    side          VARCHAR(8)    NOT NULL,
    points_before DECIMAL(6, 2) NULL,
    points_after  DECIMAL(6, 2) NULL,
    actor_id      BIGINT        NOT NULL,
    changed_at    DATETIME(3)   NOT NULL,
    CONSTRAINT pk_assessment_score_change PRIMARY KEY (id),
    CONSTRAINT fk_assessment_score_change_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_assessment_score_change_item FOREIGN KEY (item_id) REFERENCES assessment_item (id),
    CONSTRAINT fk_assessment_score_change_actor FOREIGN KEY (actor_id) REFERENCES app_user (id),
    CONSTRAINT ck_assessment_score_change_side CHECK (side IN ('SELF', 'REVIEW'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_assessment_score_change_assessment ON assessment_score_change (assessment_id, changed_at);
--rollback DROP TABLE assessment_score_change;

--changeset qpb:008-score-changes-no-update splitStatements:false
-- History is append-only, like the audit trail: the database itself refuses to change or remove a row.
CREATE TRIGGER assessment_score_change_no_update BEFORE UPDATE ON assessment_score_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'assessment_score_change is append-only';
--rollback DROP TRIGGER assessment_score_change_no_update;

--changeset qpb:008-score-changes-no-delete splitStatements:false
CREATE TRIGGER assessment_score_change_no_delete BEFORE DELETE ON assessment_score_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'assessment_score_change is append-only';
--rollback DROP TRIGGER assessment_score_change_no_delete;

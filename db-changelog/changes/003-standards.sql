--liquibase formatted sql

--changeset qpb:003-standard-version
-- A standard (指标体系) version. Star bands are the lowest totals for one to five stars.
CREATE TABLE standard_version (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    code         VARCHAR(32)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    version      INT           NOT NULL,
    status       VARCHAR(16)   NOT NULL DEFAULT 'DRAFT',
    notes        VARCHAR(2000) NULL,
    bonus_cap    DECIMAL(5, 2) NULL,
    band_1       DECIMAL(5, 2) NULL,
    band_2       DECIMAL(5, 2) NULL,
    band_3       DECIMAL(5, 2) NULL,
    band_4       DECIMAL(5, 2) NULL,
    band_5       DECIMAL(5, 2) NULL,
    based_on_id  BIGINT        NULL,
    published_at DATETIME(3)   NULL,
    published_by BIGINT        NULL,
    row_version  INT           NOT NULL DEFAULT 0,
    created_at   DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT pk_standard_version PRIMARY KEY (id),
    CONSTRAINT uk_standard_version_code UNIQUE (code, version),
    CONSTRAINT fk_standard_version_based_on FOREIGN KEY (based_on_id) REFERENCES standard_version (id),
    CONSTRAINT fk_standard_version_published_by FOREIGN KEY (published_by) REFERENCES app_user (id),
    CONSTRAINT ck_standard_version_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    CONSTRAINT ck_standard_version_version CHECK (version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_standard_version_status ON standard_version (status);
--rollback DROP TABLE standard_version;

--changeset qpb:003-standard-content
CREATE TABLE standard_category (
    standard_id BIGINT      NOT NULL,
    category    VARCHAR(32) NOT NULL,
    CONSTRAINT pk_standard_category PRIMARY KEY (standard_id, category),
    CONSTRAINT fk_standard_category_standard FOREIGN KEY (standard_id) REFERENCES standard_version (id) ON DELETE CASCADE,
    CONSTRAINT ck_standard_category CHECK (category IN ('COMMUNITY', 'NON_PUBLIC_ENTERPRISE', 'SOCIAL_ORGANIZATION', 'BUILDING_PARK', 'URBAN_VILLAGE', 'AGENCY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_standard_category_category ON standard_category (category);

CREATE TABLE standard_dimension (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    standard_id BIGINT       NOT NULL,
    position    INT          NOT NULL,
    name        VARCHAR(100) NOT NULL,
    CONSTRAINT pk_standard_dimension PRIMARY KEY (id),
    CONSTRAINT fk_standard_dimension_standard FOREIGN KEY (standard_id) REFERENCES standard_version (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_standard_dimension_standard ON standard_dimension (standard_id, position);

-- standard_id repeats the dimension's so that the immutability triggers and per-standard queries need no join
CREATE TABLE standard_indicator (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    standard_id       BIGINT        NOT NULL,
    dimension_id      BIGINT        NOT NULL,
    position          INT           NOT NULL,
    code              VARCHAR(32)   NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    guidance          TEXT          NULL,
    quality_standard  TEXT          NULL,
    method            VARCHAR(8)    NOT NULL,
    max_score         DECIMAL(5, 2) NOT NULL,
    step              DECIMAL(4, 2) NULL,
    deduction         DECIMAL(5, 2) NULL,
    evidence_required TINYINT(1)    NOT NULL DEFAULT 0,
    evidence_hint     VARCHAR(500)  NULL,
    veto              TINYINT(1)    NOT NULL DEFAULT 0,
    veto_star_cap     TINYINT       NULL,
    bonus             TINYINT(1)    NOT NULL DEFAULT 0,
    CONSTRAINT pk_standard_indicator PRIMARY KEY (id),
    CONSTRAINT uk_standard_indicator_code UNIQUE (standard_id, code),
    CONSTRAINT fk_standard_indicator_standard FOREIGN KEY (standard_id) REFERENCES standard_version (id) ON DELETE CASCADE,
    CONSTRAINT fk_standard_indicator_dimension FOREIGN KEY (dimension_id) REFERENCES standard_dimension (id) ON DELETE CASCADE,
    CONSTRAINT ck_standard_indicator_method CHECK (method IN ('CHECK', 'SCALE', 'DEDUCT')),
    CONSTRAINT ck_standard_indicator_cap CHECK (veto_star_cap IS NULL OR veto_star_cap BETWEEN 0 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_standard_indicator_dimension ON standard_indicator (dimension_id, position);
--rollback DROP TABLE standard_indicator; DROP TABLE standard_dimension; DROP TABLE standard_category;

-- A published or retired standard is frozen in the database itself: its content and its own fields
-- cannot change (only PUBLISHED -> RETIRED), and it cannot be deleted. Drafts are free.

--changeset qpb:003-frozen-version splitStatements:false
CREATE TRIGGER standard_version_frozen BEFORE UPDATE ON standard_version FOR EACH ROW
BEGIN
    IF OLD.status <> 'DRAFT' AND NOT (OLD.status = 'PUBLISHED' AND NEW.status = 'RETIRED'
            AND NEW.code <=> OLD.code AND NEW.name <=> OLD.name AND NEW.version <=> OLD.version
            AND NEW.notes <=> OLD.notes AND NEW.bonus_cap <=> OLD.bonus_cap
            AND NEW.band_1 <=> OLD.band_1 AND NEW.band_2 <=> OLD.band_2 AND NEW.band_3 <=> OLD.band_3
            AND NEW.band_4 <=> OLD.band_4 AND NEW.band_5 <=> OLD.band_5) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'standard is frozen: only a published standard may be retired';
    END IF;
END
--rollback DROP TRIGGER standard_version_frozen;

--changeset qpb:003-frozen-version-delete splitStatements:false
CREATE TRIGGER standard_version_no_delete BEFORE DELETE ON standard_version FOR EACH ROW
BEGIN
    IF OLD.status <> 'DRAFT' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'standard is frozen: only drafts may be deleted';
    END IF;
END
--rollback DROP TRIGGER standard_version_no_delete;

--changeset qpb:003-require-draft splitStatements:false
-- The one place that says "this standard's content may change": only while it is a draft.
CREATE PROCEDURE require_standard_draft(IN standard BIGINT)
BEGIN
    IF (SELECT status FROM standard_version WHERE id = standard) <> 'DRAFT' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'standard is frozen';
    END IF;
END
--rollback DROP PROCEDURE require_standard_draft;

--changeset qpb:003-frozen-category-insert
CREATE TRIGGER standard_category_frozen_insert BEFORE INSERT ON standard_category FOR EACH ROW
    CALL require_standard_draft(NEW.standard_id);
--rollback DROP TRIGGER standard_category_frozen_insert;

--changeset qpb:003-frozen-category-delete
CREATE TRIGGER standard_category_frozen_delete BEFORE DELETE ON standard_category FOR EACH ROW
    CALL require_standard_draft(OLD.standard_id);
--rollback DROP TRIGGER standard_category_frozen_delete;

--changeset qpb:003-frozen-dimension-insert
CREATE TRIGGER standard_dimension_frozen_insert BEFORE INSERT ON standard_dimension FOR EACH ROW
    CALL require_standard_draft(NEW.standard_id);
--rollback DROP TRIGGER standard_dimension_frozen_insert;

--changeset qpb:003-frozen-dimension-update
CREATE TRIGGER standard_dimension_frozen_update BEFORE UPDATE ON standard_dimension FOR EACH ROW
    CALL require_standard_draft(OLD.standard_id);
--rollback DROP TRIGGER standard_dimension_frozen_update;

--changeset qpb:003-frozen-dimension-delete
CREATE TRIGGER standard_dimension_frozen_delete BEFORE DELETE ON standard_dimension FOR EACH ROW
    CALL require_standard_draft(OLD.standard_id);
--rollback DROP TRIGGER standard_dimension_frozen_delete;

--changeset qpb:003-frozen-indicator-insert
CREATE TRIGGER standard_indicator_frozen_insert BEFORE INSERT ON standard_indicator FOR EACH ROW
    CALL require_standard_draft(NEW.standard_id);
--rollback DROP TRIGGER standard_indicator_frozen_insert;

--changeset qpb:003-frozen-indicator-update
CREATE TRIGGER standard_indicator_frozen_update BEFORE UPDATE ON standard_indicator FOR EACH ROW
    CALL require_standard_draft(OLD.standard_id);
--rollback DROP TRIGGER standard_indicator_frozen_update;

--changeset qpb:003-frozen-indicator-delete
CREATE TRIGGER standard_indicator_frozen_delete BEFORE DELETE ON standard_indicator FOR EACH ROW
    CALL require_standard_draft(OLD.standard_id);
--rollback DROP TRIGGER standard_indicator_frozen_delete;

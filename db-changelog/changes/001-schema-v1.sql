--liquibase formatted sql

--changeset qpb:001-organization
-- The organisation tree. Subtrees are read through a materialised path: `path` holds the ids from
-- the root down to this row, e.g. '/1/12/345/'. A subtree is then one range scan of the path index
-- (path LIKE '/1/12/%'), whatever the depth, and a move rewrites the paths of the moved subtree
-- with one UPDATE. A closure table would need depth x rows and a trigger-like maintenance; the
-- tree is shallow (district, committee, general branch, branch) and moves are rare.
CREATE TABLE organization (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    parent_id           BIGINT       NULL,
    path                VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    depth               TINYINT      NOT NULL,
    kind                VARCHAR(32)  NOT NULL,
    category            VARCHAR(32)  NULL,
    regional_system     VARCHAR(32)  NULL,
    code                VARCHAR(32)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    short_name          VARCHAR(100) NOT NULL,
    secretary_name      VARCHAR(100) NULL,
    member_count        INT          NOT NULL DEFAULT 0,
    contact             VARCHAR(100) NULL,
    active              TINYINT(1)   NOT NULL DEFAULT 1,
    current_star        TINYINT      NOT NULL DEFAULT 0,
    star_effective_date DATE         NULL,
    version             INT          NOT NULL DEFAULT 0,
    created_at          DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at          DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT pk_organization PRIMARY KEY (id),
    CONSTRAINT uk_organization_code UNIQUE (code),
    CONSTRAINT fk_organization_parent FOREIGN KEY (parent_id) REFERENCES organization (id),
    CONSTRAINT ck_organization_star CHECK (current_star BETWEEN 0 AND 5),
    CONSTRAINT ck_organization_members CHECK (member_count >= 0),
    CONSTRAINT ck_organization_kind CHECK (kind IN ('DISTRICT', 'COMMITTEE', 'GENERAL_BRANCH', 'COMMUNITY_COMMITTEE', 'BRANCH')),
    CONSTRAINT ck_organization_category CHECK (category IS NULL OR category IN ('COMMUNITY', 'NON_PUBLIC_ENTERPRISE', 'SOCIAL_ORGANIZATION', 'BUILDING_PARK', 'URBAN_VILLAGE', 'AGENCY')),
    CONSTRAINT ck_organization_region CHECK (regional_system IS NULL OR regional_system IN ('COMMUNITY', 'BUILDING_PARK_INDUSTRY', 'URBAN_VILLAGE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_organization_path ON organization (path);
CREATE INDEX ix_organization_kind_active ON organization (kind, active);
CREATE INDEX ix_organization_star ON organization (current_star);
--rollback DROP TABLE organization;

--changeset qpb:001-app-user
CREATE TABLE app_user (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    username             VARCHAR(64)  NOT NULL,
    display_name         VARCHAR(100) NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    organization_id      BIGINT       NOT NULL,
    preferred_language   VARCHAR(8)   NULL,
    phone                VARCHAR(32)  NULL,
    email                VARCHAR(254) NULL,
    enabled              TINYINT(1)   NOT NULL DEFAULT 1,
    failed_login_count   INT          NOT NULL DEFAULT 0,
    locked_until         DATETIME(3)  NULL,
    password_changed_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    must_change_password TINYINT(1)   NOT NULL DEFAULT 0,
    version              INT          NOT NULL DEFAULT 0,
    created_at           DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_app_user_language CHECK (preferred_language IS NULL OR preferred_language IN ('zh', 'en'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_app_user_organization ON app_user (organization_id);

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(16) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_app_user_role CHECK (role IN ('SECRETARY', 'REVIEWER', 'APPROVER', 'ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_app_user_role_role ON app_user_role (role);
--rollback DROP TABLE app_user_role; DROP TABLE app_user;

--changeset qpb:001-star-history
CREATE TABLE star_history (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    organization_id BIGINT       NOT NULL,
    from_star       TINYINT      NOT NULL,
    to_star         TINYINT      NOT NULL,
    change_kind     VARCHAR(16)  NOT NULL,
    reason          VARCHAR(500) NULL,
    changed_by      BIGINT       NULL,
    changed_at      DATETIME(3)  NOT NULL,
    CONSTRAINT pk_star_history PRIMARY KEY (id),
    CONSTRAINT fk_star_history_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_star_history_user FOREIGN KEY (changed_by) REFERENCES app_user (id),
    CONSTRAINT ck_star_history_stars CHECK (from_star BETWEEN 0 AND 5 AND to_star BETWEEN 0 AND 5),
    CONSTRAINT ck_star_history_kind CHECK (change_kind IN ('INITIAL', 'PROMOTION', 'DEMOTION', 'UNCHANGED', 'REVOCATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_star_history_organization ON star_history (organization_id, changed_at);
--rollback DROP TABLE star_history;

--changeset qpb:001-audit-event
CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    actor          VARCHAR(64)  NULL,
    action         VARCHAR(64)  NOT NULL,
    entity_type    VARCHAR(64)  NULL,
    entity_id      VARCHAR(64)  NULL,
    before_json    LONGTEXT     NULL CHECK (before_json IS NULL OR JSON_VALID(before_json)),
    after_json     LONGTEXT     NULL CHECK (after_json IS NULL OR JSON_VALID(after_json)),
    occurred_at    DATETIME(3)  NOT NULL,
    client_address VARCHAR(64)  NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_audit_event_entity ON audit_event (entity_type, entity_id);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
--rollback DROP TABLE audit_event;

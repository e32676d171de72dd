--liquibase formatted sql

-- Guards that must hold across the nodes of a Galera cluster. A SELECT … FOR UPDATE locks only on the node
-- that runs it; what makes a second node's transaction fail (at commit, error 1213) is a write to the same row.
-- So every guard also bumps a counter of the row it guards. One DDL statement per changeset, each safe to
-- run again after a crash (IF NOT EXISTS).

--changeset qpb:012-cycle-guard-seq
-- bumped by everything that must come one after another in a cycle: approvals (quotas), publications, opening,
-- closing, editing, extensions. Not row_version: that is the cycle editor's optimistic version.
ALTER TABLE assessment_cycle ADD COLUMN IF NOT EXISTS guard_seq BIGINT NOT NULL DEFAULT 0;
--rollback ALTER TABLE assessment_cycle DROP COLUMN guard_seq;

--changeset qpb:012-assessment-guard-seq
-- bumped by writes that must not slip past a move of the assessment: evidence uploads and deletions, objections.
-- Not row_version: the secretary's open form holds that one.
ALTER TABLE assessment ADD COLUMN IF NOT EXISTS guard_seq BIGINT NOT NULL DEFAULT 0;
--rollback ALTER TABLE assessment DROP COLUMN guard_seq;

--changeset qpb:012-write-guard
-- A named guard for a rule that has no row of its own (e.g. "at least one enabled administrator").
CREATE TABLE IF NOT EXISTS write_guard (
    name    VARCHAR(64) NOT NULL,
    seq     BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT pk_write_guard PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE write_guard;

--liquibase formatted sql

--changeset qpb:011-app-role-grants runAlways:true runOnChange:true
--preconditions onFail:CONTINUE
--precondition-sql-check expectedResult:1 SELECT LENGTH('${app_role}') > 0
-- What the application's account may do, granted to the role the DBA gave it (qpb.db.app-role; README
-- "Database accounts"). Run at every start: GRANT is idempotent and a re-created role gets its rights back.
-- Reading: every table of the schema ("ON *" is the schema migrated), also the sequence engine's seq_1_to_n.
-- Records are append-only: INSERT only (the audit trail, score changes, star history); no DDL anywhere.
-- No role configured (the embedded development database, one account): skipped.
-- A changeset that adds a table adds its grant here.
GRANT SELECT ON * TO ${app_role};
GRANT INSERT ON audit_event TO ${app_role};
GRANT INSERT ON assessment_score_change TO ${app_role};
GRANT INSERT ON star_history TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON organization TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON app_user TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON app_user_role TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON standard_version TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON standard_category TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON standard_dimension TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON standard_indicator TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON assessment_cycle TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON cycle_standard TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON assessment TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON assessment_item TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON assessment_event TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON evidence_file TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON notice_batch TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON objection TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON notification TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON deadline_reminder TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON user_session TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON shedlock TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON write_guard TO ${app_role};

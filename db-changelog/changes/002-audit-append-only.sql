--liquibase formatted sql

--changeset qpb:002-audit-append-only splitStatements:false
-- Audit events are append-only: the database itself refuses to change or remove one.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
--rollback DROP TRIGGER audit_event_no_update;

--changeset qpb:002-audit-no-delete splitStatements:false
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
--rollback DROP TRIGGER audit_event_no_delete;

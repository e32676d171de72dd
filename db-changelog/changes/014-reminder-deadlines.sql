--liquibase formatted sql

--changeset qpb:014-reminder-deadlines
-- A reminder names what it is about: the cycle, the earliest deadline of the user's due assessments (self and
-- review apart) and, for a secretary with one assessment due, that assessment (a click on the reminder opens it).
-- IF NOT EXISTS: safe to run again after a crash halfway.
ALTER TABLE deadline_reminder
    ADD COLUMN IF NOT EXISTS cycle_name      VARCHAR(200) NULL,
    ADD COLUMN IF NOT EXISTS self_deadline   DATE         NULL,
    ADD COLUMN IF NOT EXISTS review_deadline DATE         NULL,
    ADD COLUMN IF NOT EXISTS assessment_id   BIGINT       NULL;
--rollback ALTER TABLE deadline_reminder DROP COLUMN cycle_name, DROP COLUMN self_deadline, DROP COLUMN review_deadline, DROP COLUMN assessment_id;

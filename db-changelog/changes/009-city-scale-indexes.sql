--liquibase formatted sql

--changeset qpb:009-assessment-cycle-pending
-- A cycle's pending list (not yet submitted, by committee then code) is paged from this index alone: at city
-- scale (20,000 organisations, 7,000 of them pending) reading every pending row whole to sort it took 30 ms a page.
CREATE INDEX ix_assessment_cycle_pending ON assessment (cycle_id, state, committee_id, organization_id);
--rollback DROP INDEX ix_assessment_cycle_pending ON assessment;

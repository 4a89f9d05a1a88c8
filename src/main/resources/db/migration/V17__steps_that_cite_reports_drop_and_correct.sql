-- Issue 15 (4): the lifecycle tells the truth.
--
-- A RELAPSED step cites the stored monitoring report that found the relapse (older RELAPSED rows have none).
ALTER TABLE programme_transition ADD COLUMN monitoring_report_id UUID;
ALTER TABLE programme_transition ADD CONSTRAINT fk_programme_transition_report
    FOREIGN KEY (monitoring_report_id) REFERENCES monitoring_report (id);

-- DROPPED: a candidate not taken further. CORRECTED: a step that voids the mistaken step before it; both rows stay.
ALTER TABLE programme_transition DROP CONSTRAINT ck_programme_transition_states;
ALTER TABLE programme_transition ADD CONSTRAINT ck_programme_transition_states CHECK (
    to_state IN ('CANDIDATE', 'PROPOSED', 'APPROVED', 'IN_TRANSFORMATION', 'TRANSFORMED', 'NOT_TRANSFORMED',
                 'MONITORING', 'RELAPSED', 'STABLE', 'DROPPED', 'REORGANISED', 'CORRECTED')
    AND (from_state IS NULL OR from_state IN ('CANDIDATE', 'PROPOSED', 'APPROVED', 'IN_TRANSFORMATION',
                 'TRANSFORMED', 'NOT_TRANSFORMED', 'MONITORING', 'RELAPSED', 'STABLE', 'DROPPED')));

-- A verdict voided by a correction leaves its evaluation free to be cited again by the corrected verdict, so one
-- evaluation may now appear in two rows of the same record; the service refuses one cited by a standing step of
-- any record (ProgrammeService.citation), and two writers of one record collide on (area_id, step) as before.
-- H2 keeps a dropped unique constraint's index while the foreign key on the same column uses it: the key is dropped
-- first and put back on the plain index.
ALTER TABLE programme_transition DROP CONSTRAINT fk_programme_transition_evaluation;
ALTER TABLE programme_transition DROP CONSTRAINT uq_programme_transition_evaluation;
CREATE INDEX ix_programme_transition_evaluation ON programme_transition (evaluation_id);
ALTER TABLE programme_transition ADD CONSTRAINT fk_programme_transition_evaluation
    FOREIGN KEY (evaluation_id) REFERENCES evaluation (id);

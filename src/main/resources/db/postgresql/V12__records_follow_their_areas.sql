-- A programme record follows its area across the reform of 1 July 2025 (domain spec §8.1): a REORGANISED step moves
-- it from its old QD124_2004 commune to the new QD19_2025 one, keeping its history and its pinned profile. The step
-- is an ordinary, append-only row of programme_transition that names the new unit; the record's state is that of its
-- last other step. The record row itself is never changed, so it keeps the unit it was opened on, and it is found by
-- either code. The new columns are NULL in every other step (and are left out of the audit form while NULL, so the
-- rows chained before them hash as they did).

ALTER TABLE programme_transition ADD COLUMN moved_code_scheme VARCHAR(64);
ALTER TABLE programme_transition ADD COLUMN moved_province_code VARCHAR(64);
ALTER TABLE programme_transition ADD COLUMN moved_area_code VARCHAR(64);
ALTER TABLE programme_transition ADD COLUMN moved_area_name VARCHAR(500);

ALTER TABLE programme_transition DROP CONSTRAINT ck_programme_transition_states;
ALTER TABLE programme_transition ADD CONSTRAINT ck_programme_transition_states CHECK (
    to_state IN ('CANDIDATE', 'PROPOSED', 'APPROVED', 'IN_TRANSFORMATION', 'TRANSFORMED', 'NOT_TRANSFORMED',
                 'MONITORING', 'RELAPSED', 'STABLE', 'REORGANISED')
    AND (from_state IS NULL OR from_state IN ('CANDIDATE', 'PROPOSED', 'APPROVED', 'IN_TRANSFORMATION',
                 'TRANSFORMED', 'NOT_TRANSFORMED', 'MONITORING', 'RELAPSED', 'STABLE')));

-- a REORGANISED step names its new unit, and only it does
ALTER TABLE programme_transition ADD CONSTRAINT ck_programme_transition_moved CHECK (
    (to_state = 'REORGANISED' AND moved_code_scheme IS NOT NULL AND moved_province_code IS NOT NULL
         AND moved_area_code IS NOT NULL AND moved_area_name IS NOT NULL)
    OR (to_state <> 'REORGANISED' AND moved_code_scheme IS NULL AND moved_province_code IS NULL
         AND moved_area_code IS NULL AND moved_area_name IS NULL));

-- a record moves once: the old list is gone, and the new one is final
CREATE UNIQUE INDEX uq_programme_transition_moved ON programme_transition (area_id, moved_code_scheme);

CREATE INDEX ix_programme_transition_moved_province ON programme_transition (moved_code_scheme, moved_province_code);
CREATE INDEX ix_programme_transition_moved_area ON programme_transition (moved_code_scheme, moved_area_code);

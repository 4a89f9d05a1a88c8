-- PostgreSQL twin of db/migration/V13__compact_evaluations.sql (BYTEA for H2's VARBINARY).
-- Compact evaluations (issue 12 item 3): an evaluation's request, response document and fired rules are stored as
-- one compressed value, packed_documents (vn.chuyenhoa.evaluation.PackedDocuments: format byte, then deflate with a preset
-- dictionary), about 1 KB instead of ~15 KB of text; GET /api/v1/evaluations/{id} inflates it and returns the
-- document byte for byte. Nothing is dropped: the fired rules are stored as before, only packed.
--
-- Rows written before this version keep their three text columns and no packed value; they are read as they were
-- and hash in the audit chain as they did (packed_documents is an optional column of the audit form, left out while
-- NULL). Rows written from now on carry the packed value and NULL text columns: each row holds exactly one form.
-- The listing columns (area, province, profile, verdict, period, ...) stay plain columns, so lists and pages read no
-- compressed value. BYTEA: a value of ~1 KB stays in its row, below the size PostgreSQL moves out to TOAST.

ALTER TABLE evaluation ADD COLUMN packed_documents BYTEA;
ALTER TABLE evaluation ALTER COLUMN request_json DROP NOT NULL;
ALTER TABLE evaluation ALTER COLUMN response_json DROP NOT NULL;
ALTER TABLE evaluation ALTER COLUMN fired_rules_json DROP NOT NULL;
ALTER TABLE evaluation ADD CONSTRAINT ck_evaluation_one_form CHECK (
    (packed_documents IS NULL AND request_json IS NOT NULL AND response_json IS NOT NULL
        AND fired_rules_json IS NOT NULL)
    OR (packed_documents IS NOT NULL AND request_json IS NULL AND response_json IS NULL AND fired_rules_json IS NULL));

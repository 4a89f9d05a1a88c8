-- Batches of evaluations (POST /api/v1/evaluation-batches): one row per recorded batch, holding the answer sent, so
-- that GET /api/v1/evaluation-batches/{id} and a retry with the same Idempotency-Key return it unchanged.
--
-- The evaluations of a batch are ordinary rows of evaluation, committed in the same transaction as this row and
-- linked in the same audit_chain batch; each names its batch in its response_json (batchId), and response_json here
-- lists them by item. Append-only like evaluation.
CREATE TABLE evaluation_batch (
    id              UUID                        NOT NULL,
    submitted_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    ruleset_version VARCHAR(200)                NOT NULL,
    item_count      INTEGER                     NOT NULL,
    stored_count    INTEGER                     NOT NULL,
    submitter       VARCHAR(255),
    -- several NULLs are allowed: only batches that carry a key are deduplicated
    idempotency_key VARCHAR(255),
    request_hash    VARCHAR(128)                NOT NULL,
    response_json   CLOB                        NOT NULL,
    CONSTRAINT pk_evaluation_batch PRIMARY KEY (id),
    CONSTRAINT uq_evaluation_batch_idempotency_key UNIQUE (idempotency_key)
);

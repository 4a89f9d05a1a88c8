-- PostgreSQL twin of db/migration/V1__audit_store.sql: the same schema in PostgreSQL's types (TEXT for CLOB, BYTEA for BLOB,
-- timestamps to the microsecond, PostgreSQL's finest); keep the two in step, version for version.
-- Audit store: evaluations (verdicts) and the rule sets they were made with, kept forever.
--
-- evaluation is append-only: the application never UPDATEs or DELETEs its rows. A withdrawal or a
-- supersession is a row of evaluation_status_event, and an evaluation's state is derived from it,
-- so the original verdict stays readable exactly as it was returned.

CREATE TABLE evaluation (
    id               UUID                        NOT NULL,
    -- insertion order; breaks ties between evaluations with the same evaluated_at
    seq              BIGINT GENERATED ALWAYS AS IDENTITY,
    evaluated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    code_scheme      VARCHAR(64)                 NOT NULL,
    area_code        VARCHAR(64)                 NOT NULL,
    area_name        VARCHAR(500)                NOT NULL,
    province_code    VARCHAR(64)                 NOT NULL,
    district_code    VARCHAR(64),
    profile_id       VARCHAR(128)                NOT NULL,
    verdict          VARCHAR(64)                 NOT NULL,
    purpose          VARCHAR(16)                 NOT NULL,
    period_from      DATE                        NOT NULL,
    period_to        DATE                        NOT NULL,
    ruleset_version  VARCHAR(200)                NOT NULL,
    -- opaque JSON that must come back byte-for-byte, of any size
    request_json     TEXT                        NOT NULL,
    response_json    TEXT                        NOT NULL,
    fired_rules_json TEXT                        NOT NULL,
    idempotency_key  VARCHAR(255),
    request_hash     VARCHAR(128)                NOT NULL,
    submitter        VARCHAR(255),
    supersedes       UUID,
    supersede_reason VARCHAR(4000),
    CONSTRAINT pk_evaluation PRIMARY KEY (id),
    -- several NULLs are allowed: only requests that carry a key are deduplicated
    CONSTRAINT uq_evaluation_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_evaluation_supersedes FOREIGN KEY (supersedes) REFERENCES evaluation (id),
    CONSTRAINT ck_evaluation_purpose CHECK (purpose IN ('PROGRESS', 'FINAL')),
    CONSTRAINT ck_evaluation_supersede_reason CHECK (
        (supersedes IS NULL AND supersede_reason IS NULL)
        OR (supersedes IS NOT NULL AND supersede_reason IS NOT NULL))
);

CREATE INDEX ix_evaluation_area ON evaluation (code_scheme, area_code);
CREATE INDEX ix_evaluation_province ON evaluation (province_code);
CREATE INDEX ix_evaluation_profile ON evaluation (profile_id);
CREATE INDEX ix_evaluation_verdict ON evaluation (verdict);
CREATE INDEX ix_evaluation_ruleset ON evaluation (ruleset_version);
-- serves both the period filter and the newest-first order of every listing
CREATE INDEX ix_evaluation_evaluated_at ON evaluation (evaluated_at, seq);

CREATE TABLE evaluation_status_event (
    -- the key is the evaluation: it leaves ACTIVE once and for all, so a second withdrawal, or a
    -- withdrawal racing a supersession, is refused by the database and not only by a prior check
    evaluation_id UUID                        NOT NULL,
    kind          VARCHAR(16)                 NOT NULL,
    event_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason        VARCHAR(4000)               NOT NULL,
    actor         VARCHAR(255),
    superseded_by UUID,
    CONSTRAINT pk_evaluation_status_event PRIMARY KEY (evaluation_id),
    CONSTRAINT fk_status_event_evaluation FOREIGN KEY (evaluation_id) REFERENCES evaluation (id),
    CONSTRAINT fk_status_event_superseded_by FOREIGN KEY (superseded_by) REFERENCES evaluation (id),
    CONSTRAINT ck_status_event_kind CHECK (
        (kind = 'WITHDRAWN' AND superseded_by IS NULL)
        OR (kind = 'SUPERSEDED' AND superseded_by IS NOT NULL))
);

CREATE TABLE ruleset_version (
    version_id VARCHAR(200)                NOT NULL,
    -- storage order, for latest(): stored_at alone can tie
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,
    stored_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    origin     VARCHAR(32)                 NOT NULL,
    CONSTRAINT pk_ruleset_version PRIMARY KEY (version_id),
    CONSTRAINT uq_ruleset_version_seq UNIQUE (seq)
);

CREATE TABLE ruleset_file (
    version_id VARCHAR(200)  NOT NULL,
    -- the files come back in the order they were given
    ordinal    INTEGER       NOT NULL,
    path       VARCHAR(1000) NOT NULL,
    content    BYTEA         NOT NULL,
    CONSTRAINT pk_ruleset_file PRIMARY KEY (version_id, ordinal),
    CONSTRAINT uq_ruleset_file_path UNIQUE (version_id, path),
    CONSTRAINT fk_ruleset_file_version FOREIGN KEY (version_id) REFERENCES ruleset_version (version_id)
);

CREATE TABLE ruleset_load_failure (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    failed_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- not a foreign key: files that fail to load are not necessarily stored as a version
    version_id  VARCHAR(200)                NOT NULL,
    report_json TEXT                        NOT NULL,
    CONSTRAINT pk_ruleset_load_failure PRIMARY KEY (seq)
);

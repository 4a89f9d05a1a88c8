-- PostgreSQL twin of db/migration/V3__screening_monitoring.sql: the same schema in PostgreSQL's types (TEXT for CLOB, BYTEA for BLOB,
-- timestamps to the microsecond, PostgreSQL's finest); keep the two in step, version for version.
-- Screenings and relapse-monitoring reports (issue 4): recommendations, kept as they were returned.
--
-- Both tables are append-only, like evaluation: the application never UPDATEs or DELETEs a row. A
-- screening only flags and ranks, and a monitoring report only recommends; the decisions that cite
-- them are recorded elsewhere, so the recommendation stays readable exactly as it was given.

CREATE TABLE screening (
    id              UUID                        NOT NULL,
    -- insertion order; breaks ties between screenings with the same screened_at
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    screened_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    code_scheme     VARCHAR(64)                 NOT NULL,
    province_code   VARCHAR(64)                 NOT NULL,
    -- the programme year the candidates were screened for (YEAR is a keyword)
    programme_year  INTEGER                     NOT NULL,
    candidates      INTEGER                     NOT NULL,
    ruleset_version VARCHAR(200)                NOT NULL,
    -- opaque JSON that must come back byte-for-byte, of any size
    request_json    TEXT                        NOT NULL,
    response_json   TEXT                        NOT NULL,
    CONSTRAINT pk_screening PRIMARY KEY (id)
);

CREATE INDEX ix_screening_province ON screening (code_scheme, province_code, programme_year);

CREATE TABLE monitoring_report (
    id              UUID                        NOT NULL,
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    reported_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    code_scheme     VARCHAR(64)                 NOT NULL,
    area_code       VARCHAR(64)                 NOT NULL,
    area_name       VARCHAR(500)                NOT NULL,
    province_code   VARCHAR(64)                 NOT NULL,
    district_code   VARCHAR(64),
    profile_id      VARCHAR(128)                NOT NULL,
    recognised_on   DATE                        NOT NULL,
    period_from     DATE                        NOT NULL,
    period_to       DATE                        NOT NULL,
    outcome         VARCHAR(32)                 NOT NULL,
    ruleset_version VARCHAR(200)                NOT NULL,
    request_json    TEXT                        NOT NULL,
    response_json   TEXT                        NOT NULL,
    CONSTRAINT pk_monitoring_report PRIMARY KEY (id),
    CONSTRAINT ck_monitoring_report_outcome CHECK (
        outcome IN ('RELAPSED', 'STABLE', 'INSUFFICIENT_DATA', 'OUTSIDE_WINDOW')),
    CONSTRAINT ck_monitoring_report_period CHECK (period_from <= period_to AND recognised_on < period_from)
);

-- the lifecycle looks up the reports of an area when a decision cites one
CREATE INDEX ix_monitoring_report_area ON monitoring_report (code_scheme, area_code, period_to);

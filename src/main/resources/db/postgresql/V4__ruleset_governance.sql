-- PostgreSQL twin of db/migration/V4__ruleset_governance.sql: the same schema in PostgreSQL's types (TEXT for CLOB, BYTEA for BLOB,
-- timestamps to the microsecond, PostgreSQL's finest); keep the two in step, version for version.
-- Ruleset versions become governed: who stored each one and why, and an append-only log of everything that
-- changes the ruleset (seeded, uploaded, rejected, activated). A version's status (DRAFT, ACTIVE, RETIRED) is
-- derived from that log, so no row is ever updated.
ALTER TABLE ruleset_version ADD COLUMN author VARCHAR(255);
ALTER TABLE ruleset_version ADD COLUMN comment VARCHAR(4000);
ALTER TABLE ruleset_version ADD COLUMN based_on VARCHAR(200);
ALTER TABLE ruleset_version ADD COLUMN report_json TEXT;

CREATE TABLE ruleset_action (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,
    action_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor        VARCHAR(255),
    action       VARCHAR(32)                 NOT NULL,
    from_version VARCHAR(200),
    to_version   VARCHAR(200),
    comment      VARCHAR(4000),
    details_json TEXT,
    CONSTRAINT pk_ruleset_action PRIMARY KEY (seq),
    CONSTRAINT ck_ruleset_action CHECK (action IN ('SEEDED', 'STORED', 'REJECTED', 'ACTIVATED'))
);
CREATE INDEX ix_ruleset_action_to ON ruleset_action (to_version);

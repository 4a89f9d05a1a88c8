-- Ruleset versions become governed: who stored each one and why, and an append-only log of everything that
-- changes the ruleset (seeded, uploaded, rejected, activated). A version's status (DRAFT, ACTIVE, RETIRED) is
-- derived from that log, so no row is ever updated.
ALTER TABLE ruleset_version ADD COLUMN author VARCHAR(255);
ALTER TABLE ruleset_version ADD COLUMN comment VARCHAR(4000);
ALTER TABLE ruleset_version ADD COLUMN based_on VARCHAR(200);
ALTER TABLE ruleset_version ADD COLUMN report_json CLOB;

CREATE TABLE ruleset_action (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,
    action_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    actor        VARCHAR(255),
    action       VARCHAR(32)                 NOT NULL,
    from_version VARCHAR(200),
    to_version   VARCHAR(200),
    comment      VARCHAR(4000),
    details_json CLOB,
    CONSTRAINT pk_ruleset_action PRIMARY KEY (seq),
    CONSTRAINT ck_ruleset_action CHECK (action IN ('SEEDED', 'STORED', 'REJECTED', 'ACTIVATED'))
);
CREATE INDEX ix_ruleset_action_to ON ruleset_action (to_version);

-- PostgreSQL twin of db/migration/V2__programme.sql: the same schema in PostgreSQL's types (TEXT for CLOB, BYTEA for BLOB,
-- timestamps to the microsecond, PostgreSQL's finest); keep the two in step, version for version.
-- Programme store: the areas of each province's yearly programme and every step of their lifecycle.
--
-- Both tables are append-only: the application never UPDATEs or DELETEs. An area's state is the to_state of its
-- last step; the profile pinned at approval is the profile_id of the step that pinned it. A carried-over area
-- (NOT_TRANSFORMED in year Y) or a relapsed area proposed again is a new programme_area row in the later year whose
-- origin_id is the earlier row, so each programme year keeps its own record and its own figures.

CREATE TABLE programme_area (
    id             UUID                        NOT NULL,
    -- insertion order, for stable listings
    seq            BIGINT GENERATED ALWAYS AS IDENTITY,
    code_scheme    VARCHAR(64)                 NOT NULL,
    province_code  VARCHAR(64)                 NOT NULL,
    programme_year INTEGER                     NOT NULL,
    area_code      VARCHAR(64)                 NOT NULL,
    area_name      VARCHAR(500)                NOT NULL,
    district_code  VARCHAR(64),
    -- the earlier year's record this one continues (carry-over, or a relapsed area proposed again)
    origin_id      UUID,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_programme_area PRIMARY KEY (id),
    -- an area is in a year's programme once
    CONSTRAINT uq_programme_area_year UNIQUE (code_scheme, area_code, programme_year),
    -- and a record is continued at most once
    CONSTRAINT uq_programme_area_origin UNIQUE (origin_id),
    CONSTRAINT fk_programme_area_origin FOREIGN KEY (origin_id) REFERENCES programme_area (id)
);

CREATE INDEX ix_programme_area_province ON programme_area (code_scheme, province_code, programme_year);

CREATE TABLE programme_transition (
    area_id         UUID                        NOT NULL,
    -- 1 for the record's first state, then 2, 3…: two concurrent steps from the same state collide on the key
    step            INTEGER                     NOT NULL,
    -- null only for an area that enters the programme as a new candidate
    from_state      VARCHAR(32),
    to_state        VARCHAR(32)                 NOT NULL,
    -- the day the step took effect (decision date by default); recorded_at is when it was written down
    effective_date  DATE                        NOT NULL,
    recorded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor           VARCHAR(255)                NOT NULL,
    decision_number VARCHAR(100),
    decision_date   DATE,
    -- the stored FINAL evaluation that justified a verdict
    evaluation_id   UUID,
    -- the profile this step pinned (approval, carry-over)
    profile_id      VARCHAR(128),
    -- the ruleset version and the rules/lifecycle.drl rule that allowed the step
    ruleset_version VARCHAR(200)                NOT NULL,
    rule_name       VARCHAR(300)                NOT NULL,
    comment         VARCHAR(4000),
    CONSTRAINT pk_programme_transition PRIMARY KEY (area_id, step),
    CONSTRAINT fk_programme_transition_area FOREIGN KEY (area_id) REFERENCES programme_area (id),
    CONSTRAINT fk_programme_transition_evaluation FOREIGN KEY (evaluation_id) REFERENCES evaluation (id),
    -- one evaluation justifies one verdict
    CONSTRAINT uq_programme_transition_evaluation UNIQUE (evaluation_id),
    CONSTRAINT ck_programme_transition_states CHECK (
        to_state IN ('CANDIDATE', 'PROPOSED', 'APPROVED', 'IN_TRANSFORMATION', 'TRANSFORMED', 'NOT_TRANSFORMED',
                     'MONITORING', 'RELAPSED', 'STABLE')
        AND (from_state IS NULL OR from_state IN ('CANDIDATE', 'PROPOSED', 'APPROVED', 'IN_TRANSFORMATION',
                     'TRANSFORMED', 'NOT_TRANSFORMED', 'MONITORING', 'RELAPSED', 'STABLE'))),
    CONSTRAINT ck_programme_transition_decision CHECK (
        (decision_number IS NULL AND decision_date IS NULL)
        OR (decision_number IS NOT NULL AND decision_date IS NOT NULL)),
    CONSTRAINT ck_programme_transition_verdict CHECK (
        to_state NOT IN ('TRANSFORMED', 'NOT_TRANSFORMED') OR evaluation_id IS NOT NULL)
);

-- PostgreSQL twin of db/migration/V6__access.sql: the same schema in PostgreSQL's types (TEXT for CLOB, BYTEA for BLOB,
-- timestamps to the microsecond, PostgreSQL's finest); keep the two in step, version for version.
-- Who may do what (vn.chuyenhoa.access): accounts with roles and provinces, bearer tokens kept only as SHA-256
-- hashes, and an append-only log of what administrators changed. Accounts are never deleted, only disabled, so every
-- name recorded elsewhere keeps meaning someone.
CREATE TABLE account (
    username      VARCHAR(64)                 NOT NULL,
    display_name  VARCHAR(200)                NOT NULL,
    -- a slow hash (bcrypt, with its {id} prefix); null for a system that only calls the API with tokens
    password_hash VARCHAR(200),
    roles         VARCHAR(200)                NOT NULL,
    national      BOOLEAN                     NOT NULL,
    -- "SCHEME:PROVINCE" codes, comma-separated; empty when national
    provinces     VARCHAR(2000)               NOT NULL,
    enabled       BOOLEAN                     NOT NULL,
    -- created from the documented demo list: a production start refuses to run while any such account is enabled
    demo          BOOLEAN                     NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(64)                 NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (username)
);

CREATE TABLE api_token (
    id          UUID                        NOT NULL,
    token_hash  CHAR(64)                    NOT NULL,
    username    VARCHAR(64)                 NOT NULL,
    label       VARCHAR(200)                NOT NULL,
    demo        BOOLEAN                     NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)                 NOT NULL,
    revoked_at  TIMESTAMP(6) WITH TIME ZONE,
    revoked_by  VARCHAR(64),
    CONSTRAINT pk_api_token PRIMARY KEY (id),
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (username) REFERENCES account (username)
);

CREATE TABLE account_event (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,
    event_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor      VARCHAR(64)                 NOT NULL,
    action     VARCHAR(32)                 NOT NULL,
    username   VARCHAR(64)                 NOT NULL,
    details    VARCHAR(4000),
    CONSTRAINT pk_account_event PRIMARY KEY (seq)
);

-- an attempted ruleset change outside the actor's provinces, or an approval of one's own upload, is logged too
ALTER TABLE ruleset_action DROP CONSTRAINT ck_ruleset_action;
ALTER TABLE ruleset_action ADD CONSTRAINT ck_ruleset_action
    CHECK (action IN ('SEEDED', 'STORED', 'REJECTED', 'ACTIVATED', 'REFUSED'));

-- who recorded each screening, monitoring report and lifecycle step (programme_transition.actor is the body that
-- decided, e.g. "BCĐ 138 tỉnh Điện Biên"; recorded_by is the signed-in account that wrote it down)
ALTER TABLE screening ADD COLUMN submitter VARCHAR(64);
ALTER TABLE monitoring_report ADD COLUMN submitter VARCHAR(64);
ALTER TABLE programme_transition ADD COLUMN recorded_by VARCHAR(64);

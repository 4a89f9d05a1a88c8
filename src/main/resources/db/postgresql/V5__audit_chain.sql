-- PostgreSQL twin of db/migration/V5__audit_chain.sql: the same schema in PostgreSQL's types (TEXT for CLOB, BYTEA for BLOB,
-- timestamps to the microsecond, PostgreSQL's finest); keep the two in step, version for version.
-- Tamper-evident trail: one row per commit batch of audited rows (evaluations and their status events, ruleset
-- actions, programme records and their lifecycle steps), each holding the hash of the batch before it.
--
-- entries: one line per audited row of the batch, "<table> <key> <row hash>", LF-separated, in insertion order;
--          the canonical form a row hash is taken over is defined in vn.chuyenhoa.audit.Canonical.
-- content_hash = SHA-256(UTF-8(entries)); hash = SHA-256 of the link (see Canonical.linkHash): version tag, seq,
-- kind, linked_at, row_count, content_hash, prev_hash. The first batch's prev_hash is 64 zeros.
-- Append-only like the tables it covers; the head (last seq and hash) is also appended to a file outside the
-- database (chuyenhoa.audit.head-file) so that a database whose chain was rebuilt from scratch is still detected.
CREATE TABLE audit_chain (
    seq          BIGINT                      NOT NULL,
    kind         VARCHAR(32)                 NOT NULL,
    linked_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    row_count    INTEGER                     NOT NULL,
    entries      TEXT                        NOT NULL,
    content_hash CHAR(64)                    NOT NULL,
    prev_hash    CHAR(64)                    NOT NULL,
    hash         CHAR(64)                    NOT NULL,
    CONSTRAINT pk_audit_chain PRIMARY KEY (seq),
    CONSTRAINT ck_audit_chain_kind CHECK (kind IN ('BASELINE', 'EVALUATIONS', 'EVALUATION_STATUS', 'RULESET_ACTION',
                                                   'LIFECYCLE_STEP'))
);

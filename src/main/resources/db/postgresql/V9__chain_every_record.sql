-- PostgreSQL twin of db/migration/V9__chain_every_record.sql (the same statements work on both).
-- Every record joins the audit chain (issue 10): screenings, monitoring reports, accounts, tokens (by the hash that is
-- all that is stored of them), the administrators' log, stored ruleset versions with their files, and load failures.
-- Accounts and tokens are updated in place; each change lists the row again in a new batch (see
-- vn.chuyenhoa.audit.Canonical, "Rows that change").
ALTER TABLE audit_chain DROP CONSTRAINT ck_audit_chain_kind;
ALTER TABLE audit_chain ADD CONSTRAINT ck_audit_chain_kind CHECK (kind IN ('BASELINE', 'EVALUATIONS',
    'EVALUATION_STATUS', 'RULESET_ACTION', 'LIFECYCLE_STEP', 'SCREENING', 'MONITORING_REPORT', 'ACCOUNT',
    'RULESET_VERSION', 'LOAD_FAILURE'));

-- Which tables the chain covers, and the chain's seq when each joined. A table that joins finds its existing rows
-- linked as one BASELINE batch at start-up (vn.chuyenhoa.audit.AuditChain), so the verifier can tell them from rows
-- written later behind the chain's back. The tables V5 chained are marked joined here when that chain has begun.
CREATE TABLE audit_chain_table (
    table_name VARCHAR(64) NOT NULL,
    joined_seq BIGINT      NOT NULL,
    CONSTRAINT pk_audit_chain_table PRIMARY KEY (table_name)
);
INSERT INTO audit_chain_table (table_name, joined_seq) SELECT 'evaluation', 0 FROM audit_chain WHERE seq = 1;
INSERT INTO audit_chain_table (table_name, joined_seq) SELECT 'evaluation_status_event', 0 FROM audit_chain WHERE seq = 1;
INSERT INTO audit_chain_table (table_name, joined_seq) SELECT 'ruleset_action', 0 FROM audit_chain WHERE seq = 1;
INSERT INTO audit_chain_table (table_name, joined_seq) SELECT 'programme_area', 0 FROM audit_chain WHERE seq = 1;
INSERT INTO audit_chain_table (table_name, joined_seq) SELECT 'programme_transition', 0 FROM audit_chain WHERE seq = 1;

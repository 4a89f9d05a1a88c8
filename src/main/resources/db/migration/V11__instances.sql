-- Several instances on one database (README "Several instances"): what one process kept in memory is kept here, so
-- that every instance sees it; and a restore from a backup is a recorded, chained action.

-- The audit chain's head is read and extended under a lock on this one row (SELECT ... FOR UPDATE), held until the
-- link commits: writers in several processes then make one chain, where a lock in one JVM would let two of them
-- link onto the same head.
CREATE TABLE audit_chain_lock (
    id INTEGER NOT NULL,
    CONSTRAINT pk_audit_chain_lock PRIMARY KEY (id)
);
INSERT INTO audit_chain_lock (id) VALUES (1);

-- RESTORE: the database was put back from a backup; the batch holds the one audit_restore row saying who, when, from
-- which backup, and which head (from the head file) the database had reached before, so that the verifier can tell
-- the batches lost with it from a truncation that nothing explains.
ALTER TABLE audit_chain DROP CONSTRAINT ck_audit_chain_kind;
ALTER TABLE audit_chain ADD CONSTRAINT ck_audit_chain_kind CHECK (kind IN ('BASELINE', 'EVALUATIONS',
    'EVALUATION_STATUS', 'RULESET_ACTION', 'LIFECYCLE_STEP', 'SCREENING', 'MONITORING_REPORT', 'ACCOUNT',
    'RULESET_VERSION', 'LOAD_FAILURE', 'RESTORE'));

CREATE TABLE audit_restore (
    id               UUID                        NOT NULL,
    restored_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    restored_by      VARCHAR(64)                 NOT NULL,
    -- what the operator named the backup (its file), and the chain's head in it
    backup           VARCHAR(400)                NOT NULL,
    backup_head_seq  BIGINT                      NOT NULL,
    backup_head_hash CHAR(64)                    NOT NULL,
    backup_head_at   TIMESTAMP(9) WITH TIME ZONE,
    -- the last head the head file had recorded before the restore: the batches after the backup's head up to it are
    -- the ones that are gone
    lost_head_seq    BIGINT                      NOT NULL,
    lost_head_hash   CHAR(64)                    NOT NULL,
    CONSTRAINT pk_audit_restore PRIMARY KEY (id)
);

-- Wrong passwords per user name, for the lockout every instance applies (access.LoginThrottle)
CREATE TABLE login_failure (
    username  VARCHAR(200)                NOT NULL,
    failed_at TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_login_failure ON login_failure (username, failed_at);

-- Impact previews: the job runs on the instance that started it, its state is read by whichever instance is asked
CREATE TABLE impact_job (
    id          UUID                        NOT NULL,
    version     VARCHAR(64)                 NOT NULL,
    started_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    status_json CLOB                        NOT NULL,
    CONSTRAINT pk_impact_job PRIMARY KEY (id)
);
CREATE INDEX ix_impact_job_version ON impact_job (version, started_at);

-- Spring Session JDBC (org/springframework/session/jdbc/schema-h2.sql): a person's session works on any instance
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36) NOT NULL,
    SESSION_ID            CHAR(36) NOT NULL,
    CREATION_TIME         BIGINT   NOT NULL,
    LAST_ACCESS_TIME      BIGINT   NOT NULL,
    MAX_INACTIVE_INTERVAL INT      NOT NULL,
    EXPIRY_TIME           BIGINT   NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)      NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200)  NOT NULL,
    ATTRIBUTE_BYTES    LONGVARBINARY NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID)
        ON DELETE CASCADE
);

-- XeeNet schema version 6: checkpoints uploaded with results, and the trust agent's checks
-- (verification by recomputation, replication) of results.

-- The final checkpoint of a lease's result. The bytes are a file named by SHA256 under the
-- data directory (checkpoints/<sha256>.params). One checkpoint per lease; a checkpoint is never
-- the output of two runs, so its hash is unique too (a second upload of the same bytes for
-- another lease is a replayed or copied result).
CREATE TABLE XN_CHECKPOINT (
  LEASE_ID    VARCHAR(36)  NOT NULL PRIMARY KEY,
  TASK_ID     VARCHAR(36)  NOT NULL,
  CAMPAIGN_ID VARCHAR(36)  NOT NULL,
  WORKER_ID   VARCHAR(36)  NOT NULL,
  SHA256      CHAR(64)     NOT NULL,
  SIZE_BYTES  BIGINT       NOT NULL,
  CREATED_AT  TIMESTAMP    NOT NULL,
  CONSTRAINT XN_CHECKPOINT_SHA_ONCE UNIQUE (SHA256)
);

CREATE INDEX XN_CHECKPOINT_TASK ON XN_CHECKPOINT (TASK_ID);

-- A check of one result (the subject lease) by another worker: VERIFY recomputes val_bpb from
-- the uploaded checkpoint, REPLICATE trains the same config and seed for the steps the result
-- claims. STATUS: WAITING (for the checkpoint), QUEUED, LEASED, AGREED, DISAGREED, VOID (could
-- not be done, or no longer needed).
CREATE TABLE XN_CHECK (
  ID                VARCHAR(36)   NOT NULL PRIMARY KEY,
  KIND              VARCHAR(16)   NOT NULL,
  STATUS            VARCHAR(16)   NOT NULL,
  SUBJECT_LEASE_ID  VARCHAR(36)   NOT NULL,
  SUBJECT_WORKER_ID VARCHAR(36)   NOT NULL,
  TASK_ID           VARCHAR(36)   NOT NULL,
  CAMPAIGN_ID       VARCHAR(36)   NOT NULL,
  ROUND_NO          INTEGER       NOT NULL,
  MAX_STEPS         BIGINT,
  TIME_BUDGET       INTEGER       NOT NULL,
  CHECKPOINT_SHA256 CHAR(64),
  LEASE_ID          VARCHAR(36),
  CHECKER_ID        VARCHAR(36),
  EXPIRES_AT        TIMESTAMP,
  ATTEMPTS          INTEGER       NOT NULL,
  CLAIMED_VAL_BPB   DOUBLE,
  MEASURED_VAL_BPB  DOUBLE,
  MEASURED_STEPS    BIGINT,
  DETAIL            VARCHAR(2000),
  CREATED_AT        TIMESTAMP     NOT NULL,
  FINISHED_AT       TIMESTAMP
);

CREATE INDEX XN_CHECK_STATUS ON XN_CHECK (STATUS, CREATED_AT);

CREATE INDEX XN_CHECK_LEASE ON XN_CHECK (LEASE_ID);

CREATE INDEX XN_CHECK_SUBJECT ON XN_CHECK (SUBJECT_LEASE_ID);

CREATE INDEX XN_CHECK_CHECKER ON XN_CHECK (CHECKER_ID);

INSERT INTO XN_SCHEMA_VERSION (VERSION, DESCRIPTION, APPLIED_AT) VALUES (6, 'checkpoints, checks of results', CURRENT_TIMESTAMP);

-- XeeNet schema version 4 (issue 8): adaptive search trials and stored campaign results.

-- ASHA: the rung of each task added by a promotion and the task it continues; tasks without a
-- row are at rung 0.
CREATE TABLE XN_SEARCH_TRIAL (
  ID           VARCHAR(36) NOT NULL PRIMARY KEY,
  CAMPAIGN_ID  VARCHAR(36) NOT NULL REFERENCES XN_CAMPAIGN (ID),
  TASK_INDEX   INTEGER     NOT NULL,
  RUNG         INTEGER     NOT NULL,
  PARENT_INDEX INTEGER,
  BUDGET       BIGINT      NOT NULL,
  CREATED_AT   TIMESTAMP   NOT NULL,
  CONSTRAINT XN_SEARCH_TRIAL_INDEX UNIQUE (CAMPAIGN_ID, TASK_INDEX)
);

-- The latest aggregation of a campaign's results (aggregate-results batch job), as JSON.
CREATE TABLE XN_CAMPAIGN_RESULTS (
  CAMPAIGN_ID      VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES XN_CAMPAIGN (ID),
  RESULT_COUNT     INTEGER     NOT NULL,
  RESULTS_JSON     CLOB        NOT NULL,
  JOB_EXECUTION_ID BIGINT,
  COMPUTED_AT      TIMESTAMP   NOT NULL
);

INSERT INTO XN_SCHEMA_VERSION (VERSION, DESCRIPTION, APPLIED_AT) VALUES (4, 'search trials, campaign results', CURRENT_TIMESTAMP);

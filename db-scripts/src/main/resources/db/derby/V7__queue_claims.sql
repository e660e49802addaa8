-- XeeNet schema version 7 (issue 5, dispatch speed): feeder claims of queued tasks, the queue's
-- ordering index, and the escrow balances kept with the ledger's postings.

-- A server instance's feeder claims a batch of QUEUED tasks for its in-memory ready queue: only
-- that instance leases them until the claim expires (an instance that died frees its claims by
-- expiry). A lease clears the claim.
ALTER TABLE XN_TASK ADD COLUMN CLAIMED_BY VARCHAR(36);

ALTER TABLE XN_TASK ADD COLUMN CLAIM_EXPIRES_AT TIMESTAMP;

-- the feeder reads a campaign's queued tasks in index order: (STATUS, CAMPAIGN_ID) equalities and
-- TASK_INDEX order from the index, so the cost does not grow with the queue's length. It replaces
-- XN_TASK_STATUS, its prefix.
CREATE INDEX XN_TASK_QUEUE ON XN_TASK (STATUS, CAMPAIGN_ID, TASK_INDEX);

DROP INDEX XN_TASK_STATUS;

-- An escrow account's balance and posting count, changed in the transaction of each posting on it
-- (under the campaign's lock), so a charge does not sum all earlier postings of its campaign; the
-- ledger audit checks each row against the sum of its postings.
CREATE TABLE XN_LEDGER_BALANCE (
  ACCOUNT  VARCHAR(120) NOT NULL PRIMARY KEY,
  BALANCE  BIGINT       NOT NULL,
  POSTINGS BIGINT       NOT NULL
);

INSERT INTO XN_LEDGER_BALANCE (ACCOUNT, BALANCE, POSTINGS)
  SELECT ACCOUNT, SUM(AMOUNT), COUNT(*) FROM XN_LEDGER_POSTING WHERE ACCOUNT LIKE 'escrow:%' GROUP BY ACCOUNT;

INSERT INTO XN_SCHEMA_VERSION (VERSION, DESCRIPTION, APPLIED_AT) VALUES (7, 'queue claims, escrow balances', CURRENT_TIMESTAMP);

-- "Tell us more": a person adds to their report with the follow-up code they were given once.
-- The code rides sealed inside the report's content (follow_up_waiting = 1) only until the delivery
-- and retention run replaces it by follow_up_hash, a PBKDF2 hash, and seals the content again without
-- it: the slow hash stays off the moment a report is received. Both go when the content is purged.
ALTER TABLE reports ADD COLUMN follow_up_waiting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN follow_up_hash BLOB;

-- Each addition: sealed under a key of its own, delivered once (after its report) and purged on the
-- same retention as a report. `number` counts a report's additions from 1.
CREATE TABLE IF NOT EXISTS follow_ups (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL REFERENCES reports (reference),
  number INTEGER NOT NULL,
  nonce TEXT NOT NULL UNIQUE,
  received_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'stored' CHECK (status IN ('stored', 'delivered', 'purged')),
  content BLOB,
  content_key BLOB,
  urgent INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  leased_until INTEGER,
  delivered_at INTEGER,
  last_error TEXT,
  purged_at INTEGER,
  UNIQUE (reference, number)
);
CREATE INDEX IF NOT EXISTS follow_ups_queue ON follow_ups (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS follow_ups_delivered ON follow_ups (status, delivered_at);

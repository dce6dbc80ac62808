-- Reports and the rate limit. Shared by SQLite (Node target) and D1 (Cloudflare target).
CREATE TABLE IF NOT EXISTS reports (
  reference TEXT PRIMARY KEY,
  nonce TEXT NOT NULL UNIQUE,
  received_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'stored' CHECK (status IN ('stored', 'delivered', 'purged')),
  content BLOB,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  delivered_at INTEGER,
  last_error TEXT,
  purged_at INTEGER
);
CREATE INDEX IF NOT EXISTS reports_due ON reports (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS reports_delivered ON reports (status, delivered_at);

CREATE TABLE IF NOT EXISTS rate_limits (
  client TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (client, window_start)
);

-- Reach: how often each page was opened, each short link followed, each report received and each
-- "How did you hear about this?" answer given, per day in UK time. A row is a day's total and
-- nothing else: no address, no browser, no visitor, no time finer than the day (docs/reach.md).
CREATE TABLE IF NOT EXISTS reach_counts (
  day TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('view', 'arrival', 'report', 'heard')),
  subject TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (kind, subject, day)
) WITHOUT ROWID;

-- A report is counted the day after it arrives, with every other report of its day, so no count
-- changes at the moment one report is stored. Until then `counted` is 0, and its "How did you hear"
-- answer, if it gave one, waits in `heard`, sealed and padded so that even its length says nothing;
-- counting deletes it. Reports stored before this migration are counted on the first run.
ALTER TABLE reports ADD COLUMN heard BLOB;
ALTER TABLE reports ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS reports_uncounted ON reports (received_at) WHERE counted = 0;

-- Delivery order and claims. `urgent` is 1 when the reporter said someone is in danger now, so that
-- report is delivered first (cleared at purge with the content). `leased_until` marks a report one
-- delivery run has claimed; a server starting up releases the claims a killed process left.
ALTER TABLE reports ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN leased_until INTEGER;
CREATE INDEX IF NOT EXISTS reports_queue ON reports (status, urgent, next_attempt_at);

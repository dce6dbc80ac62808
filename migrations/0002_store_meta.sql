-- Facts about the store itself. `key_check` is a value derived from the key that encrypts reports
-- (never the key): a server started with another key, or none, refuses to run rather than make
-- every stored report unreadable.
CREATE TABLE IF NOT EXISTS store_meta (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Each report's content is sealed under a key of its own, kept here sealed under the master key.
-- Retention deletes both, so a stray copy of the ciphertext no longer opens with the key file.
ALTER TABLE reports ADD COLUMN content_key BLOB;

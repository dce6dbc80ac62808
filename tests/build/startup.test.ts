// A server that cannot run safely must not start: a setting that makes no sense, or a store whose
// key is missing, stops it before it listens, with a message that says what to change.
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startServer, stopServer, tryStart } from '../../scripts/lib/server.ts';

const PORT = 4396;
const freshStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'startup-'));
  return { REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k') };
};

test('a setting that is not a number stops start-up, naming the variable', async () => {
  const outcome = await tryStart(PORT, { ...freshStore(), REPORT_DELIVERY_INTERVAL_SECONDS: 'abc' });
  expect(outcome).toMatchObject({ started: false, code: 1 });
  expect(outcome.stderr).toContain('REPORT_DELIVERY_INTERVAL_SECONDS must be a whole number of at least 1 (it is "abc")');
  expect(outcome.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
}, 30_000);

test('a store whose key file has gone stops start-up, saying what to restore', async () => {
  const store = freshStore();
  // The first start makes the key and records it in the store.
  const first = await startServer(PORT, store);
  await stopServer(first);
  renameSync(store.REPORT_KEY_FILE, `${store.REPORT_KEY_FILE}.elsewhere`);
  const outcome = await tryStart(PORT, store);
  expect(outcome).toMatchObject({ started: false, code: 1 });
  expect(outcome.stderr).toMatch(/report key file .* is missing[\s\S]*Restore/);
}, 30_000);

// The production server is killed with SIGKILL while 200 reports are in flight. Every report that
// was given a reference must be in the store when it comes back.
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { deriveKeys, issueToken, parseSecret } from '../../src/report/crypto.ts';
import { openPipeline } from '../support/pipeline.ts';
import { startServer, stopServer } from '../../scripts/lib/server.ts';

const PORT = 4391;
const BASE = `http://127.0.0.1:${PORT}`;

test('SIGKILL with 200 reports in flight loses none that got a reference', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fault-'));
  const env = { REPORT_DB_PATH: join(dir, 'reports.sqlite'), REPORT_KEY_FILE: join(dir, 'report.key'), REPORT_MIN_FILL_SECONDS: '0', REPORT_RATE_LIMIT: '0' };
  const server = await startServer(PORT, env);
  // Tokens are signed here with the server's own key, so every request is a new report.
  const keys = await deriveKeys(parseSecret(readFileSync(env.REPORT_KEY_FILE, 'utf8')));

  // 200 clients send reports back to back; the server is killed once 300 have been answered,
  // so 200 are in flight at that moment.
  const acknowledged: string[] = [];
  let answered = 0;
  let cutOff = 0;
  const client = async (id: number) => {
    for (let n = 0; ; n++) {
      try {
        const token = await issueToken(keys, Date.now() - 10_000);
        const response = await fetch(`${BASE}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, concern: `In-flight report ${id}.${n}` }) });
        if (response.status === 201) acknowledged.push((await response.json()).reference);
        if (++answered === 300) server.kill('SIGKILL');
      } catch {
        // The connection died with the server: no reference was given, so none is owed.
        cutOff++;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: 200 }, (_, id) => client(id)));
  if (server.exitCode === null && server.signalCode === null) await once(server, 'exit');
  expect(acknowledged.length).toBeGreaterThanOrEqual(300);
  expect(cutOff).toBe(200);

  // Back up: every acknowledged reference is there.
  const restarted = await startServer(PORT, env);
  await stopServer(restarted);
  const { store, driver } = await openPipeline(env);
  const stored = new Set((await store.list()).map((r) => r.reference));
  const lost = acknowledged.filter((ref) => !stored.has(ref));
  console.log(`SIGKILL fault: ${acknowledged.length} acknowledged, ${cutOff} cut off in flight, ${stored.size} stored, ${lost.length} lost.`);
  expect(lost).toEqual([]);
  driver.close();
}, 60_000);

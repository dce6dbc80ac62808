// Counting never stands in a page's or a report's way: with the counts' table gone (a store the
// counter cannot write to), pages are still served, a report is still stored and acknowledged, and
// the failure is logged as the counter's, with nothing of any request in the line.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from 'vitest';
import { closeConnections, navigate } from '../../scripts/lib/load.ts';
import { SERVER_ENTRY, stopServer } from '../../scripts/lib/server.ts';

const PORT = 4388;
const base = `http://127.0.0.1:${PORT}`;

test('with the counts unwritable, pages and reports work as before, and the counter says why in the log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reach-down-'));
  const db = join(dir, 'r.sqlite');
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), REPORT_DB_PATH: db, REPORT_KEY_FILE: join(dir, 'k'), REPORT_MIN_FILL_SECONDS: '0', REACH_WRITE_SECONDS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  try {
    await expect.poll(() => fetch(`${base}/api/health`).then((r) => r.ok, () => false), { timeout: 15_000 }).toBe(true);
    // Someone removes the table under the running server.
    const store = new DatabaseSync(db);
    store.exec('PRAGMA busy_timeout = 5000');
    store.exec('DROP TABLE reach_counts');
    store.close();

    for (const path of ['/', '/parents/', '/warning-signs/', '/report/']) {
      const page = await navigate(`${base}${path}`);
      expect(page.status, path).toBe(200);
    }
    await expect.poll(() => log, { timeout: 10_000 }).toMatch(/part=reach class=Error/);
    expect(log).not.toContain('/parents/');

    const { token } = await (await fetch(`${base}/api/reports/token`)).json();
    const sent = await fetch(`${base}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, concern: 'A car waits outside the school at home time.', heard: 'other' }) });
    expect(sent.status).toBe(201);
    expect((await navigate(`${base}/parents/`)).status).toBe(200);
  } finally {
    closeConnections();
    await stopServer(child);
  }
}, 60_000);

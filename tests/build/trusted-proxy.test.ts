// Behind a proxy, the rate limit must count the client the proxy saw, not whatever a client wrote
// into X-Forwarded-For itself: only the hops the settings name are believed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startServer, stopServer } from '../../scripts/lib/server.ts';

const PORT = 4397;
const BASE = `http://127.0.0.1:${PORT}`;

async function sendFive(forwardedFor: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { token } = await (await fetch(`${BASE}/api/reports/token`)).json();
    const response = await fetch(`${BASE}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor(i) },
      body: JSON.stringify({ token, concern: `Report ${i} through the proxy.` }),
    });
    statuses.push(response.status);
  }
  return statuses;
}

for (const [label, trust] of [['one hop', '1'], ['an address list', 'loopback']] as const) {
  test(`TRUST_PROXY as ${label}: a client cannot pick its own address`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proxy-'));
    const server = await startServer(PORT, { REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k'), REPORT_MIN_FILL_SECONDS: '0', REPORT_RATE_LIMIT: '3', TRUST_PROXY: trust });
    try {
      // The proxy (this loopback connection) appends the address it saw; the client wrote the rest.
      expect(await sendFive((i) => `203.0.113.${i}, 198.51.100.7`)).toEqual([201, 201, 201, 429, 429]);
      // Another client behind the same proxy has its own count.
      expect((await sendFive(() => '198.51.100.8')).slice(0, 3)).toEqual([201, 201, 201]);
    } finally {
      await stopServer(server);
    }
  }, 30_000);
}

test('with no proxy trusted, X-Forwarded-For is ignored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-'));
  const server = await startServer(PORT, { REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k'), REPORT_MIN_FILL_SECONDS: '0', REPORT_RATE_LIMIT: '3' });
  try {
    expect(await sendFive((i) => `198.51.100.${i}`)).toEqual([201, 201, 201, 429, 429]);
  } finally {
    await stopServer(server);
  }
}, 30_000);

// npm run bench:report — concurrent JSON reports against the production build on loopback for a
// fixed time, then GET / on the same server for the same time, for comparison. Prints accepted
// (durably stored) reports per second, p50/p99 latency, pages per second and the server's peak
// memory. Usage: npm run bench:report [-- --seconds 10 --concurrency 50 --url URL]
// With --url, it measures a server that is already running (the Cloudflare target in workerd).
// Like any client, it takes its form tokens from GET /api/reports/token (before the timed part).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { load, machine, peakMemoryMiB, summary } from '../scripts/lib/load.ts';
import { startServer } from '../scripts/lib/server.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '50' }, url: { type: 'string' } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const PORT = 4393;
const base = values.url ?? `http://127.0.0.1:${PORT}`;

let server: ChildProcess | undefined;
if (!values.url) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  server = await startServer(PORT, { REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k'), REPORT_MIN_FILL_SECONDS: '0', REPORT_RATE_LIMIT: '0' });
}

// Tokens for every report the run could send, fetched first so the timed part measures only reports.
const tokens: string[] = [];
const wanted = seconds * (values.url ? 1000 : 4000);
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (tokens.length < wanted) tokens.push((await (await fetch(`${base}/api/reports/token`)).json()).token);
  }),
);
let ranOut = 0;
const body = (token: string) => JSON.stringify({ token, concern: 'Benchmark report: visitors at all hours at a flat on the estate.', categories: ['cuckooing'] });

const loadAtStart = loadavg()[0]!;
const reports = await load(async () => {
  let token = tokens.pop();
  if (!token) {
    ranOut++;
    token = (await (await fetch(`${base}/api/reports/token`)).json()).token as string;
  }
  return fetch(`${base}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(token) });
}, (status) => status === 201, seconds, concurrency);
const pages = await load(() => fetch(`${base}/`), (status) => status === 200, seconds, concurrency);

console.log(`machine: ${machine(loadAtStart)}`);
console.log(`target: ${base} (${values.url ? 'external' : 'node production build, SQLite WAL synchronous=FULL'})`);
console.log(`concurrency ${concurrency}, ${reports.elapsed.toFixed(1)} s each`);
console.log(`accepted: ${reports.count} reports, ${summary(reports, 'reports')}`);
console.log(`statuses: ${JSON.stringify(reports.statuses)}${ranOut ? ` (${ranOut} tokens fetched during the timed part: raise the pre-fetch)` : ''}`);
console.log(`GET /: ${summary(pages, 'pages')}, statuses ${JSON.stringify(pages.statuses)}`);
console.log(`server peak memory: ${peakMemoryMiB(server?.pid)}`);
server?.kill('SIGTERM');

// npm run bench:report — concurrent JSON reports against the production build on loopback for a
// fixed time, then GET / on the same server for the same time, for comparison. Prints accepted
// (durably stored) reports per second, p50/p99 latency, pages per second and the server's peak
// memory. Usage: npm run bench:report [-- --seconds 10 --concurrency 50 --url URL]
// With --url, it measures a server that is already running (the Cloudflare target in workerd).
// Like any client, it takes its form tokens from GET /api/reports/token (before the timed part).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
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

/** Peak resident memory of the server process (VmHWM), in MiB. */
function peakMemoryMiB(pid: number | undefined): string {
  if (!pid) return 'n/a (external server)';
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM'));
  return `${(Number(line?.match(/\d+/)?.[0]) / 1024).toFixed(0)} MiB`;
}

/** Runs `request` from `concurrency` clients for `seconds`; latencies of the answers `ok` accepts, and every status seen. */
async function load(request: () => Promise<Response>, ok: (status: number) => boolean) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const end = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const response = await request();
      await response.arrayBuffer();
      const took = performance.now() - started;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (ok(response.status)) latencies.push(took);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
  return { count: latencies.length, perSecond: (latencies.length / elapsed).toFixed(0), p50: pct(50), p99: pct(99), statuses: JSON.stringify(Object.fromEntries(statuses)), elapsed };
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

const load1 = loadavg()[0]!.toFixed(1);
const reports = await load(async () => {
  let token = tokens.pop();
  if (!token) {
    ranOut++;
    token = (await (await fetch(`${base}/api/reports/token`)).json()).token as string;
  }
  return fetch(`${base}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(token) });
}, (status) => status === 201);
const pages = await load(() => fetch(`${base}/`), (status) => status === 200);

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${load1} at the start, ${loadavg()[0]!.toFixed(1)} at the end`);
console.log(`target: ${base} (${values.url ? 'external' : 'node production build, SQLite WAL synchronous=FULL'})`);
console.log(`concurrency ${concurrency}, ${reports.elapsed.toFixed(1)} s each`);
console.log(`accepted: ${reports.count} reports, ${reports.perSecond} reports/s`);
console.log(`latency of accepted reports: p50 ${reports.p50} ms, p99 ${reports.p99} ms`);
console.log(`statuses: ${reports.statuses}${ranOut ? ` (${ranOut} tokens fetched during the timed part: raise the pre-fetch)` : ''}`);
console.log(`GET /: ${pages.perSecond} pages/s, p50 ${pages.p50} ms, p99 ${pages.p99} ms, statuses ${pages.statuses}`);
console.log(`server peak memory: ${peakMemoryMiB(server?.pid)}`);
server?.kill('SIGTERM');

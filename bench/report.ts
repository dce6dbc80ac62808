// npm run bench:report — concurrent JSON reports against the production build on loopback for a
// fixed time. Prints accepted (durably stored) reports per second, p50/p99 latency and the
// server's peak memory. Usage: npm run bench:report [-- --seconds 10 --concurrency 50 --url URL]
// With --url, it measures a server that is already running (the Cloudflare target in workerd).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deriveKeys, issueToken, parseSecret } from '../src/report/crypto.ts';
import { startServer } from '../tests/support/server.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '50' }, url: { type: 'string' } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const PORT = 4393;
const base = values.url ?? `http://127.0.0.1:${PORT}`;

let server: ChildProcess | undefined;
let keyFile: string | undefined;
if (!values.url) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  keyFile = join(dir, 'k');
  server = await startServer(PORT, { REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: keyFile, REPORT_MIN_FILL_SECONDS: '0', REPORT_RATE_LIMIT: '0' });
}

/** Peak resident memory of the server process (VmHWM), in MiB. */
function peakMemoryMiB(pid: number | undefined): string {
  if (!pid) return 'n/a (external server)';
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM'));
  return `${(Number(line?.match(/\d+/)?.[0]) / 1024).toFixed(0)} MiB`;
}

// Tokens: against our own server they are signed here with its key, so the timed part measures
// only the report endpoint; against an external server they are fetched ahead of time.
const keys = keyFile ? await deriveKeys(parseSecret(readFileSync(keyFile, 'utf8'))) : undefined;
const tokenPool: string[] = [];
async function refill(n: number) {
  if (keys) {
    for (let i = 0; i < n; i++) tokenPool.push(await issueToken(keys, Date.now() - 60_000));
    return;
  }
  await Promise.all(Array.from({ length: n }, async () => tokenPool.push((await (await fetch(`${base}/api/reports/token`)).json()).token)));
}
await refill(values.url ? 4000 : concurrency * 4);

const latencies: number[] = [];
const statuses = new Map<number, number>();
const end = performance.now() + seconds * 1000;
async function worker() {
  while (performance.now() < end) {
    if (tokenPool.length < concurrency) await refill(concurrency);
    const token = tokenPool.pop()!;
    const started = performance.now();
    const response = await fetch(`${base}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, concern: 'Benchmark report: visitors at all hours at a flat on the estate.', categories: ['cuckooing'] }) });
    await response.arrayBuffer();
    const took = performance.now() - started;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status === 201) latencies.push(took);
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`target: ${base} (${values.url ? 'external' : 'node production build, SQLite WAL synchronous=FULL'})`);
console.log(`concurrency ${concurrency}, ${elapsed.toFixed(1)} s`);
console.log(`accepted: ${latencies.length} reports, ${(latencies.length / elapsed).toFixed(0)} reports/s`);
console.log(`latency of accepted reports: p50 ${pct(50)} ms, p99 ${pct(99)} ms`);
console.log(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
console.log(`server peak memory: ${peakMemoryMiB(server?.pid)}`);
server?.kill('SIGTERM');

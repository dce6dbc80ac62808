// npm run bench:reach — what counting visits costs the Node server: static page throughput and
// latency with counting on and with it off (REACH_COUNTING=off), in the same run, on the same
// build. Two servers run side by side and are loaded in turns (on, off, on, off…), so that other
// load on the shared machine falls on both alike. Every request is a browser navigation (the
// Sec-Fetch headers a browser sends), so with counting on every one of them is counted; at the end
// the counting server's store is read to check it counted every page it served.
// Usage: npm run bench:reach [-- --seconds 5 --rounds 6 --concurrency 50]
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { closeConnections, load, machine, navigate, percentile, type LoadResult } from '../scripts/lib/load.ts';
import { startServer } from '../scripts/lib/server.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '6' }, concurrency: { type: 'string', default: '50' } } });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);

/** Prerendered pages of several sizes, as the Node server sends them. */
const PAGES = ['/', '/parents/', '/warning-signs/', '/campaigns/see-the-signs/', '/help/', '/check/'];

async function server(counting: 'on' | 'off', port: number) {
  const dir = mkdtempSync(join(tmpdir(), `bench-reach-${counting}-`));
  const db = join(dir, 'r.sqlite');
  // The default write interval: what a partnership runs.
  const child = await startServer(port, { REPORT_DB_PATH: db, REPORT_KEY_FILE: join(dir, 'k'), REACH_COUNTING: counting });
  return { counting, base: `http://127.0.0.1:${port}`, child, db, results: [] as LoadResult[] };
}

const on = await server('on', 4386);
const off = await server('off', 4387);
// Warm both up (the first requests load and compile the pages' code paths); these are counted too.
const warmed = (await Promise.all([on, off].map((s) => load(() => navigate(`${s.base}/`), (status) => status === 200, 1, concurrency))))[0]!.count;

const loadAtStart = loadavg()[0]!;
let next = 0;
for (let round = 0; round < rounds; round++) {
  for (const s of round % 2 ? [off, on] : [on, off]) {
    s.results.push(await load(() => navigate(`${s.base}${PAGES[next++ % PAGES.length]}`), (status) => status === 200, seconds, concurrency));
  }
}

/** All rounds of one server as one result. */
function merged(s: typeof on) {
  const latencies = s.results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const elapsed = s.results.reduce((t, r) => t + r.elapsed, 0);
  const other = s.results.reduce((n, r) => n + Object.entries(r.statuses).filter(([status]) => status !== '200').reduce((m, [, c]) => m + c, 0), 0);
  return { served: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), other };
}
const a = merged(on);
const b = merged(off);

// SIGTERM writes what the counting server still holds; then its store is read.
const exited = new Promise((resolve) => on.child.once('exit', resolve));
on.child.kill('SIGTERM');
off.child.kill('SIGTERM');
closeConnections();
await exited;
const store = new DatabaseSync(on.db, { readOnly: true });
const counted = Number((store.prepare("SELECT SUM(count) AS n FROM reach_counts WHERE kind = 'view'").get() as { n: number | null }).n ?? 0);
store.close();

const change = (x: number, y: number) => `${x >= y ? '+' : ''}${(((x - y) / y) * 100).toFixed(1)} %`;
// Each round's two runs were back to back, so their ratio is least touched by the machine's other
// load; the median of those ratios is the figure to trust on a busy machine.
const rate = (r: LoadResult) => r.count / r.elapsed;
const ratios = on.results.map((r, i) => rate(r) / rate(off.results[i]!)).sort((x, y) => x - y);
const medianRatio = (ratios[Math.floor((ratios.length - 1) / 2)]! + ratios[Math.ceil((ratios.length - 1) / 2)]!) / 2;
console.log(`machine: ${machine(loadAtStart)}`);
console.log(`${rounds} rounds of ${seconds} s per server, taking turns; ${concurrency} clients; static pages ${PAGES.join(' ')} with a browser's navigation headers`);
console.log(`counting on:  ${a.perSecond.toFixed(0)} pages/s, p50 ${a.p50} ms, p99 ${a.p99} ms (${a.served} pages, ${a.other} other answers)`);
console.log(`counting off: ${b.perSecond.toFixed(0)} pages/s, p50 ${b.p50} ms, p99 ${b.p99} ms (${b.served} pages, ${b.other} other answers)`);
console.log(`difference with counting on: throughput ${change(a.perSecond, b.perSecond)}, p99 ${change(Number(a.p99), Number(b.p99))} (target: within 5 %)`);
console.log(`median of the ${rounds} paired rounds: throughput ${change(medianRatio, 1)} with counting on (rounds ranged ${change(ratios[0]!, 1)} to ${change(ratios.at(-1)!, 1)})`);
console.log(`the counting server counted ${counted} views of the ${a.served + warmed} pages it served${counted === a.served + warmed ? ', every one' : ': NOT THE SAME'}`);

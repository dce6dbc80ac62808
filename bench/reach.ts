// npm run bench:reach — what counting visits costs the Node server: static page throughput and
// latency with counting on and with it off (REACH_COUNTING=off), in the same run, on the same
// build. Two servers run side by side and are loaded in turns (on, off, on, off…), so that other
// load on the shared machine falls on both alike. Every request is a browser navigation (the
// Sec-Fetch headers a browser sends), so with counting on every one of them is counted; at the end
// the counting server's store is read to check it counted every page it served. Wall-clock figures
// swing with the shared machine's other load, so it also gives each server's CPU time per page
// and the CPU cost of the counting path alone, which hold however busy the machine is.
// Usage: npm run bench:reach [-- --seconds 5 --rounds 6 --concurrency 50]
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { closeConnections, cpuTimeMs, load, machine, navigate, NAVIGATION, percentile, type LoadResult } from '../scripts/lib/load.ts';
import { startServer } from '../scripts/lib/server.ts';
import { ReachCounter } from '../src/reach/counter.ts';
import { ReachFront } from '../src/reach/front.ts';
import type { CampaignSchedule } from '../src/lib/campaign-schedule.ts';
import { SCHEDULE_FILE } from '../src/integrations/campaign-schedule.ts';
import { readBuildSettings } from '../src/settings.ts';

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
  return { counting, base: `http://127.0.0.1:${port}`, child, db, results: [] as LoadResult[], cpuMs: 0 };
}

/**
 * The counting path alone, in this process, as each front runs it for a page: the short-link check,
 * the visit test on the headers, and the count once the page has gone (Node's one 'finish'
 * listener included). Pure CPU, so it holds on a busy machine where the servers' figures do not.
 */
function countingPathNs(counting: boolean, calls = 1_000_000): number {
  const { links } = JSON.parse(readFileSync(join(readBuildSettings(process.env).outDir, SCHEDULE_FILE), 'utf8')) as CampaignSchedule;
  const front = new ReachFront(links, counting ? new ReachCounter() : undefined);
  const headers: Record<string, string> = { ...NAVIGATION, host: '127.0.0.1', accept: 'text/html' };
  const header = (name: string) => headers[name];
  // CPU time, not the clock: on a shared machine the clock also counts the time others had the core.
  const started = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    const pathname = PAGES[i % PAGES.length]!;
    if (front.shortLink('GET', pathname, header)) continue;
    if (front.mayCount('GET', header)) {
      const finished = new EventEmitter();
      finished.once('finish', () => front.answered(pathname, 200));
      finished.emit('finish');
    }
  }
  const used = process.cpuUsage(started);
  return ((used.user + used.system) * 1000) / calls;
}
countingPathNs(true, 100_000); // warm up
const pathOn = countingPathNs(true);
const pathOff = countingPathNs(false);

const on = await server('on', 4386);
const off = await server('off', 4387);
// However the run ends, the two servers end with it.
process.once('exit', () => [on, off].forEach((s) => s.child.kill('SIGKILL')));
// Warm both up (the first requests load and compile the pages' code paths); these are counted too.
const warmed = (await Promise.all([on, off].map((s) => load(() => navigate(`${s.base}/`), (status) => status === 200, 1, concurrency))))[0]!.count;

const loadAtStart = loadavg()[0]!;
// Each server's CPU time over all its rounds and the other's, so the counting server's writes count wherever they fell.
for (const s of [on, off]) s.cpuMs = -cpuTimeMs(s.child.pid);
let next = 0;
for (let round = 0; round < rounds; round++) {
  for (const s of round % 2 ? [off, on] : [on, off]) {
    s.results.push(await load(() => navigate(`${s.base}${PAGES[next++ % PAGES.length]}`), (status) => status === 200, seconds, concurrency));
  }
}

for (const s of [on, off]) s.cpuMs += cpuTimeMs(s.child.pid);

/** All rounds of one server as one result. */
function merged(s: typeof on) {
  const latencies = s.results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const elapsed = s.results.reduce((t, r) => t + r.elapsed, 0);
  const other = s.results.reduce((n, r) => n + Object.entries(r.statuses).filter(([status]) => status !== '200').reduce((m, [, c]) => m + c, 0), 0);
  return { served: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), other, cpuPerPage: s.cpuMs / latencies.length };
}
const a = merged(on);
const b = merged(off);

// SIGTERM writes what the counting server still holds; then its store is read.
if (on.child.exitCode !== null || off.child.exitCode !== null) throw new Error('a server stopped during the run');
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
console.log(`counting on:  ${a.perSecond.toFixed(0)} pages/s, p50 ${a.p50} ms, p99 ${a.p99} ms (${a.served} pages, ${a.other} other answers or connection resets)`);
console.log(`counting off: ${b.perSecond.toFixed(0)} pages/s, p50 ${b.p50} ms, p99 ${b.p99} ms (${b.served} pages, ${b.other} other answers or connection resets)`);
console.log(`difference with counting on: throughput ${change(a.perSecond, b.perSecond)}, p99 ${change(Number(a.p99), Number(b.p99))} (target: within 5 %)`);
console.log(`server CPU time per page: ${(a.cpuPerPage * 1000).toFixed(0)} µs with counting on, ${(b.cpuPerPage * 1000).toFixed(0)} µs off (${change(a.cpuPerPage, b.cpuPerPage)}); the page rate a core could serve: ${(1000 / a.cpuPerPage).toFixed(0)} and ${(1000 / b.cpuPerPage).toFixed(0)} pages/s`);
console.log(`the counting path alone (short-link check, visit test, count): ${pathOn.toFixed(0)} ns a page with counting on, ${pathOff.toFixed(0)} ns off`);
console.log(`median of the ${rounds} paired rounds: throughput ${change(medianRatio, 1)} with counting on (rounds ranged ${change(ratios[0]!, 1)} to ${change(ratios.at(-1)!, 1)})`);
console.log(`the counting server counted ${counted} views of the ${a.served + warmed} pages it served${counted === a.served + warmed ? ', every one' : ': NOT THE SAME'}`);

// npm run bench:pages — per page type: the bytes on the wire before the first paint (HTML plus
// render-blocking CSS and scripts, brotli as over HTTPS and gzip as over plain HTTP), and
// Lighthouse's mobile LCP and total blocking time (simulated slow 4G and a 4x slower CPU, in
// Debian's Chromium); then how long the demo site's search takes to show its first results.
// Lighthouse's simulation scales the main-thread tasks it observed, so on a busy machine other
// processes' load inflates LCP and TBT; each run is therefore audited twice: as observed, and with
// every traced task's wall time replaced by the CPU time its thread spent ("CPU time" columns),
// which is what an idle machine would have observed.
//
// Usage:
//   npm run bench:pages                         the current build, on its own production server
//   npm run bench:pages -- --server a=URL --server b=URL   servers already running, runs interleaved
//   npm run bench:pages -- --runs 5 --no-lighthouse --no-search
//   npm run bench:pages -- --tasks              also list, per page, the main-thread tasks of 10 ms or
//                                               more (40 ms once Lighthouse's x4 applies; over 50 counts
//                                               as blocking), as observed and at CPU time; those before
//                                               the first paint too, as Lighthouse's earlier estimate of
//                                               the paint can leave part of one after it
//   npm run bench:pages -- --tasks --task-ms 3  the same, from 3 ms
//   npm run bench:pages -- --control            also a bare page (no stylesheet, no script: a heading
//                                               and a paragraph) served at every path, its runs
//                                               interleaved with the site's: what this machine and
//                                               Lighthouse give a page with nothing to lay out or run
// The machine is shared, so every figure is the median of --runs runs, and when several servers
// are given their runs alternate, so that load from elsewhere falls on each alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { CHROMIUM_LAUNCH } from '../scripts/lib/chromium.ts';
import { startServer } from '../scripts/lib/server.ts';
import { firstPaintBytes, FIRST_ROUND_TRIP_BYTES } from '../tests/support/wire.ts';
import { searchLatency } from './search-latency.ts';

const { values } = parseArgs({
  options: {
    server: { type: 'string', multiple: true },
    runs: { type: 'string', default: '3' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    tasks: { type: 'boolean', default: false },
    'task-ms': { type: 'string', default: '10' },
    control: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);

/** One page of each type; the audience page is the largest of them. */
export const PAGE_TYPES: [string, string][] = [
  ['home', '/'],
  ['audience (/parents/)', '/parents/'],
  ['service', '/help/demo-exploitation-team/'],
  ['law', '/law/modern-slavery-act-2015/'],
  ['get help (/help/)', '/help/'],
  ['local picture', '/local-picture/'],
  ['report form', '/report/'],
  ['search', '/search/'],
];

const PORT = 4396;
let own: ChildProcess | undefined;
let ownDir: string | undefined;
const servers: { name: string; url: string; control?: true }[] = (values.server ?? []).map((s) => {
  const at = s.indexOf('=');
  return at > 0 ? { name: s.slice(0, at), url: s.slice(at + 1) } : { name: s, url: s };
});
if (servers.length === 0) {
  ownDir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
  own = await startServer(PORT, { REPORT_DB_PATH: join(ownDir, 'r.sqlite'), REPORT_KEY_FILE: join(ownDir, 'k') });
  servers.push({ name: 'this build', url: `http://127.0.0.1:${PORT}` });
}
// The control: the least a page can be, so the site's figures can be read against this machine's floor.
const BARE_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bare page</title></head><body><main><h1>A bare page</h1><p>One heading and one paragraph: no stylesheet, no script, no image.</p></main></body></html>';
const control = values.control
  ? await new Promise<ReturnType<typeof createServer>>((resolve) => {
      const server = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(BARE_PAGE);
      });
      server.listen(PORT + 1, '127.0.0.1', () => resolve(server));
    })
  : undefined;
if (control) servers.push({ name: 'bare page (control)', url: `http://127.0.0.1:${PORT + 1}`, control: true });
const load = [loadavg()];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

// Bytes on the wire: deterministic, one fetch each.
const wire = new Map<string, { br: number; gzip: number; blocking: string[]; coding: string }>();
for (const server of servers) {
  for (const [, path] of PAGE_TYPES) {
    const br = await firstPaintBytes(server.url, path, 'br');
    const gz = await firstPaintBytes(server.url, path, 'gzip');
    wire.set(`${server.name} ${path}`, { br: br.total, gzip: gz.total, blocking: br.blockingUrls, coding: `${br.contentEncoding}/${gz.contentEncoding}` });
  }
}

// Lighthouse: its default mobile settings (simulated throttling), one Chromium for every run.
interface Metrics { fcp: number; lcp: number; tbt: number }
const lh = new Map<string, { observed: Metrics; cpu: Metrics }[]>();
let chromiumVersion = '';

/** Lighthouse's figures from a saved gathering (its `auditMode`). */
async function audit(url: string, dir: string): Promise<Metrics | undefined> {
  const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: ['performance'], auditMode: dir });
  const a = result?.lhr.audits;
  if (!a?.['largest-contentful-paint']?.numericValue) return undefined;
  return { fcp: a['first-contentful-paint']!.numericValue!, lcp: a['largest-contentful-paint']!.numericValue!, tbt: a['total-blocking-time']!.numericValue! };
}

/**
 * Gathers one page load, then audits it as observed and again with each traced event's duration
 * cut to its thread's CPU time (`tdur`): time a task spent waiting for a core another process
 * held is what a shared machine adds, and it is left out.
 */
async function measure(url: string, port: number, label: string): Promise<{ observed: Metrics; cpu: Metrics } | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  try {
    await lighthouse(url, { port, logLevel: 'error', onlyCategories: ['performance'], gatherMode: dir });
    const observed = await audit(url, dir);
    const tracePath = join(dir, 'trace.json');
    const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: { ph?: string; dur?: number; tdur?: number }[] };
    if (values.tasks) for (const line of longTasks(trace.traceEvents as TraceEvent[])) console.log(`  ${label} ${new URL(url).pathname} (observed) ${line}`);
    for (const e of trace.traceEvents) if (e.ph === 'X' && e.dur !== undefined && e.tdur !== undefined) e.dur = Math.min(e.dur, e.tdur);
    writeFileSync(tracePath, JSON.stringify(trace));
    if (values.tasks) for (const line of longTasks(trace.traceEvents as TraceEvent[])) console.log(`  ${label} ${new URL(url).pathname} (CPU) ${line}`);
    const cpu = await audit(url, dir);
    return observed && cpu ? { observed, cpu } : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface TraceEvent { ph?: string; name: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }

/**
 * The page's main-thread tasks of --task-ms or more (wall time as observed, or CPU time once the trace
 * is cut to it), with when each began against the first paint and what took its time: what to look
 * at when TBT is not 0. Lantern counts the part of a task after the paint it estimates, and its
 * pessimistic run puts that paint earlier than observed, so a task just before the paint can count.
 */
function longTasks(events: TraceEvent[]): string[] {
  const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busiest = threads
    .map((t) => ({ t, n: events.filter((e) => e.pid === t.pid && e.tid === t.tid).length }))
    .sort((a, b) => b.n - a.n)[0]?.t;
  const paint = events.find((e) => e.name === 'firstContentfulPaint')?.ts;
  if (!busiest || paint === undefined) return [];
  const main = events.filter((e) => e.ph === 'X' && e.pid === busiest.pid && e.tid === busiest.tid).sort((a, b) => a.ts - b.ts);
  return main
    .filter((task) => task.name === 'RunTask' && (task.dur ?? 0) >= Number(values['task-ms']) * 1000)
    .map((task) => {
      const end = task.ts + task.dur!;
      const parts = new Map<string, number>();
      for (const e of main) if (e !== task && e.name !== 'RunTask' && e.ts >= task.ts && e.ts < end) parts.set(e.name, (parts.get(e.name) ?? 0) + (e.dur ?? 0));
      const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`);
      return `task ${Math.round((task.ts - paint) / 1000)} ms after the first paint: ${(task.dur! / 1000).toFixed(1)} ms, ${((task.tdur ?? 0) / 1000).toFixed(1)} ms of CPU (${top.join(', ')})`;
    });
}

if (!values['no-lighthouse']) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const browser = spawn(CHROMIUM_LAUNCH.executablePath, [
    '--headless', '--no-sandbox', '--disable-gpu', ...CHROMIUM_LAUNCH.args,
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    browser.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = err.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m) resolve(Number(m[1]));
    });
    browser.on('exit', () => reject(new Error(`Chromium stopped: ${err}`)));
  });
  chromiumVersion = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()).Browser;
  try {
    for (let run = 0; run < runs; run++) {
      for (const [, path] of PAGE_TYPES) {
        for (const server of servers) {
          // Lighthouse now and then loses the navigation in its trace (NO_NAVSTART): run it again.
          let result;
          for (let attempt = 0; attempt < 3 && !result; attempt++) result = await measure(new URL(path, server.url).href, port, server.name);
          if (!result) throw new Error(`Lighthouse measured nothing on ${server.url}${path} in three tries`);
          const key = `${server.name} ${path}`;
          lh.set(key, [...(lh.get(key) ?? []), result]);
        }
      }
      load.push(loadavg());
    }
  } finally {
    // Chromium writes to its profile until it has exited: wait, or removing the profile can fail.
    if (browser.exitCode === null && browser.signalCode === null) {
      const exited = new Promise((resolve) => browser.once('exit', resolve));
      browser.kill();
      await exited;
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

// Search on the demo site: from Enter to the first result, in a fresh browser profile each time.
const search = new Map<string, { afterEnter: number[]; fromNavigation: number[] }>();
if (!values['no-search']) {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  chromiumVersion ||= `Chromium ${browser.version()}`;
  try {
    for (let run = 0; run < runs; run++) {
      // The bare page has no search.
      for (const server of servers.filter((server) => !server.control)) {
        const t = await searchLatency(browser, server.url, 'exploitation');
        const row = search.get(server.name) ?? { afterEnter: [], fromNavigation: [] };
        row.afterEnter.push(t.afterEnter);
        row.fromNavigation.push(t.fromNavigation);
        search.set(server.name, row);
      }
    }
  } finally {
    await browser.close();
  }
  load.push(loadavg());
}

own?.kill('SIGTERM');
control?.close();
if (ownDir) rmSync(ownDir, { recursive: true, force: true });

const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
const s = (ms: number) => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
const ms = (n: number) => (Number.isNaN(n) ? '–' : `${Math.round(n)} ms`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromiumVersion || 'no browser run'}`);
console.log(`load average (1 min) during the run: ${load.map((l) => l[0]!.toFixed(1)).join(', ')} — the 2 cores may be shared with other work`);
console.log(`conditions: Lighthouse ${lighthouseVersion()} mobile defaults (simulated: RTT 150 ms, 1.6 Mbit/s, CPU x4), median of ${runs} run(s)${servers.length > 1 ? ', servers interleaved' : ''}`);
console.log('"CPU time": the same runs audited with each main-thread task at the CPU time it used, without the waits for a core that other load caused');
console.log(`first paint in one round trip: HTML + render-blocking CSS/JS on the wire (headers included) ≤ ${kB(FIRST_ROUND_TRIP_BYTES)}\n`);
console.log('| server | page type | path | on the wire, br / gzip | encoding | render-blocking files | LCP | FCP | TBT | LCP, CPU time | TBT, CPU time |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const server of servers) {
  for (const [type, path] of PAGE_TYPES) {
    const key = `${server.name} ${path}`;
    const w = wire.get(key)!;
    const m = lh.get(key) ?? [];
    const of = (pick: (r: { observed: Metrics; cpu: Metrics }) => number) => median(m.map(pick));
    console.log(`| ${server.name} | ${type} | ${path} | ${kB(w.br)} / ${kB(w.gzip)} | ${w.coding} | ${w.blocking.length ? w.blocking.join(' ') : 'none'} | ${s(of((r) => r.observed.lcp))} | ${s(of((r) => r.observed.fcp))} | ${ms(of((r) => r.observed.tbt))} | ${s(of((r) => r.cpu.lcp))} | ${ms(of((r) => r.cpu.tbt))} |`);
  }
}
if (search.size) {
  console.log('\n| server | demo search "exploitation": Enter → first result | /search/?q= navigation → first result |');
  console.log('| --- | --- | --- |');
  for (const [name, r] of search) {
    console.log(`| ${name} | ${ms(median(r.afterEnter))} (runs: ${r.afterEnter.map(Math.round).join(', ')}) | ${ms(median(r.fromNavigation))} (runs: ${r.fromNavigation.map(Math.round).join(', ')}) |`);
  }
}

function lighthouseVersion(): string {
  return (JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }).version;
}

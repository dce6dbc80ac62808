// npm run bench:directory — builds the site with 10,000 synthetic services (in a temporary content
// folder and output folder, leaving content/ and dist/ alone), then prints pages built, seconds,
// pages per second, peak memory, the Pagefind index size and the bytes one search fetches.
// Usage: npm run bench:directory [-- --services 10000] [--cpu-prof DIR] [--keep]
// --keep leaves the generated content, the build and its full log (build.log) under .tmp/ for study.
// --cpu-prof writes a V8 CPU profile of the build's main thread (and each worker) to DIR, to open in
// Chrome's DevTools or read with bench/profile-summary.ts.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../scripts/lib/chromium.ts';
import { buildEnv } from '../scripts/lib/build-env.ts';
import { startServer } from '../scripts/lib/server.ts';
import { searchLatency } from './search-latency.ts';

const { values } = parseArgs({ options: { services: { type: 'string', default: '10000' }, 'cpu-prof': { type: 'string' }, keep: { type: 'boolean', default: false } } });
const count = Number(values.services);
// Astro caches the content layer in .astro/ keyed to the content folder it last saw: clear it before
// and after, so neither this build nor the project's next one reads the other's content.
const clearContentCache = () => {
  rmSync('.astro', { recursive: true, force: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
};
clearContentCache();
// Inside the project, so the built server can resolve node_modules; .tmp/ is git-ignored.
mkdirSync('.tmp', { recursive: true });
const work = mkdtempSync(join('.tmp', 'bench-directory-'));
const content = join(work, 'content');
const out = join(work, 'dist');
cpSync('content', content, { recursive: true });

const NEEDS = ['exploitation', 'missing', 'drugs', 'mental-health', 'violence', 'housing', 'family', 'reporting-crime'];
const AUDIENCES = ['parent', 'young-person', 'community', 'professional', 'business'];
const TOWNS = ['Anytown', 'Othertown', 'Newtown', 'Oldbridge', 'Eastport', 'Westmoor'];
for (let i = 0; i < count; i++) {
  const n = String(i % 1000).padStart(3, '0');
  writeFileSync(join(content, 'services', `bench-${i}.md`), `---
name: Benchmark service ${i}
organisation: Demo organisation ${i % 400}
description: A synthetic demo service number ${i} in ${TOWNS[i % TOWNS.length]}, for measuring how the directory scales.
audiences: [${AUDIENCES[i % 5]}, ${AUDIENCES[(i + 2) % 5]}]
needs: [${NEEDS[i % 8]}, ${NEEDS[(i + 3) % 8]}]
channels:
  - type: phone
    value: "01632 960${n}"
    hours:
      weekly:
        - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }
      bankHolidays: closed
area: [${TOWNS[i % TOWNS.length]}]
outOfHours: out-of-hours
privacy:
  anonymous: ${i % 2 === 0}
  sharing: may-be-passed-on
  statement: Synthetic demo service. Staff share anything that bears on a child's safety with children's services or the police.
  source: https://learning.nspcc.org.uk/child-protection-system/multi-agency-working-child-protection
  checked: 2026-11-22
  checkedAgainst: saved-copy
demo: true
source: https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama
checked: 2026-11-21
checkedAgainst: saved-copy
---

Synthetic service ${i}. It helps people in ${TOWNS[i % TOWNS.length]} with ${NEEDS[i % 8]} and ${NEEDS[(i + 3) % 8]}.
`);
}

// /usr/bin/time (Debian's "time" package) reports the peak resident memory of the build.
const started = performance.now();
const timeOut = join(work, 'time.txt');
const loadBefore = loadavg()[0]!;
// Astro's build with the environment `npm run build` gives it (scripts/lib/build-env.ts), every line of its log kept.
const buildLog = execFileSync('/usr/bin/time', ['-f', '%M %U %S', '-o', timeOut, 'node_modules/.bin/astro', 'build'], {
  env: {
    ...buildEnv(process.env),
    CONTENT_DIR: content,
    OUT_DIR: out,
    NO_COLOR: '1',
    ...(values['cpu-prof'] ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${resolve(values['cpu-prof'])}` } : {}),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 256 * 1024 * 1024,
}).toString();
// Where the time goes: Astro's own phase timings, with the clock time each phase finished.
const phases = buildLog.split('\n').filter((line) => /Synced content|Completed in|Indexed \d+ pages|Compressed \d+ files|Server built in|built in \d/.test(line) && !/├─/.test(line));
const seconds = (performance.now() - started) / 1000;
const [peakKiB, userSeconds, systemSeconds] = execFileSync('tail', ['-1', timeOut]).toString().trim().split(' ').map(Number) as [number, number, number];

function walk(dir: string): { html: number; bytes: number } {
  let html = 0;
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      const sub = walk(path);
      html += sub.html;
      bytes += sub.bytes;
    } else {
      bytes += st.size;
      if (name.endsWith('.html')) html++;
    }
  }
  return { html, bytes };
}
const pages = walk(join(out, 'client'));
const index = walk(join(out, 'client', 'pagefind'));

// One search in a real browser against the built site: how many bytes of index it fetches.
const PORT = 4395;
const server = await startServer(PORT, { OUT_DIR: out, REPORT_DB_PATH: join(work, 'r.sqlite'), REPORT_KEY_FILE: join(work, 'k') });
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage();
let fetched = 0;
page.on('response', async (r) => {
  if (new URL(r.url()).pathname.startsWith('/pagefind/')) fetched += (await r.body().catch(() => Buffer.alloc(0))).length;
});
await page.goto(`http://127.0.0.1:${PORT}/search/?q=exploitation`);
await page.locator('[data-search-results] li').first().waitFor({ timeout: 30_000 });
await page.close();
// First results, timed in the page: from Enter, and from the start of a /search/?q= navigation.
const latency = [];
for (let run = 0; run < 3; run++) latency.push(await searchLatency(browser, `http://127.0.0.1:${PORT}`, 'exploitation'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
await browser.close();
server.kill('SIGTERM');

const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`services: ${count} synthetic + the shipped ones`);
console.log(`pages built: ${pages.html} HTML files (${mib(pages.bytes)} in dist/client)`);
console.log(`build and index: ${seconds.toFixed(1)} s, ${(pages.html / seconds).toFixed(0)} pages/s; CPU ${userSeconds} s user + ${systemSeconds} s system (the build process and the children it waited for)`);
console.log(`load average (1 min) before the build: ${loadBefore.toFixed(1)}`);
console.log(`peak memory (astro build, RSS): ${(peakKiB / 1024).toFixed(0)} MiB`);
console.log(`phases (Astro's log):\n  ${phases.map((l) => l.trim()).join('\n  ')}`);
console.log(`pagefind index: ${mib(index.bytes)} in ${readdirSync(join(out, 'client', 'pagefind'), { recursive: true }).length} files`);
console.log(`one search ("exploitation"): ${(fetched / 1024).toFixed(0)} kB of pagefind files fetched (decoded)`);
console.log(`first results (median of 3, fresh browser context each): ${median(latency.map((l) => l.afterEnter)).toFixed(0)} ms after Enter, ${median(latency.map((l) => l.fromNavigation)).toFixed(0)} ms after navigating to /search/?q= (runs: ${latency.map((l) => `${l.afterEnter.toFixed(0)}/${l.fromNavigation.toFixed(0)}`).join(', ')})`);
console.log(`load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)} — the 2 cores may be shared with other work`);
if (values.keep) {
  writeFileSync(join(work, 'build.log'), buildLog);
  console.log(`kept: ${work} (content/, dist/, build.log)`);
} else rmSync(work, { recursive: true, force: true });
clearContentCache();

// npm run bench:start — how long `npm start` takes to answer its first request when a build
// already exists and nothing has changed: from running the command to the first page served.
// The build in dist/ is made first if it is not current (not timed).
// Usage: npm run bench:start [-- --runs 5]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFingerprint, readStamp } from '../src/integrations/build-stamp.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const PORT = 4397;

if (readStamp('dist') !== buildFingerprint('node')) {
  console.log('The build in dist/ is not current: building it first (not timed).');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, DEPLOY_TARGET: 'node' } }).status !== 0) process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
const times: number[] = [];
const load = [loadavg()[0]!];
for (let run = 0; run < Number(values.runs); run++) {
  const started = performance.now();
  // Its own process group, so that npm and the server it starts are stopped together.
  const child = spawn('npm', ['start'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k') },
    stdio: 'ignore',
    detached: true,
  });
  let served = false;
  while (!served && performance.now() - started < 120_000) {
    served = (await fetch(`http://127.0.0.1:${PORT}/`).catch(() => undefined))?.status === 200;
    if (!served) await new Promise((r) => setTimeout(r, 20));
  }
  times.push(performance.now() - started);
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
  load.push(loadavg()[0]!);
}
rmSync(dir, { recursive: true, force: true });

const sorted = [...times].sort((a, b) => a - b);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`load average (1 min) during the runs: ${load.map((l) => l.toFixed(1)).join(', ')} — the 2 cores may be shared with other work`);
console.log(`npm start, build current, first page served after: median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s)`);

// No container tool can run on this machine, so the image's last stage is laid out as the
// Dockerfile says (its COPY lines, its ENV, its USER, its CMD and HEALTHCHECK) and run that way: as
// an unprivileged user, with the application read-only and one writable "volume". The server must
// start, pass the image's own health check, and write nothing outside the volume.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Copy, DockerfileParser, Healthcheck } from 'dockerfile-ast';
import { afterAll, expect, test } from 'vitest';
import { saysListening, stopServer } from '../../scripts/lib/server.ts';

// Not 4393, which refusals.test.ts uses: build test files run two at a time.
const PORT = '4395';
const dockerfile = DockerfileParser.parse(await import('node:fs').then((fs) => fs.readFileSync('Dockerfile', 'utf8')));
const all = dockerfile.getInstructions();
const runtime = all.slice(all.map((i) => i.getKeyword()).lastIndexOf('FROM') + 1);
const image = mkdtempSync(join(tmpdir(), 'image-'));
const app = join(image, 'app');
const volume = join(image, 'data');
afterAll(() => {
  chmodSync(image, 0o755);
  spawnSync('chmod', ['-R', 'u+w', image]);
  rmSync(image, { recursive: true, force: true });
});

/** The files a fresh listing of a folder holds, without following links (node_modules). */
const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

test('the image’s last stage starts read-only as its user, passes its health check, and writes only to /data', async () => {
  // Lay out /app as the COPY lines say. node_modules comes from the repository here (the image
  // installs production packages only, a subset of it).
  mkdirSync(app, { recursive: true });
  for (const copy of runtime.filter((i): i is Copy => i instanceof Copy)) {
    const [from, to] = copy.getArgumentsContent()!.split(/\s+/) as [string, string];
    const source = resolve(from.replace(/^\/app\//, ''));
    const target = join(app, to);
    if (from === '/app/node_modules') symlinkSync(source, target);
    else cpSync(source, target, { recursive: true });
  }
  const before = listing(app);

  // ENV as the Dockerfile sets it, with /data mapped to the test's volume and a free port.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const instruction of runtime.filter((i) => i.getKeyword() === 'ENV')) {
    for (const [, name, value] of instruction.getArgumentsContent()!.matchAll(/(\w+)=(\S+)/g)) env[name!] = value!.replace(/^\/data\b/, volume);
  }
  env.PORT = PORT;
  env.HOST = '127.0.0.1';
  expect(env.REPORT_DB_PATH).toBe(join(volume, 'reports.sqlite'));

  // The application belongs to root and cannot be written; the volume belongs to the user.
  mkdirSync(volume);
  spawnSync('chmod', ['-R', 'a-w,a+rX', app]);
  chmodSync(image, 0o755);
  const user = runtime.find((i) => i.getKeyword() === 'USER')!.getArgumentsContent()!;
  // The image's `node` user is uid 1000 there; here the unprivileged user is `nobody`.
  expect(user).toBe('node');
  spawnSync('chown', ['nobody:nogroup', volume]);
  const asUser = (command: string[]) => ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', ...command];

  const cmd = JSON.parse(runtime.find((i) => i.getKeyword() === 'CMD')!.getArgumentsContent()!) as string[];
  const server = spawn('setpriv', asUser([process.execPath, ...cmd.slice(1)]), { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d: Buffer) => (output += d));
  server.stderr.on('data', (d: Buffer) => (output += d));
  try {
    // Its own word that it listens first: the health check alone could be answered by another
    // test's server still shutting down on the same port.
    expect(await saysListening(server), output).toBe(true);
    const health = runtime.find((i): i is Healthcheck => i instanceof Healthcheck)!;
    const check = (JSON.parse(health.getArgumentsContent()!.replace(/^CMD\s+/, '')) as string[]).map((a) => a.replace(':4321/', `:${PORT}/`));
    let healthy = false;
    for (let i = 0; i < 60 && !healthy && server.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 500));
      healthy = spawnSync('setpriv', asUser([process.execPath, ...check.slice(1)]), { cwd: app, env }).status === 0;
    }
    expect(healthy, output).toBe(true);
    // A page is served, so the built site is where the server looks for it.
    const home = await fetch(`http://127.0.0.1:${PORT}/`);
    expect(home.status).toBe(200);
    // The report store and its key were made in the volume, and the application is unchanged.
    expect(listing(volume)).toEqual(expect.arrayContaining(['report.key', 'reports.sqlite']));
    expect(listing(app)).toEqual(before);
  } finally {
    await stopServer(server);
  }
}, 60_000);

// A test that starts a server stops it with stopServer (scripts/lib/server.ts), which waits until the
// process has gone: a server still shutting down would otherwise answer the next test's first
// request on the same port, or keep the port from it (ECONNREFUSED, a token the next one refuses).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { stopServer } from '../../scripts/lib/server.ts';

test('stopServer returns only once the process has exited, however long it takes to go', async () => {
  // A process that takes half a second to finish after SIGTERM, as a server closing its connections.
  const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => setTimeout(() => process.exit(0), 500)); setInterval(() => {}, 1000); console.log('up')"], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const started = Date.now();
  await stopServer(child);
  expect(child.exitCode).toBe(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  // Stopping one already gone is not an error.
  await stopServer(child);
});

test('no test stops a server any other way', () => {
  const files = readdirSync('tests', { recursive: true }).map(String).filter((f) => /\.(test|spec)\.ts$/.test(f));
  const killing = files.flatMap((f) => readFileSync(join('tests', f), 'utf8').split('\n').map((line, i) => ({ where: `tests/${f}:${i + 1}`, line })))
    // The fault test kills its server outright on purpose, mid-load, to show no report is lost.
    .filter(({ line }) => /\.kill\(/.test(line) && !/SIGKILL/.test(line));
  expect(killing.map((k) => `${k.where}: ${k.line.trim()}`)).toEqual([]);
});

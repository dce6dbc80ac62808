// `npm start` with a build already made from the current files serves it without building again
// (the build this test suite made a moment ago); a build whose stamp does not match is built
// again, never served.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildFingerprint, readStamp, STAMP_FILE } from '../../src/integrations/build-stamp.ts';
import { stopServer } from '../../scripts/lib/server.ts';

const PORT = 4394;

test('the build in dist/ was stamped with the files it was made from', () => {
  expect(readStamp('dist')).toBe(buildFingerprint('node'));
});

test('npm start serves an unchanged build without building it again', async () => {
  const stamp = statSync(join('dist', STAMP_FILE)).mtimeMs;
  const dir = mkdtempSync(join(tmpdir(), 'start-'));
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    let page: Response | undefined;
    for (let i = 0; i < 300 && !page?.ok; i++) {
      page = await fetch(`http://127.0.0.1:${PORT}/`).catch(() => undefined);
      if (!page?.ok) await new Promise((r) => setTimeout(r, 100));
    }
    expect(page?.status).toBe(200);
    expect(output).toContain('Nothing has changed since the last build');
    expect(output).not.toMatch(/astro build|Building the site/);
    // The build was not touched.
    expect(statSync(join('dist', STAMP_FILE)).mtimeMs).toBe(stamp);
    expect(JSON.parse(readFileSync(join('dist', STAMP_FILE), 'utf8')).target).toBe('node');
  } finally {
    await stopServer(child);
  }
}, 60_000);

test('a build made from other files is built again, not served', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-stale-'));
  const out = join(dir, 'dist');
  cpSync('dist', out, { recursive: true });
  writeFileSync(join(out, STAMP_FILE), JSON.stringify({ fingerprint: 'made-from-other-files', target: 'node' }));
  // A content folder that cannot build, so the rebuild stops at once and the test stays quick.
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    env: { ...process.env, OUT_DIR: out, CONTENT_DIR: join(dir, 'no-content'), HOST: '127.0.0.1', PORT: String(PORT) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(output).toContain('Something has changed since the last build');
  expect(code).not.toBe(0);
  expect(await fetch(`http://127.0.0.1:${PORT}/`).catch(() => undefined)).toBeUndefined();
}, 60_000);

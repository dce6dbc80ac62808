// A comms officer's mistake must stop the build with the file's path and the field's name.
// Runs the real `astro sync` on a copy of content/ with one field broken.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);

async function syncWith(edit: (dir: string) => void): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync('content', dir, { recursive: true });
  edit(dir);
  try {
    const { stdout, stderr } = await run('node_modules/.bin/astro', ['sync'], {
      env: { ...process.env, CONTENT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    return { code: 0, output: stripVTControlCharacters(stdout + stderr) };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: stripVTControlCharacters(e.stdout + e.stderr) };
  }
}

const replaceIn = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`the test's edit did not apply to ${file}`);
  writeFileSync(file, next);
};

// `astro sync` caches the content layer in .astro/ for the folder it last saw; the real build that
// follows must not start from a cache of these throwaway folders.
afterAll(() => {
  rmSync('.astro', { recursive: true, force: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
});

describe('content mistakes fail the build, naming the file and the field', () => {
  test('the content as shipped is valid', async () => {
    const { code, output } = await syncWith(() => {});
    expect(output).not.toMatch(/Error/);
    expect(code).toBe(0);
  });

  test('a campaign with a bad hashtag', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'campaigns/see-the-signs.mdx'), 'hashtag: "#SeeTheSigns"', 'hashtag: "See the signs"'));
    expect(code).not.toBe(0);
    expect(output).toContain('campaigns/see-the-signs.mdx');
    expect(output).toContain('hashtag: hashtag must start with # and have no spaces');
  });

  test('a service with a misspelt phone number', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'services/childline.md'), 'value: "0800 1111"', 'value: "0800-1111"'));
    expect(code).not.toBe(0);
    expect(output).toContain('services/childline.md');
    expect(output).toMatch(/channels\.0\.value: write the number as digits and single spaces/);
  });

  test('a warning sign with an unknown audience', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'signs/signs.yaml'), 'audiences: [parent, professional]\n  category: money', 'audiences: [parents]\n  category: money'));
    expect(code).not.toBe(0);
    expect(output).toContain('signs.yaml');
    expect(output).toMatch(/unexplained-money/);
    expect(output).toMatch(/audiences\.0/);
  });

  test('a month of figures with a value that is not a whole number', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'figures/2026-10.yaml'), '{ metric: arrests, value: 6 }', '{ metric: arrests, value: 6.5 }'));
    expect(code).not.toBe(0);
    expect(output).toContain('figures/2026-10.yaml');
    expect(output).toMatch(/values\.1\.value: value must be a whole number/);
  });

  test('a partnership file with a bad colour', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'partnership.yaml'), 'brandColour: "#1d4e89"', 'brandColour: navy'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/partnership\.yaml has a mistake:\s+brandColour: brandColour must be written as #rrggbb/);
  });
});

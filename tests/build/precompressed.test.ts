// The compressed copies the build made (most of them while pages were rendered) decode to exactly
// the files they stand for, and every page and bundle has one.
import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import type { Manifest } from '../../src/targets/node/precompressed.ts';

const manifest = JSON.parse(readFileSync('dist/precompressed/manifest.json', 'utf8')) as Manifest;
const entries = Object.entries(manifest.files);

test('every page, stylesheet and script has a brotli copy', () => {
  const text = entries.filter(([name]) => /\.(html|css|js)$/.test(name) && readFileSync(`dist/client${name}`).length >= 1024);
  expect(text.length).toBeGreaterThan(50);
  for (const [name, file] of text) expect(file.codings, name).toContain('br');
});

test('every bundle, however small, goes out compressed wherever gzip saves a tenth', () => {
  // The JavaScript budget (tests/build/budget.test.ts) counts these copies: what the server sends.
  const bundles = entries.filter(([name]) => /^\/_astro\/.*\.js$/.test(name));
  const small = bundles.filter(([name]) => {
    const raw = readFileSync(`dist/client${name}`);
    return raw.length < 1024 && gzipSync(raw, { level: 9 }).length < raw.length * 0.9;
  });
  expect(small.length, 'bundles under a kilobyte that gzip shrinks').toBeGreaterThan(0);
  for (const [name, file] of small) expect(file.codings, name).toContain('gzip');
});

test('each copy decodes to the file as built', () => {
  let checked = 0;
  for (const [name, file] of entries) {
    const original = readFileSync(`dist/client${name}`);
    for (const coding of file.codings) {
      const copy = readFileSync(`dist/precompressed${name}.${coding === 'br' ? 'br' : 'gz'}`);
      const decoded = coding === 'br' ? brotliDecompressSync(copy) : gunzipSync(copy);
      expect(decoded.equals(original), `${name} (${coding})`).toBe(true);
      expect(copy.length, `${name} (${coding}) is smaller`).toBeLessThan(original.length);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(50);
});

// The compressed copies the build made (most of them while pages were rendered) decode to exactly
// the files they stand for, and every page and bundle has one.
import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import type { Manifest } from '../../src/targets/node/precompressed.ts';

const manifest = JSON.parse(readFileSync('dist/precompressed/manifest.json', 'utf8')) as Manifest;
const entries = Object.entries(manifest.files);

test('every page, stylesheet and script has a brotli copy', () => {
  const text = entries.filter(([name]) => /\.(html|css|js)$/.test(name) && readFileSync(`dist/client${name}`).length >= 1024);
  expect(text.length).toBeGreaterThan(50);
  for (const [name, file] of text) expect(file.codings, name).toContain('br');
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

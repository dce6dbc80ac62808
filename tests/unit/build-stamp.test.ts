// npm start serves an existing build only if nothing it was made from has changed: the
// fingerprint must change with any input's contents, and with the target.
import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildFingerprint, readStamp, STAMP_FILE } from '../../src/integrations/build-stamp.ts';

// A small project of its own: the real one's files would make each fingerprint slow to take.
const root = mkdtempSync(join(tmpdir(), 'stamp-'));
cpSync('tsconfig.json', join(root, 'tsconfig.json'));
cpSync('src/lib', join(root, 'src', 'lib'), { recursive: true });
writeFileSync(join(root, 'astro.config.ts'), 'export default {};\n');
const content = join(root, 'content');
cpSync('content/partnership.yaml', join(content, 'partnership.yaml'));
writeFileSync(join(content, 'note.md'), 'First words.\n');
const previous = process.env.CONTENT_DIR;
process.env.CONTENT_DIR = content;
afterAll(() => {
  if (previous === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = previous;
  rmSync(root, { recursive: true, force: true });
});

test('the same files give the same fingerprint, whatever their dates', () => {
  const before = buildFingerprint('node', root);
  utimesSync(join(content, 'note.md'), new Date(2020, 0, 1), new Date(2020, 0, 1));
  expect(buildFingerprint('node', root)).toBe(before);
});

test('any change to content, code or configuration changes it', () => {
  const fingerprints = new Set([buildFingerprint('node', root)]);
  writeFileSync(join(content, 'note.md'), 'First words!\n');
  fingerprints.add(buildFingerprint('node', root));
  writeFileSync(join(content, 'new.md'), '');
  fingerprints.add(buildFingerprint('node', root));
  writeFileSync(join(root, 'src', 'lib', 'csv.ts'), '// changed\n', { flag: 'a' });
  fingerprints.add(buildFingerprint('node', root));
  writeFileSync(join(root, 'astro.config.ts'), 'export default { site: "https://example.org" };\n');
  fingerprints.add(buildFingerprint('node', root));
  writeFileSync(join(root, 'package-lock.json'), '{}');
  fingerprints.add(buildFingerprint('node', root));
  expect(fingerprints.size).toBe(6);
});

test('a build for another target never passes for this one', () => {
  expect(buildFingerprint('cloudflare', root)).not.toBe(buildFingerprint('node', root));
});

test('a build without a stamp, or with a broken one, has none', () => {
  const out = join(root, 'dist');
  expect(readStamp(out)).toBeUndefined();
  cpSync('package.json', join(out, 'package.json'));
  writeFileSync(join(out, STAMP_FILE), '{ not json');
  expect(readStamp(out)).toBeUndefined();
  writeFileSync(join(out, STAMP_FILE), JSON.stringify({ fingerprint: 'abc' }));
  expect(readStamp(out)).toBe('abc');
});

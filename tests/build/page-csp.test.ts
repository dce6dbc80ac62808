// Each built page's Content-Security-Policy lists exactly the hashes of its own inline styles and
// scripts (src/lib/page-policy.ts): none missing, which would block them, and none of other
// pages', which on Node are bytes of an uncompressed header on every response.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { inlineHashes } from '../../src/lib/page-policy.ts';

const entries = JSON.parse(readFileSync('dist/_headers.json', 'utf8')) as { pathname: string; headers: { key: string; value: string }[] }[];
const fileOf = (pathname: string) => (pathname === '/404' ? 'dist/client/404.html' : `dist/client${pathname.replace(/\/$/, '')}/index.html`);

test('every page policy lists its own inline blocks, and only those', async () => {
  expect(entries.length).toBeGreaterThan(100);
  for (const { pathname, headers } of entries) {
    const policy = headers.find((h) => h.key.toLowerCase() === 'content-security-policy')!.value;
    const listed = new Set([...policy.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]!));
    const own = await inlineHashes(readFileSync(fileOf(pathname), 'utf8'));
    expect([...own].filter((h) => !listed.has(h)), `${pathname}: blocks of its own not listed`).toEqual([]);
    expect([...listed].filter((h) => !own.has(h)), `${pathname}: hashes of other pages`).toEqual([]);
  }
});

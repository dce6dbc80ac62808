import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pageKey, readPageCsp } from '../../src/server/page-csp.ts';
import { assetCsp, FALLBACK_CSP, SEARCH_WORKER_CSP } from '../../src/server/security-headers.ts';

test('one page, one key, however the path is written', () => {
  expect(pageKey('/')).toBe('/');
  expect(pageKey('/index.html')).toBe('/');
  expect(pageKey('/parents/')).toBe('/parents');
  expect(pageKey('/parents')).toBe('/parents');
  expect(pageKey('/parents/index.html')).toBe('/parents');
  expect(pageKey('/404.html')).toBe('/404');
});

test('policies are matched exactly, never by substring', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csp-'));
  const file = join(dir, '_headers.json');
  const entry = (pathname: string, value: string) => ({ pathname, headers: [{ key: 'Content-Security-Policy', value }] });
  writeFileSync(file, JSON.stringify([entry('/campaigns/a/', 'A'), entry('/campaigns', 'INDEX'), entry('/', 'HOME')]));
  const map = readPageCsp(file);
  expect(map.get(pageKey('/campaigns/'))).toBe('INDEX');
  expect(map.get(pageKey('/'))).toBe('HOME');
  expect(map.get(pageKey('/campaigns/b/'))).toBeUndefined();
});

test('only the search worker may fetch and compile', () => {
  expect(assetCsp('/pagefind/pagefind-worker.js')).toBe(SEARCH_WORKER_CSP);
  expect(assetCsp('/_astro/x.css')).toBe(FALLBACK_CSP);
});

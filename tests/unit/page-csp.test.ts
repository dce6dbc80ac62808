import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pageKey, readPageCsp } from '../../src/targets/node/page-csp.ts';
import { assetCsp } from '../../src/lib/security-headers.ts';

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

test('only the search worker may fetch and compile; everything else that is not a page may load nothing', () => {
  const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  const worker = directives(assetCsp('/pagefind/pagefind-worker.js'));
  expect(worker.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(worker.get('connect-src')).toEqual(["'self'"]);
  for (const path of ['/_astro/x.css', '/favicon.png', '/directory/services.json', '/pagefind-not/x.js']) {
    const policy = directives(assetCsp(path));
    expect(policy.get('default-src'), path).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
    expect([...policy.values()].flat(), path).not.toContain("'wasm-unsafe-eval'");
  }
});

// Every page a visitor can land on is reachable from the home page by following links, within three
// clicks, without going through the search page (whose no-JavaScript fallback lists every page, and
// so would hide an orphan). Reads the built HTML, and asks the built server for the pages it renders
// on request (the home page, the campaigns list): the links a browser would follow.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, stopServer } from '../../scripts/lib/server.ts';
import { sitemapPaths } from '../support/site.ts';

const CLIENT = 'dist/client';
const MAX_CLICKS = 3;
const SEARCH = '/search/';
const PORT = 4384;

let server: ChildProcess | undefined;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reach-'));
  server = await startServer(PORT, { REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k') });
}, 30_000);
afterAll(() => server && stopServer(server));

/** The site-internal page paths one page links to, normalised to "/a/b/". */
export function linksIn(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"#?]*)(?:[?#][^"]*)?"/g)) {
    const href = m[1]!;
    if (!href.startsWith('/') || href.startsWith('//')) continue;
    if (/\.[a-z0-9]+$/i.test(href)) continue; // PDFs, CSV, JSON: files, not pages
    found.add(href.endsWith('/') ? href : `${href}/`);
  }
  return [...found];
}

async function htmlFor(path: string): Promise<string | undefined> {
  const file = join(CLIENT, path, 'index.html');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  // Rendered on request (the home page, the campaigns list, the report form).
  const response = await fetch(`http://127.0.0.1:${PORT}${path}`);
  return response.ok && response.headers.get('content-type')?.startsWith('text/html') ? response.text() : undefined;
}

/** Breadth-first from the home page: the fewest clicks to each page. */
async function clicksFromHome(): Promise<Map<string, number>> {
  const depth = new Map<string, number>([['/', 0]]);
  const queue = ['/'];
  while (queue.length) {
    const path = queue.shift()!;
    const d = depth.get(path)!;
    if (d === MAX_CLICKS || path === SEARCH) continue;
    const html = await htmlFor(path);
    if (!html) continue;
    for (const next of linksIn(html)) {
      if (!depth.has(next)) {
        depth.set(next, d + 1);
        queue.push(next);
      }
    }
  }
  return depth;
}

test('the crawler finds links and ignores files and other sites', () => {
  expect(linksIn('<a href="/a/">x</a><a class="y" href="/b">y</a><a href="https://e.org/">z</a><a href="/f.pdf">p</a><a href="/c/#top">c</a>'))
    .toEqual(['/a/', '/b/', '/c/']);
});

test(`every page in the sitemap is within ${MAX_CLICKS} clicks of the home page, not counting the search page`, async () => {
  const depth = await clicksFromHome();
  const pages = sitemapPaths();
  expect(pages.length).toBeGreaterThan(50);
  const unreached = pages.filter((p) => !depth.has(p));
  expect(unreached, `orphans, or pages more than ${MAX_CLICKS} clicks deep`).toEqual([]);
});

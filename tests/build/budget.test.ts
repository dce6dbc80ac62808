// Page weight budgets, per built page, gzip: JavaScript ≤ 4 kB, CSS ≤ 12 kB, HTML ≤ 14 kB (the
// first round trip). Pages that carry the report form may load up to 12 kB of JavaScript. Search
// code is fetched on first use, so it is not counted against the search page. No UI framework.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { asset, BUDGET, CLIENT, KB, pageWeight } from '../support/budget.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // The search index and the content editor (/admin/, for editors, outside the budgets) are not pages.
    if (statSync(path).isDirectory()) return name === 'pagefind' || (dir === CLIENT && name === 'admin') ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const pages = htmlFiles(CLIENT).map((file) => {
  const html = readFileSync(file, 'utf8');
  const path = `/${relative(CLIENT, file)}`.replace(/index\.html$/, '');
  return { path, ...pageWeight(html) };
});

describe('page budgets (gzip)', () => {
  test('there are pages to measure', () => expect(pages.length).toBeGreaterThan(20));

  for (const page of pages) {
    test(page.path, () => {
      expect(page.html, 'HTML').toBeLessThanOrEqual(BUDGET.html);
      expect(page.css, 'CSS').toBeLessThanOrEqual(BUDGET.css);
      expect(page.js, 'JavaScript').toBeLessThanOrEqual(page.hasForm ? BUDGET.formJs : BUDGET.js);
    });
  }

  test('no UI framework runtime is shipped', () => {
    const bundles = readdirSync(join(CLIENT, '_astro')).filter((f) => f.endsWith('.js'));
    for (const file of bundles) {
      const code = asset(`/_astro/${file}`).toString('utf8');
      expect(code, file).not.toMatch(/react-dom|__vue__|preact|svelte\/internal|solid-js/);
    }
    for (const file of htmlFiles(CLIENT)) expect(readFileSync(file, 'utf8')).not.toMatch(/<astro-island/);
  });

  afterAll(() => {
    // Print the figures by page type (the first path segment), largest of each.
    const byType = new Map<string, { html: number; css: number; js: number; count: number }>();
    for (const p of pages) {
      const type = p.path === '/' ? 'home' : p.path.split('/')[1]!.replace(/\.html$/, '') || 'home';
      const key = ['campaigns', 'help', 'law'].includes(type) ? `${type}/*` : type;
      const row = byType.get(key) ?? { html: 0, css: 0, js: 0, count: 0 };
      byType.set(key, { html: Math.max(row.html, p.html), css: Math.max(row.css, p.css), js: Math.max(row.js, p.js), count: row.count + 1 });
    }
    const lines = [...byType].sort().map(([type, r]) =>
      `${type.padEnd(22)} ${String(r.count).padStart(3)}  html ${(r.html / KB).toFixed(1).padStart(5)} kB  css ${(r.css / KB).toFixed(1).padStart(5)} kB  js ${(r.js / KB).toFixed(1).padStart(5)} kB`);
    console.log(`\nLargest page of each type, gzip:\n${'type'.padEnd(22)} pages\n${lines.join('\n')}\n`);
  });
});

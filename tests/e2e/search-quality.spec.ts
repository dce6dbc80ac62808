// Search, measured as people use it: every query in tests/fixtures/search-queries.yaml is typed into
// the search page of the built site, and a query hits when one of its expected pages is among the
// first three results. The hit rate is printed (and written to .tmp/search-quality.json) every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readYaml } from '../../scripts/lib/content.ts';

interface Query { query: string; expect: string[] }
const queries = readYaml<Query[]>('tests/fixtures/search-queries.yaml');
/** The share of queries that must hit; the misses are printed so a fall can be traced. */
const REQUIRED_HIT_RATE = 0.95;

test('at least 40 real queries find the page they are looking for in the top three', async ({ page }) => {
  test.setTimeout(180_000);
  expect(queries.length).toBeGreaterThanOrEqual(40);
  await page.goto('/search/');
  const box = page.getByLabel('What are you looking for?');
  const status = page.locator('[data-search-status]');
  const rows: { query: string; hit: boolean; top: string[] }[] = [];
  for (const { query, expect: wanted } of queries) {
    await box.fill(query);
    await box.press('Enter');
    // The status names the query once this search (not the one before) has answered.
    await expect(status).toContainText(`“${query}”`);
    const top = await page.locator('[data-search-results] > li > a').evaluateAll(
      (links) => links.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    rows.push({ query, hit: top.some((path) => wanted.includes(path)), top });
  }
  const hits = rows.filter((r) => r.hit).length;
  const rate = hits / rows.length;
  const misses = rows.filter((r) => !r.hit).map((r) => `  ✗ ${r.query}  →  ${r.top.join(', ') || '(nothing)'}`);
  console.log(`\nSearch hit rate (top three): ${hits}/${rows.length} = ${(rate * 100).toFixed(1)} %\n${misses.join('\n')}\n`);
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/search-quality.json', JSON.stringify({ hits, total: rows.length, rate, rows }, null, 2));
  expect(rate, `hit rate; misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(REQUIRED_HIT_RATE);
});

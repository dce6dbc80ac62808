// Every page can paint after one round trip: its HTML and every stylesheet and script that blocks
// the first paint fit, on the wire with their headers, in the 14,600 bytes a server may send
// before the first acknowledgement — with brotli (browsers over HTTPS) and with gzip (plain HTTP).
// And the production server compresses what it sends, saying so to caches.
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { BASE_URL } from '../../playwright.config.ts';
import { sitemapPaths } from '../support/site.ts';
import { fetchWire, firstPaintBytes, FIRST_ROUND_TRIP_BYTES } from '../support/wire.ts';

for (const path of [...sitemapPaths(), '/no-such-page/']) {
  test(`${path} paints after one round trip`, async () => {
    for (const encoding of ['br', 'gzip'] as const) {
      const bytes = await firstPaintBytes(BASE_URL, path, encoding);
      expect(bytes.contentEncoding, `${path} sent as ${encoding}`).toBe(encoding);
      expect(bytes.total, `${path} (${encoding}): HTML ${bytes.html} B + ${bytes.blockingUrls.join(', ') || 'nothing else'} ${bytes.blocking} B`).toBeLessThanOrEqual(FIRST_ROUND_TRIP_BYTES);
    }
  });
}

test('static pages come from their brotli copy, and may be kept only after checking', async () => {
  const page = await fetchWire(`${BASE_URL}/parents/`, 'gzip, deflate, br, zstd');
  expect(page.headers['content-encoding']).toBe('br');
  expect(page.headers.vary).toBe('Accept-Encoding');
  expect(page.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  expect(page.headers.etag).toMatch(/^"[\w-]+-br"$/);
  expect(page.body.toString()).toContain('</html>');
});

test('the report form is compressed as it is sent, and never stored', async () => {
  for (const [accept, coding] of [['gzip, deflate, br', 'br'], ['gzip, deflate', 'gzip'], ['identity', undefined]] as const) {
    const form = await fetchWire(`${BASE_URL}/report/`, accept);
    expect(form.status).toBe(200);
    expect(form.headers['content-encoding']).toBe(coding);
    expect(form.headers.vary).toBe('Accept-Encoding');
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body.toString()).toContain('data-report-form');
  }
});

test('bundles are kept for a year; the search code is checked each time', async () => {
  for (const bundle of readdirSync('dist/client/_astro')) {
    expect((await fetchWire(`${BASE_URL}/_astro/${bundle}`, 'br')).headers['cache-control'], bundle).toBe('public, max-age=31536000, immutable');
  }
  const search = await fetchWire(`${BASE_URL}/pagefind/pagefind.js`, 'gzip, deflate, br');
  expect(search.headers['content-encoding']).toBe('br');
  expect(search.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
});

// Nothing but the page itself is fetched before its first paint (src/lib/after-paint.ts): on a slow
// phone line each request is a round trip of its own, and Lighthouse counts any that finished before
// the paint against it. The scripts still load and run afterwards.
for (const path of ['/', '/parents/', '/help/', '/report/', '/help/demo-exploitation-team/']) {
  test(`${path} fetches nothing before its first paint, and its scripts after it`, async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => void requests.push(r.url()));
    await page.goto(path);
    const fcp = await page.evaluate(async () => {
      while (!performance.getEntriesByName('first-contentful-paint').length) await new Promise((r) => requestAnimationFrame(r));
      return performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
    });
    // The page's script files (held: src/lib/after-paint.ts) are all fetched, after the paint.
    const held = await page.locator('script[type="after-paint"]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src));
    if (path !== '/') expect(held.length, 'a page with a script file').toBeGreaterThan(0);
    await expect.poll(() => held.filter((src) => !requests.includes(src))).toEqual([]);
    const before = await page.evaluate((fcp) => performance.getEntriesByType('resource').filter((e) => e.startTime < fcp).map((e) => `${e.name} at ${Math.round(e.startTime)} ms`), fcp);
    // Except the report form's own tab icon, which must be a request: with JavaScript off it is what
    // keeps a typed report out of the back-forward cache (src/pages/report/icon.png.ts).
    expect(before.filter((r) => !r.includes('/report/icon.png?')), `fetched before the first paint at ${Math.round(fcp)} ms`).toEqual([]);
  });
}

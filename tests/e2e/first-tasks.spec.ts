// What a page does as it starts is kept small, so that no task on its main thread is long enough for
// Lighthouse's four-times-slower phone to count it as blocking (issue 13: total blocking time 0 ms).
//
// Nothing a page runs as it starts asks the browser for date, number or collation data. The first
// Intl.DateTimeFormat, Intl.NumberFormat or localeCompare on a page loads that data: one task of
// 12-50 ms on this machine (four times that in Lighthouse's mobile simulation), just after the first paint, and it was the
// whole of the blocking time Lighthouse counted on every page with an "open now" or the finder
// (issue 13: total blocking time 0 ms). Each is fine once someone acts (a search, a filter); this
// holds the start of each kind of page, in every language, to none of them. Figures for the cost:
// `npm run bench:pages -- --tasks` and docs/performance.md.
import { expect, test } from '@playwright/test';
import { heldScriptsFetched } from '../support/held-scripts.ts';
import { sitemapPaths } from '../support/site.ts';

const PAGES = ['/', '/parents/', '/help/', '/help/nspcc-helpline/', '/law/modern-slavery-act-2015/', '/local-picture/', '/report/', '/search/', '/check/'];
// Each language's finder and report form (the languages are whatever this partnership has).
const TRANSLATED = sitemapPaths().filter((path) => /^\/[a-z-]+\/(help|report)\/$/.test(path));

test.use({ viewport: { width: 390, height: 844 }, timezoneId: 'America/New_York' });

for (const path of [...PAGES, ...TRANSLATED]) {
  test(`${path} starts without loading the browser's date, number or collation data`, async ({ page }) => {
    await page.addInitScript(() => {
      const calls: string[] = [];
      (window as unknown as { intlCalls: string[] }).intlCalls = calls;
      // Plural rules are left out: their data is small (well under a millisecond to load).
      for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'RelativeTimeFormat', 'ListFormat', 'DisplayNames'] as const) {
        const real = Intl[name] as unknown as new (...args: unknown[]) => object;
        (Intl as unknown as Record<string, unknown>)[name] = new Proxy(real, {
          construct: (target, args, newTarget) => (calls.push(name), Reflect.construct(target, args, newTarget)),
          apply: (target, self, args) => (calls.push(name), Reflect.apply(target as unknown as (...a: unknown[]) => unknown, self, args)),
        });
      }
      for (const [proto, method] of [[String.prototype, 'localeCompare'], [Number.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleDateString'], [Date.prototype, 'toLocaleTimeString']] as const) {
        const real = (proto as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
        Object.defineProperty(proto, method, { configurable: true, writable: true, value(this: unknown, ...args: unknown[]) { calls.push(method); return real.apply(this, args); } });
      }
    });
    await page.goto(path);
    // Once each script has been fetched and the network is quiet, each has run.
    const held = await heldScriptsFetched(page);
    expect(held.length, `${path} has scripts to check`).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { intlCalls: string[] }).intlCalls)).toEqual([]);
  });
}

// Chromium draws an SVG picture, the tab icon included, by building a small document of its own on
// the page's main thread: about 4 ms, just after the first paint. The site's pictures as a page
// starts are PNGs, which are only decoded (src/lib/favicon.ts).
for (const path of ['/', '/help/', '/report/']) {
  test(`${path} asks for no SVG picture as it starts`, async ({ page }) => {
    const svgs: string[] = [];
    page.on('response', (r) => void (r.headers()['content-type']?.startsWith('image/svg') && svgs.push(r.url())));
    await page.goto(path);
    await heldScriptsFetched(page);
    await page.waitForLoadState('networkidle');
    const icon = await page.locator('link[rel=icon]').evaluate((l: HTMLLinkElement) => l.dataset.icon ?? l.href);
    expect(new URL(icon, page.url()).pathname).toMatch(/\.png$/);
    expect(svgs).toEqual([]);
  });
}

// The local picture's charts are laid out only as they come near the screen: the page's first layout
// took 19 ms of CPU before, 12-13 ms after (src/styles/global.css). Printed, all of it is.
test('a long page lays out what is far below the screen only when it is scrolled to', async ({ page }) => {
  await page.goto('/local-picture/');
  const laidOut = () => page.locator('.render-later > *:first-child').evaluateAll((els) => els.map((e) => e.checkVisibility({ contentVisibilityAuto: true })));
  const atStart = await laidOut();
  expect(atStart.length).toBeGreaterThan(10);
  expect(atStart.at(-1), 'the last chart').toBe(false);
  expect(atStart.filter((v) => !v).length).toBeGreaterThan(atStart.length / 2);
  await page.locator('.render-later').last().scrollIntoViewIfNeeded();
  await expect.poll(async () => (await laidOut()).at(-1)).toBe(true);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.render-later').evaluateAll((els) => els.every((e) => getComputedStyle(e).contentVisibility === 'visible'))).toBe(true);
});

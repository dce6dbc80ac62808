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

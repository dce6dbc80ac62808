// Every page in the sitemap: it answers 200, axe finds no WCAG 2.2 A/AA violation and no content
// outside a landmark, it asks no other host for anything, its Content-Security-Policy blocks nothing
// it needs, it sets no cookie and keeps nothing in the browser's storage, and at the 320 px width
// WCAG's reflow rule is judged at it does not scroll sideways.
import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths, WCAG22AA, WITH_LANDMARK_RULES } from '../support/site.ts';
import { axeFor } from '../support/axe.ts';
import { builtSchedule, statuses } from '../support/campaigns.ts';
import { heldScriptsRun, openRequests } from '../support/held-scripts.ts';

// Campaign pages are listed by /sitemap-campaigns.xml from their first day (checked below).
const campaignPaths = ['/campaigns/', ...Object.entries(statuses(builtSchedule())).filter(([, s]) => s !== 'upcoming').map(([id]) => `/campaigns/${id}/`)];
const paths = [...sitemapPaths(), ...campaignPaths];

test('the campaigns sitemap lists the campaigns page and every campaign that has started', async ({ request }) => {
  const xml = await (await request.get('/sitemap-campaigns.xml')).text();
  expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort()).toEqual([...campaignPaths].sort());
  expect(await (await request.get('/robots.txt')).text()).toMatch(/Sitemap: \S+\/sitemap-campaigns\.xml/);
});

test('the sitemap lists the site', () => {
  expect(paths.length).toBeGreaterThan(20);
  expect(paths).toContain('/');
  expect(paths).toContain('/cover-your-tracks/');
});

for (const path of [...paths, '/this-page-does-not-exist/', '/report/sent/']) {
  test(`${path} is accessible, private and self-contained`, async ({ page, context, baseURL }) => {
    const ownHost = new URL(baseURL!).host;
    const foreign: string[] = [];
    // Every page the test opens in this context (the page, and the same page at 320 px) is watched.
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.host !== ownHost) foreign.push(request.url());
    });
    const requests = openRequests(context);
    // Each page's policy lists only its own inline blocks' hashes (src/integrations/page-csp.ts):
    // one missing would leave the page unstyled, and the browser says so with this event.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => ((window as unknown as { blocked: string[] }).blocked ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const blocked = (p: Page) => p.evaluate(() => (window as unknown as { blocked?: string[] }).blocked ?? []);
    const response = await page.goto(path);
    expect(response?.status()).toBe(path.includes('does-not-exist') ? 404 : path === '/report/sent/' ? 410 : 200);
    // Checked as the page is once its held scripts have run and all it asked for has arrived.
    await heldScriptsRun(page);
    await requests.answered();

    // Only violations are reported: axe skips building the (unused) passes and incomplete lists,
    // which keeps the crawl of every page in every language quick. options() replaces the whole
    // option set (withTags() included), so it comes first; the landmark rules it enables run
    // beside the WCAG tags.
    const results = await axeFor(page).options({ resultTypes: ['violations'], ...WITH_LANDMARK_RULES }).withTags(WCAG22AA).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`)).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    // Nor anything kept in the browser: counting visits (src/reach/) needs none of it.
    const kept = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      caches: 'caches' in self ? (await caches.keys()).length : 0,
      cookie: document.cookie,
    }));
    expect(kept).toEqual({ local: 0, session: 0, databases: 0, caches: 0, cookie: '' });
    // Nothing makes the page scroll sideways on a small phone (WCAG 1.4.10 Reflow, which is judged at
    // 320 CSS pixels: a 390 px phone hid a long web address that widened a list at 320). The crawl opens
    // pages at a desktop width, where a wide table or a long address fits, so open it again at 320 px
    // (a page narrowed after it was laid out keeps the desktop width of parts off screen: content-visibility),
    // and measure it once its scripts, which can add to it, have run.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 320, height: 700 });
    await phone.goto(path);
    await heldScriptsRun(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 320 px').toBeLessThanOrEqual(320);
    await requests.answered();
    // Last, so that they cover all both pages did while the test looked at them.
    expect(await blocked(page)).toEqual([]);
    expect(await blocked(phone)).toEqual([]);
    expect(foreign).toEqual([]);
    await phone.close();
  });
}

// A campaign takes effect on its dates with nobody rebuilding: the same build, served by the Node
// server on the day before a campaign's start, on its first day and the day after its end (SITE_DATE
// pretends the day), shows it as not public, current, then past: its page, short link, sitemap entry,
// the campaigns page and the home page in every language (a partnership on `npm start` has no
// nightly rebuild). Pages rendered on demand keep within the page budgets.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, stopServer } from '../../scripts/lib/server.ts';
import { BUDGET, pageWeight } from '../support/budget.ts';
import { builtSchedule, dayAfter, dayBefore, homeCampaigns as listed, homePaths, linksOf, PREVIEW_KEY } from '../support/campaigns.ts';

const schedule = builtSchedule();
// The campaign that starts last, with a short link; its day before, first day and day after its end.
const [id, days] = Object.entries(schedule.campaigns).sort(([, a], [, b]) => b.start.localeCompare(a.start))[0] ?? [];
const link = id ? linksOf(schedule, id)[0] : undefined;
const dates = days ? { before: dayBefore(days.start), first: days.start, after: days.end ? dayAfter(days.end) : undefined } : undefined;
const PORTS = { before: 4381, first: 4382, after: 4383 } as const;

const servers: ChildProcess[] = [];
const base = (when: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[when]}`;
const get = (when: keyof typeof PORTS, path: string) => fetch(`${base(when)}${path}`, { redirect: 'manual' });
const text = async (when: keyof typeof PORTS, path: string) => (await get(when, path)).text();
const HOMES = homePaths();

describe.skipIf(!dates)('a campaign on its dates, one build', () => {
  beforeAll(async () => {
    for (const when of ['before', 'first', 'after'] as const) {
      const date = dates![when];
      if (!date) continue;
      const dir = mkdtempSync(join(tmpdir(), 'dates-'));
      servers.push(await startServer(PORTS[when], { SITE_DATE: date, CAMPAIGN_PREVIEW_KEY: PREVIEW_KEY, REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'r.key') }));
    }
  }, 60_000);
  afterAll(() => Promise.all(servers.map(stopServer)));

  test('before its first day: no page, no short link, no sitemap entry, not on the campaigns or home page', async () => {
    const page = await get('before', `/campaigns/${id}/`);
    expect(page.status).toBe(404);
    // The site's own 404 page, with that page's policy (its scripts' hashes), not the campaign's.
    const body = await page.text();
    expect(body).toContain('Page not found');
    expect(body).not.toContain(`/campaigns/${id}/`);
    expect(page.headers.get('content-security-policy')).toBe((await get('before', '/no-such-page/')).headers.get('content-security-policy'));
    if (link) expect((await get('before', link.toUpperCase())).status).toBe(404);
    expect(await text('before', '/sitemap-campaigns.xml')).not.toContain(`/campaigns/${id}/`);
    expect(await text('before', '/campaigns/')).not.toContain(`/campaigns/${id}/`);
    expect(HOMES.length).toBeGreaterThan(1);
    for (const home of HOMES) expect(listed(await text('before', home)), home).not.toContain(id);
  });

  test('before its first day an editor previews it with the key, and nobody caches that', async () => {
    const page = await get('before', `/campaigns/${id}/?preview=${PREVIEW_KEY}`);
    expect(page.status).toBe(200);
    const list = await get('before', `/campaigns/?preview=${PREVIEW_KEY}`);
    expect(list.headers.get('cache-control')).toBe('private, no-store');
    const html = await list.text();
    expect(html).toMatch(new RegExp(`Starting soon[\\s\\S]*/campaigns/${id}/\\?preview=${PREVIEW_KEY}`));
    expect(html).toContain('noindex');
    expect((await get('before', `/campaigns/${id}/?preview=not-the-key-at-all`)).status).toBe(404);
    // The pack, to check and print before the first day: linked for editors, and only with the key.
    const pack = `/campaigns/${id}/${id}-campaign-pack.zip`;
    expect(html).toContain(`href="${pack}?preview=${PREVIEW_KEY}"`);
    const zip = await get('before', `${pack}?preview=${PREVIEW_KEY}`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect((await get('before', pack)).status).toBe(404);
  });

  test('on its first day: page, short link in any case, sitemap, campaigns page and home page', async () => {
    expect((await get('first', `/campaigns/${id}/`)).status).toBe(200);
    if (link) {
      const short = await get('first', link.toUpperCase());
      expect(short.status).toBe(302);
      expect(short.headers.get('location')).toBe(`/campaigns/${id}/`);
    }
    expect(await text('first', '/sitemap-campaigns.xml')).toContain(`/campaigns/${id}/`);
    expect(await text('first', '/campaigns/')).toMatch(new RegExp(`Running now[\\s\\S]*/campaigns/${id}/[\\s\\S]*(Past campaigns|</main>)`));
    expect((await get('first', '/campaigns/')).headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    for (const home of HOMES) {
      const page = await get('first', home);
      expect(listed(await page.text()), home).toContain(id);
      expect(page.headers.get('cache-control'), home).toBe('public, max-age=300, must-revalidate');
    }
  });

  test.skipIf(!dates?.after)('the day after its end: a past campaign, still public, off the home page in every language', async () => {
    expect((await get('after', `/campaigns/${id}/`)).status).toBe(200);
    for (const home of HOMES) expect(listed(await text('after', home)), home).not.toContain(id);
    expect(await text('after', '/campaigns/')).toMatch(new RegExp(`Past campaigns[\\s\\S]*/campaigns/${id}/`));
    expect(await text('after', '/sitemap-campaigns.xml')).toContain(`/campaigns/${id}/`);
  });

  test('the pages rendered on demand keep within the page budgets', async () => {
    for (const path of ['/campaigns/', ...HOMES]) {
      const weight = pageWeight(await text('first', path));
      expect(weight.html, `${path} HTML`).toBeLessThanOrEqual(BUDGET.html);
      expect(weight.css, `${path} CSS`).toBeLessThanOrEqual(BUDGET.css);
      expect(weight.js, `${path} JS`).toBeLessThanOrEqual(BUDGET.js);
    }
  });
});

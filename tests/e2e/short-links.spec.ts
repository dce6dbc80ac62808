// Every campaign's short links, and each with every source code in its file, lead to the campaign
// on both targets from its first day: in any case, with or without a slash, temporarily (302 for
// GET, 307 for other methods) and never cached, so each time a poster is scanned it reaches the site
// to be counted. Before its first day they lead nowhere, except for an editor's preview.
import { expect, test } from '@playwright/test';
import { builtSchedule, CLOUDFLARE_SITE_DATE, PREVIEW_KEY, statuses } from '../support/campaigns.ts';

const schedule = builtSchedule();

for (const [link, { campaign: id, sources }] of Object.entries(schedule.links)) {
  const target = `/campaigns/${id}/`;
  const anyCase = link.replace(/[a-z]/gi, (c, i: number) => (i % 2 ? c.toUpperCase() : c.toLowerCase()));
  const paths = [link, link.toUpperCase(), anyCase, `${link}/`, ...sources.flatMap((code) => [`${link}/${code}`, `${anyCase}/${code.toUpperCase()}/`]), `${link}/not-a-source`];
  test(`${link} in any case, and with its sources, leads to ${target} from its first day`, async ({ request }) => {
    // The Worker under test pretends it is the day before the last campaign starts.
    const today = test.info().project.name === 'cloudflare' ? CLOUDFLARE_SITE_DATE : undefined;
    if (statuses(schedule, today)[id] === 'upcoming') {
      for (const path of paths) expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
      expect((await request.get(target)).status()).toBe(404);
      const preview = await request.get(`${paths.at(-2)}?preview=${PREVIEW_KEY}`, { maxRedirects: 0 });
      expect(preview.status()).toBe(302);
      expect(preview.headers().location).toBe(`${target}?preview=${PREVIEW_KEY}`);
      expect(preview.headers()['cache-control']).toContain('no-store');
      return;
    }
    for (const path of paths) {
      const get = await request.get(path, { maxRedirects: 0 });
      expect(get.status(), path).toBe(302);
      expect(new URL(get.headers().location!, 'http://x').pathname).toBe(target);
      expect(get.headers()['cache-control']).toBe('no-store');
      const post = await request.fetch(path, { method: 'POST', maxRedirects: 0 });
      expect(post.status(), path).toBe(307);
    }
  });
}

test('a path that is not a short link is not redirected', async ({ request }) => {
  expect((await request.get('/seethesigns/poster/more', { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get('/parents/', { maxRedirects: 0 })).status()).toBe(200);
});

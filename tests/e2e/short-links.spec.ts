// Every campaign's short links redirect permanently (301 for GET, 308 for other methods), in any
// case, from the campaign's first day; before it they lead nowhere, except for an editor's preview.
import { expect, test } from '@playwright/test';
import { builtSchedule, PREVIEW_KEY, statuses } from '../support/campaigns.ts';

const schedule = builtSchedule();
const status = statuses(schedule);

for (const [link, id] of Object.entries(schedule.shortLinks)) {
  const target = `/campaigns/${id}/`;
  const shouted = link.toUpperCase();
  if (status[id] === 'upcoming') {
    test(`${link} leads nowhere until ${id} starts, except for an editor's preview`, async ({ request }) => {
      expect((await request.get(link, { maxRedirects: 0 })).status()).toBe(404);
      expect((await request.get(target)).status()).toBe(404);
      const preview = await request.get(`${link}?preview=${PREVIEW_KEY}`, { maxRedirects: 0 });
      expect(preview.status()).toBe(301);
      expect(preview.headers().location).toBe(`${target}?preview=${PREVIEW_KEY}`);
    });
  } else {
    test(`${link} and ${shouted} redirect permanently to ${target}`, async ({ request }) => {
      for (const path of [link, shouted]) {
        const get = await request.get(path, { maxRedirects: 0 });
        expect(get.status()).toBe(301);
        expect(new URL(get.headers().location!, 'http://x').pathname).toBe(target);
        const post = await request.fetch(path, { method: 'POST', maxRedirects: 0 });
        expect(post.status()).toBe(308);
      }
    });
  }
}

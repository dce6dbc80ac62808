// Every campaign's short links redirect permanently (301 for GET, 308 for other methods), whatever
// the case they are typed in from a poster, on both targets, from the campaign's first day; before
// it they lead nowhere, except for an editor's preview.
import { expect, test } from '@playwright/test';
import { builtSchedule, CLOUDFLARE_SITE_DATE, PREVIEW_KEY, statuses } from '../support/campaigns.ts';

const schedule = builtSchedule();

for (const [link, id] of Object.entries(schedule.shortLinks)) {
  const target = `/campaigns/${id}/`;
  const anyCase = link.replace(/[a-z]/gi, (c, i: number) => (i % 2 ? c.toUpperCase() : c.toLowerCase()));
  const forms = [link, link.toUpperCase(), anyCase, `${link}/`];
  test(`${forms.join(', ')} lead to ${target} from its first day`, async ({ request }) => {
    // The Worker under test pretends it is the day before the last campaign starts.
    const today = test.info().project.name === 'cloudflare' ? CLOUDFLARE_SITE_DATE : undefined;
    if (statuses(schedule, today)[id] === 'upcoming') {
      for (const path of forms) expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
      expect((await request.get(target)).status()).toBe(404);
      const preview = await request.get(`${link.toUpperCase()}?preview=${PREVIEW_KEY}`, { maxRedirects: 0 });
      expect(preview.status()).toBe(301);
      expect(preview.headers().location).toBe(`${target}?preview=${PREVIEW_KEY}`);
      return;
    }
    for (const path of forms) {
      const get = await request.get(path, { maxRedirects: 0 });
      expect(get.status(), path).toBe(301);
      expect(new URL(get.headers().location!, 'http://x').pathname).toBe(target);
      // Both servers keep a form's method (308).
      const post = await request.fetch(path, { method: 'POST', maxRedirects: 0 });
      expect(post.status(), path).toBe(308);
    }
  });
}

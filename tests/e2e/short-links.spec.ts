// Every campaign's short links, and each with every source code in its file, lead to the campaign
// on both targets: in any case, with or without a slash, temporarily (302 for GET, 307 for other
// methods) and never cached, so each time a poster is scanned it reaches the site to be counted.
import { expect, test } from '@playwright/test';
import { readMdx } from '../../scripts/lib/content.ts';

for (const campaign of readMdx('campaigns')) {
  const target = `/campaigns/${campaign.file.replace(/^content\/campaigns\//, '').replace(/\.mdx$/, '')}/`;
  const sources = ((campaign.data.sources as { code: string }[] | undefined) ?? []).map((s) => s.code);
  for (const link of (campaign.data.shortLinks as string[] | undefined) ?? []) {
    const anyCase = link.replace(/[a-z]/gi, (c, i: number) => (i % 2 ? c.toUpperCase() : c.toLowerCase()));
    const paths = [link, link.toLowerCase(), link.toUpperCase(), anyCase, `${link}/`, ...sources.flatMap((code) => [`${link}/${code}`, `${anyCase}/${code.toUpperCase()}/`]), `${link}/not-a-source`];
    test(`${link} in any case, and with its sources, leads to ${target}`, async ({ request }) => {
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
}

test('a path that is not a short link is not redirected', async ({ request }) => {
  expect((await request.get('/seethesigns/poster/more', { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get('/parents/', { maxRedirects: 0 })).status()).toBe(200);
});

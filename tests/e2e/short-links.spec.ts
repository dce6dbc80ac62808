// Every campaign's short links redirect permanently (301 for GET, 308 for other methods), whatever
// the case they are typed in from a poster.
import { expect, test } from '@playwright/test';
import { readMdx } from '../support/content.ts';

for (const campaign of readMdx('campaigns')) {
  const target = `/campaigns/${campaign.file.replace(/^content\/campaigns\//, '').replace(/\.mdx$/, '')}/`;
  for (const link of (campaign.data.shortLinks as string[] | undefined) ?? []) {
    const anyCase = link.replace(/[a-z]/gi, (c, i: number) => (i % 2 ? c.toUpperCase() : c.toLowerCase()));
    test(`${link}, ${link.toLowerCase()}, ${link.toUpperCase()} and ${anyCase} redirect permanently to ${target}`, async ({ request }) => {
      for (const path of [link, link.toLowerCase(), link.toUpperCase(), anyCase, `${link}/`]) {
        const get = await request.get(path, { maxRedirects: 0 });
        expect(get.status()).toBe(301);
        expect(new URL(get.headers().location!, 'http://x').pathname).toBe(target);
        const post = await request.fetch(path, { method: 'POST', maxRedirects: 0 });
        expect(post.status()).toBe(308);
      }
    });
  }
}

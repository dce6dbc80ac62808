// Every campaign's short links redirect permanently (301 for GET, 308 for other methods).
import { expect, test } from '@playwright/test';
import { readMdx } from '../../scripts/lib/content.ts';

for (const campaign of readMdx('campaigns')) {
  const target = `/campaigns/${campaign.file.replace(/^content\/campaigns\//, '').replace(/\.mdx$/, '')}/`;
  for (const link of (campaign.data.shortLinks as string[] | undefined) ?? []) {
    test(`${link} and ${link.toLowerCase()} redirect permanently to ${target}`, async ({ request }) => {
      for (const path of [link, link.toLowerCase()]) {
        const get = await request.get(path, { maxRedirects: 0 });
        expect(get.status()).toBe(301);
        expect(new URL(get.headers().location!, 'http://x').pathname).toBe(target);
        const post = await request.fetch(path, { method: 'POST', maxRedirects: 0 });
        expect(post.status()).toBe(308);
      }
    });
  }
}

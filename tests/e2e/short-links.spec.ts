// Every campaign's short links redirect permanently (301 for GET, 308 for other methods on Node),
// whatever the case they are typed in from a poster, on both targets.
import { expect, test } from '@playwright/test';
import { readMdx } from '../../scripts/lib/content.ts';

for (const campaign of readMdx('campaigns')) {
  const target = `/campaigns/${campaign.file.replace(/^content\/campaigns\//, '').replace(/\.mdx$/, '')}/`;
  for (const link of (campaign.data.shortLinks as string[] | undefined) ?? []) {
    const anyCase = link.replace(/[a-z]/gi, (c, i: number) => (i % 2 ? c.toUpperCase() : c.toLowerCase()));
    test(`${link}, ${link.toLowerCase()}, ${link.toUpperCase()} and ${anyCase} redirect permanently to ${target}`, async ({ request }) => {
      for (const path of [link, link.toLowerCase(), link.toUpperCase(), anyCase, `${link}/`]) {
        const get = await request.get(path, { maxRedirects: 0 });
        expect(get.status()).toBe(301);
        expect(new URL(get.headers().location!, 'http://x').pathname).toBe(target);
        // The Node server keeps a form's method (308); Cloudflare's static redirects answer every
        // method with 301 (the Worker, for other cases, with 308).
        const post = await request.fetch(path, { method: 'POST', maxRedirects: 0 });
        expect(test.info().project.name === 'cloudflare' ? [301, 308] : [308]).toContain(post.status());
      }
    });
  }
}

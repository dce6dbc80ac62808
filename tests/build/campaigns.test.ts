// The built campaign pages show the share text as written, hashtag included (YAML would have cut a
// hashtag after " #" as a comment: the content reader now refuses that, and this checks the page).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readMdx } from '../support/content.ts';


describe('campaign share text', () => {
  for (const campaign of readMdx('campaigns')) {
    const id = campaign.file.replace(/^content\/campaigns\//, '').replace(/\.mdx$/, '');
    test(`${id}: the page shows the share text whole, with its hashtag`, () => {
      const html = readFileSync(`dist/client/campaigns/${id}/index.html`, 'utf8');
      const shareText = String(campaign.data.shareText);
      const quoted = html.match(/<blockquote[^>]*>([^<]*)<\/blockquote>/)?.[1]?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      expect(quoted).toBe(shareText);
      if (campaign.data.hashtag) expect(quoted).toContain(String(campaign.data.hashtag));
    });
  }
});

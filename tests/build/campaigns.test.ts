// The built campaign pages show the share text as written, hashtag included (YAML would have cut a
// hashtag after " #" as a comment: the content reader now refuses that, and this checks the page).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { readMdx } from '../../scripts/lib/content.ts';


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

describe('posters and icons are made by the build from the content', () => {
  const partnership = loadPartnership('content/partnership.yaml');

  for (const campaign of readMdx('campaigns')) {
    const id = campaign.file.replace(/^content\/campaigns\//, '').replace(/\.mdx$/, '');
    test(`${id}: an accessible A4 PDF poster and a PNG, offered on the page with their sizes`, async () => {
      const html = readFileSync(`dist/client/campaigns/${id}/index.html`, 'utf8');
      expect(html).toMatch(new RegExp(`<a href="/campaigns/${id}/poster-a4\\.pdf" download[^>]*>A4 poster to print \\(PDF\\), \\d+ KB</a>`));
      expect(html).toMatch(new RegExp(`<img src="/campaigns/${id}/poster-a4\\.png" alt="An A4 poster[^"]*${String(campaign.data.title).replace(/[?']/g, '.')}`));
      const pdf = await getDocument({ data: new Uint8Array(readFileSync(`dist/client/campaigns/${id}/poster-a4.pdf`)) }).promise;
      expect(pdf.numPages).toBe(1);
      const { info } = (await pdf.getMetadata()) as unknown as { info: { Title: string; Language?: string } };
      expect(info.Title).toBe(`${campaign.data.title} – ${partnership.name}`);
      const tree = await (await pdf.getPage(1)).getStructTree();
      expect(JSON.stringify(tree)).toContain('"role":"H1"');
      const text = (await (await pdf.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
      expect(text).toContain(String(campaign.data.title));
      expect(text).toContain(new URL(partnership.siteUrl).host);
      const png = readFileSync(`dist/client/campaigns/${id}/poster-a4.png`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(1240);
    });
  }

  test('the favicon is in the brand colour, and the phone icon is a 180-pixel PNG', () => {
    expect(readFileSync('dist/client/favicon.svg', 'utf8')).toContain(`fill="${partnership.brandColour}"`);
    const icon = readFileSync('dist/client/apple-touch-icon.png');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([180, 180]);
  });
});

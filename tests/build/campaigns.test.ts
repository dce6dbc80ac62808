// The built campaign pages show the share text as written, hashtag included (YAML would have cut a
// hashtag after " #" as a comment: the content reader now refuses that, and this checks the page).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import jsQR from 'jsqr';
// Astro's own image library, used here only to read a PNG's pixels for the QR reader.
import sharp from 'sharp';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { faviconSvg, iconPng, TAB_ICON_PX } from '../../src/lib/favicon.ts';
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

  for (const campaign of readMdx('campaigns')) {
    const id = campaign.file.replace(/^content\/campaigns\//, '').replace(/\.mdx$/, '');
    const dir = `dist/client/campaigns/${id}`;
    const shortLink = (campaign.data.shortLinks as string[] | undefined)?.[0];
    // With a source coded "poster" in the file, the posters carry it, so the reach page counts them apart.
    const onPosters = shortLink && (campaign.data.sources as { code: string }[] | undefined)?.some((s) => s.code === 'poster') ? `${shortLink}/poster` : shortLink;
    const link = new URL(onPosters ?? `/campaigns/${id}/`, partnership.siteUrl).href;

    test(`${id}: the posters' QR codes open the campaign's short link (with the poster's source code)`, async () => {
      for (const poster of ['poster-a4.png', 'poster-a3.png']) {
        const { data, info } = await sharp(readFileSync(`${dir}/${poster}`)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
        expect(jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data, poster).toBe(link);
      }
      // In the PDF the code is a figure with its text alternative.
      const pdf = await getDocument({ data: new Uint8Array(readFileSync(`${dir}/poster-a3.pdf`)) }).promise;
      const page = await pdf.getPage(1);
      expect(page.view.map(Math.round)).toEqual([0, 0, 842, 1191]);
      expect(JSON.stringify(await page.getStructTree())).toMatch(/"role":"Figure","children":\[[^\]]*\],"alt":"QR code: opens [^"]+"/);
      expect((await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('')).toContain(`${new URL(partnership.siteUrl).host}${onPosters ?? `/campaigns/${id}/`}`);
      // Reading two full-size posters' pixels and a PDF took 5.2 s at load 25 on a shared 2-core
      // machine (1-2 s when quiet): vitest's default 5 s is not what this test is about.
    }, 30_000);

    test(`${id}: share pictures in the sizes social media use, with the link preview in the page's head`, async () => {
      for (const [name, width, height] of [['share-1200x630.png', 1200, 630], ['share-square-1080.png', 1080, 1080], ['share-story-1080x1920.png', 1080, 1920], ['poster-a3.png', 1754, 2480]] as const) {
        const png = readFileSync(`${dir}/${name}`);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], name).toEqual([width, height]);
      }
      const html = readFileSync(`${dir}/index.html`, 'utf8');
      expect(html).toContain(`<meta property="og:image" content="${new URL(`/campaigns/${id}/share-1200x630.png`, partnership.siteUrl).href}">`);
      expect(html).toMatch(new RegExp(`<meta property="og:image:alt" content="A picture [^"]*${String(campaign.data.title).replace(/[?']/g, '.')}`));
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
      // Its size, so that Facebook draws it the first time the link is shared.
      expect(html).toContain('<meta property="og:image:width" content="1200"> <meta property="og:image:height" content="630">');
    });

    test(`${id}: one download holds the whole pack, with each picture's description`, () => {
      const html = readFileSync(`${dir}/index.html`, 'utf8');
      expect(html).toMatch(new RegExp(`<a href="/campaigns/${id}/${id}-campaign-pack\\.zip" download[^>]*>Download the whole pack \\(ZIP, [\\d.]+ [KM]B\\)</a>`));
      const files = unzipSync(new Uint8Array(readFileSync(`${dir}/${id}-campaign-pack.zip`)));
      const names = ['poster-a4.pdf', 'poster-a4.png', 'poster-a3.pdf', 'poster-a3.png', 'share-1200x630.png', 'share-square-1080.png', 'share-story-1080x1920.png'];
      expect(Object.keys(files).sort()).toEqual([...names, 'read-me.txt'].sort());
      for (const name of names) expect(Buffer.from(files[name]!).equals(readFileSync(`${dir}/${name}`)), name).toBe(true);
      const note = strFromU8(files['read-me.txt']!);
      expect(note).toContain(String(campaign.data.shareText));
      expect(note).toContain(link);
      expect(note.match(/It reads: /g)).toHaveLength(names.length);
      // Each picture's description is offered under its own name: a screen reader moving from one
      // "Its description…" to the next hears which picture it is.
      const summaries = [...html.matchAll(/<summary[^>]*>(Its description[\s\S]*?)<\/summary>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
      expect(summaries.length).toBe(3);
      expect(new Set(summaries).size, summaries.join(' | ')).toBe(3);
    });
  }

  test('every other page is shared with the site\'s own picture, described', () => {
    const png = readFileSync('dist/client/share.png');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    for (const page of ['about/index.html', 'help/index.html', '404.html']) {
      const html = readFileSync(`dist/client/${page}`, 'utf8');
      expect(html, page).toContain(`<meta property="og:image" content="${new URL('/share.png', partnership.siteUrl).href}">`);
      expect(html, page).toContain(`<meta property="og:image:alt" content="${partnership.name}: `);
      expect(html, page).toContain('<meta name="twitter:card" content="summary_large_image">');
      // The same picture on every page is known by its address once fetched: no size repeated.
      expect(html, page).not.toContain('og:image:width');
    }
  });

  test('the tab icon is drawn in the brand colour, and the phone icon is a 180-pixel PNG', () => {
    expect(faviconSvg(partnership.brandColour)).toContain(`fill="${partnership.brandColour}"`);
    const tab = readFileSync('dist/client/favicon.png');
    expect(tab.equals(iconPng(partnership.brandColour, TAB_ICON_PX))).toBe(true);
    expect([tab.readUInt32BE(16), tab.readUInt32BE(20)]).toEqual([TAB_ICON_PX, TAB_ICON_PX]);
    const icon = readFileSync('dist/client/apple-touch-icon.png');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([180, 180]);
  });
});

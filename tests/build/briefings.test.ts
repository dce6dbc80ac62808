// Staff who meet the public: each workplace's page shows every sign with its source, and its staff
// briefing is made at build (no browser) into a one-page A4 PDF whose numbers match the site's.
import { existsSync, readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from 'vitest';
import { readMdx } from '../../scripts/lib/content.ts';

const sectors = readMdx('sectors').map((s) => ({ id: s.file.replace(/^content\/sectors\/|\.mdx$/g, ''), data: s.data as { signs: { noticed: string; source: string }[]; report: unknown[] } }));
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

test('there are workplaces for hotels, taxis, rail and bus, banks, landlords, security and shops', () => {
  expect(sectors.map((s) => s.id).sort()).toEqual(['banks', 'hotels', 'landlords', 'rail-and-bus', 'security', 'shops-and-fast-food', 'taxis']);
});

for (const { id, data } of sectors) {
  test(`/businesses/${id}/ shows every sign with a link to its source`, () => {
    const html = readFileSync(`dist/client/businesses/${id}/index.html`, 'utf8');
    for (const sign of data.signs) {
      const at = html.indexOf(escape(sign.noticed));
      expect(at, sign.noticed).toBeGreaterThan(-1);
      expect(html.slice(at, html.indexOf('</li>', at)), sign.noticed).toContain(`href="${sign.source}"`);
    }
    expect(html).toContain(`href="/businesses/${id}/briefing.pdf"`);
  });

  test(`the ${id} briefing is one A4 page, with a tappable number for every way to report`, async () => {
    const html = readFileSync(`dist/client/businesses/${id}/briefing/index.html`, 'utf8');
    const numbers = [...html.matchAll(/class="briefing-number"[^>]*href="((?:tel|sms):\d+)"|href="((?:tel|sms):\d+)"[^>]*class="briefing-number"/g)].map((m) => m[1] ?? m[2]);
    expect(numbers.length).toBe(data.report.length);

    // The PDF, made by the build without a browser: one A4 page with the page's signs and a link
    // on each number, so a phone's PDF reader can call it.
    const file = `dist/client/businesses/${id}/briefing.pdf`;
    expect(existsSync(file), file).toBe(true);
    const bytes = new Uint8Array(readFileSync(file));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise;
    expect(pdf.numPages).toBe(1);
    const page = await pdf.getPage(1);
    // A4 is 595 by 842 points.
    expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/\s+/g, ' ');
    for (const sign of data.signs) expect(text, sign.noticed).toContain(sign.noticed.replace(/\s+/g, ' '));
    // pdf.js keeps only addresses it would open itself in `url` (not sms:); `unsafeUrl` is the raw one.
    const links = (await page.getAnnotations()).map((a: { unsafeUrl?: string }) => a.unsafeUrl).filter(Boolean);
    expect(links).toEqual(numbers);
  });
}

// Staff who meet the public: each workplace's page shows every sign with its source, and its staff
// briefing is printed at build to a one-page A4 PDF whose numbers match the site's.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readMdx } from '../../scripts/lib/content.ts';

const sectors = readMdx('sectors').map((s) => ({ id: s.file.replace(/^content\/sectors\/|\.mdx$/g, ''), data: s.data as { signs: { noticed: string; source: string }[]; report: unknown[] } }));
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

/** The pages in a PDF, from its page tree; a PDF of several pages has several /Type /Page objects. */
function pdfPages(file: string): number {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

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

  test(`the ${id} briefing is one A4 page, with a tappable number for every way to report`, () => {
    const html = readFileSync(`dist/client/businesses/${id}/briefing/index.html`, 'utf8');
    const numbers = [...html.matchAll(/class="briefing-number"[^>]*href="(tel|sms):(\d+)"|href="(tel|sms):(\d+)"[^>]*class="briefing-number"/g)];
    expect(numbers.length).toBe(data.report.length);
    const pdf = `dist/client/businesses/${id}/briefing.pdf`;
    expect(existsSync(pdf), pdf).toBe(true);
    expect(pdfPages(pdf)).toBe(1);
    // A4 is 595 by 842 points.
    const box = readFileSync(pdf).toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    expect(Math.round(Number(box?.[1]))).toBe(595);
    expect(Math.round(Number(box?.[2]))).toBe(842);
  });
}

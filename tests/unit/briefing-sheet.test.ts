// The staff briefing PDF is made without a browser (src/lib/print/derived.ts). A full briefing (as
// docs/editing.md describes: seven one-line signs, five steps, four numbers) prints on one A4 sheet,
// and anything longer stops the build naming the file, never printing a second sheet a staff room
// would lose.
import { describe, expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { sectorBriefing } from '../../src/lib/print/derived.ts';
import { pdfPageCount } from '../../src/lib/print/pdf.ts';
import { SectorSchema, type Sector } from '../../src/schemas/sector.ts';

const partnership = loadPartnership('content/partnership.yaml');
const words = (n: number) => 'Wide words such as Mmmm Wwww and Hhhh fill a line the most '.repeat(5).slice(0, n).trim();
const routes = (n: number) => Array.from({ length: n }, (_, i) => ({ name: words(30), when: words(45), action: 'call' as const, number: `0800 555 11${i}`, hours: '', demo: true }));

function sector(signs: number, actions: number, size: { sign: number; action: number; routes: number }): Sector {
  return SectorSchema.parse({
    title: words(40), staff: words(40), description: words(150), order: 1,
    signs: Array.from({ length: signs }, () => ({ noticed: words(size.sign), why: words(60), source: 'https://example.org/' })),
    actions: Array.from({ length: actions }, () => words(size.action)),
    report: Array.from({ length: size.routes }, () => ({ contact: 'police', when: words(45) })),
    checked: '2026-11-22', checkedAgainst: 'saved-copy',
  });
}

describe('staff briefing PDF', () => {
  test('a full briefing prints on one A4 page', async () => {
    const bytes = await sectorBriefing('full', sector(7, 5, { sign: 95, action: 90, routes: 4 }), routes(4), partnership).bytes();
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(1);
  });

  test('a briefing that would need a second sheet stops the build, naming its file', async () => {
    const long = sector(8, 6, { sign: 140, action: 120, routes: 5 });
    await expect(sectorBriefing('too-long', long, routes(5), partnership).bytes()).rejects.toThrow(/content\/sectors\/too-long\.mdx: its staff briefing prints on [2-9] pages, not one\. Shorten/);
  });
});

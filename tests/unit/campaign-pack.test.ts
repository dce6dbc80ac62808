// A campaign's printed words speak to its audience: a poster for pupils does not speak to parents,
// and each prints the helpline for its readers, its number from the service's own file.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { loadMarkdownFile } from '../../src/lib/content-files.ts';
import { campaignPack, POSTER_SERVICES, type PosterServices } from '../../src/lib/print/campaign-pack.ts';
import { checkData } from '../../src/lib/plain-errors.ts';
import { CampaignSchema, type Campaign } from '../../src/schemas/campaign.ts';
import { AUDIENCES, type Audience } from '../../src/schemas/common.ts';
import { ServiceSchema } from '../../src/schemas/service.ts';

const partnership = loadPartnership('content/partnership.yaml');
const services: PosterServices = Object.fromEntries(POSTER_SERVICES.map((id) => [id, loadMarkdownFile(join('content/services', `${id}.md`), ServiceSchema).data]));
const campaign = (audiences: Audience[], more: Record<string, unknown> = {}): Campaign => CampaignSchema.parse({
  title: 'Safer Summer',
  tagline: 'Long days, new friends.',
  description: 'A summer campaign about exploitation during the school holidays.',
  audiences,
  start: '2027-07-15',
  shortLinks: ['/SaferSummer'],
  shareText: 'Summer is when exploiters look for new recruits. Know the signs.',
  ...more,
});
/** Every word on the A4 poster, from its text alternative. */
const posterWords = (audiences: Audience[]) => campaignPack('safer-summer', campaign(audiences), partnership, services)[0]!.alt;
const number = (id: keyof PosterServices) => services[id]!.channels.find((c) => c.type === 'phone')!.value;

describe('a poster speaks to its campaign’s first audience', () => {
  test('for young people: not to parents; Childline, free, and where to find help', () => {
    const words = posterWords(['young-person']);
    expect(words).not.toMatch(/your child|parent|a child you know/i);
    expect(words).toContain('It is not your fault');
    expect(words).toContain(`Talk to Childline, free, day or night. You don’t have to give your name: ${number('childline')}`);
    expect(words).toContain('If you are in danger now');
  });

  test('for parents: about their child, with the NSPCC helpline', () => {
    const words = posterWords(['parent', 'community']);
    expect(words).toContain('Worried about your child');
    expect(words).toContain(number('nspcc-helpline'));
    expect(words).not.toContain('It is not your fault');
  });

  test('for professionals: their procedures, and the partnership’s children’s services line', () => {
    const words = posterWords(['professional']);
    expect(words).toContain('safeguarding procedures');
    expect(words).toContain(partnership.contacts.find((c) => c.key === 'children')!.number);
  });

  test('a campaign’s own poster words replace the usual ones for its audience, and nothing else', () => {
    const own = 'Seen a younger child at the station alone, late at night, more than once? You do not need proof.';
    const pack = campaignPack('safer-summer', campaign(['community'], { posterWords: own }), partnership, services);
    expect(pack[0]!.alt).toContain(own);
    expect(pack[0]!.alt).not.toContain('about a neighbour’s home');
    expect(pack[0]!.alt.replace(own, '')).toBe(posterWords(['community']).replace('Worried about a child, or about a neighbour’s home? You do not need proof.', ''));
    expect(checkData(CampaignSchema, { ...campaign(['community']), start: '2027-07-15', posterWords: 'x'.repeat(201) })).toMatchObject({ success: false, mistakes: [{ message: expect.stringMatching(/^is too long: .*200.*Poster words/) }] });
  });

  test('posters carry the short link with the poster source code when the campaign lists it, share pictures the plain link', () => {
    const host = new URL(partnership.siteUrl).host;
    const pack = campaignPack('safer-summer', campaign(['community'], { sources: [{ code: 'poster', label: 'The A4 poster' }] }), partnership, services);
    expect(pack[0]!.alt).toContain(`QR code: opens ${host}/SaferSummer/poster`);
    expect(pack.find((f) => f.file.endsWith('share-square-1080.png'))!.alt).toContain(`${host}/SaferSummer `.trim());
    expect(pack.find((f) => f.file.endsWith('share-square-1080.png'))!.alt).not.toContain('/SaferSummer/poster');
  });

  test('every audience reads different words, each with the QR code’s address and 999', () => {
    const all = AUDIENCES.map((a) => posterWords([a]));
    expect(new Set(all).size).toBe(AUDIENCES.length);
    for (const words of all) {
      expect(words).toContain('QR code: opens seethesigns.example.org/SaferSummer'.replace('seethesigns.example.org', new URL(partnership.siteUrl).host));
      expect(words).toContain(partnership.contacts.find((c) => c.key === 'emergency')!.number);
    }
  });

  test('the pack: A4 and A3 posters, three share pictures and one ZIP, each with a description', () => {
    const pack = campaignPack('safer-summer', campaign(['community']), partnership, services);
    expect(pack.map((f) => f.file.split('/').at(-1))).toEqual(['poster-a4.pdf', 'poster-a4.png', 'poster-a3.pdf', 'poster-a3.png', 'share-1200x630.png', 'share-square-1080.png', 'share-story-1080x1920.png', 'safer-summer-campaign-pack.zip']);
    for (const file of pack) expect(file.alt.length, file.file).toBeGreaterThan(40);
  });
});

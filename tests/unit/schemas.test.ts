import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { CampaignSchema } from '../../src/schemas/campaign.ts';
import { campaignStatus } from '../../src/lib/campaign-schedule.ts';
import { COLLECTIONS, SETTINGS, TRANSLATIONS } from '../../src/schemas/collections.ts';
import { DateSchema, SourcedSchema, telHref } from '../../src/schemas/common.ts';
import { contactFor, PartnershipSchema } from '../../src/schemas/partnership.ts';
import { ServiceSchema } from '../../src/schemas/service.ts';
import { SignSchema } from '../../src/schemas/sign.ts';
import { checkData, didYouMean, fieldName, formatMistakes } from '../../src/lib/plain-errors.ts';

const partnership = loadPartnership('content/partnership.yaml');

describe('partnership settings', () => {
  test('the partnership file loads; demo numbers are from Ofcom’s drama ranges', () => {
    for (const contact of partnership.contacts.filter((c) => c.demo)) {
      // Ofcom's drama ranges: 01632 960xxx and 07700 900xxx.
      expect(contact.number).toMatch(/^(01632 960\d{3}|07700 900\d{3})$/);
    }
    expect(contactFor(partnership, 'emergency').number).toBe('999');
  });

  test('a mistake names the file, the line and the field, and says how to fix it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partnership-'));
    const file = join(dir, 'partnership.yaml');
    writeFileSync(file, 'name: X Partnership\nshortName: XP\narea: Xtown\nsiteUrl: not a url\nbrandColour: blue\nsiteEmail: a@example.org\ncontacts: []\n');
    expect(() => loadPartnership(file)).toThrow(/partnership\.yaml has 5 mistakes:\s+line 4, siteUrl: must be the full address of the site, starting https:\/\/\.\s+line 5, brandColour: must be written as #rrggbb, in quotes: "#005ea5"\.\s+line 7, contacts: needs at least 1 entry\.[\s\S]*\n  reportsRead: is missing: add it\. \(When reports are read: /);
  });

  test('contacts must include the lines every page relies on, out of hours among them', () => {
    for (const missing of ['police', 'out-of-hours']) {
      const result = PartnershipSchema.safeParse({ ...partnership, contacts: partnership.contacts.filter((c) => c.key !== missing) });
      expect(result.success, missing).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('emergency, police, children, out-of-hours');
    }
  });

  test('the partnership must say when reports are read', () => {
    const { reportsRead: _, ...rest } = partnership;
    const result = PartnershipSchema.safeParse(rest);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['reportsRead']);
  });
});

const sourced = { source: 'https://example.org/', checked: '2026-11-21', checkedAgainst: 'saved-copy' };
const privacy = { anonymous: true, sharing: 'passed-to-police', statement: 'They never ask your name, and pass what you say on to the police.', ...sourced };

describe('content schemas', () => {
  const campaign = {
    title: 'See the Signs', tagline: 'Know the signs', description: 'A campaign description long enough to pass.',
    audiences: ['parent'], start: '2026-01-01', end: '2026-02-01', shareText: 'Share this campaign now', shortLinks: ['/SeeTheSigns'],
  };

  test('a campaign is current only inside its window', () => {
    const parsed = CampaignSchema.parse(campaign);
    expect(campaignStatus(parsed, '2025-12-31')).toBe('upcoming');
    expect(campaignStatus(parsed, '2026-01-01')).toBe('current');
    expect(campaignStatus(parsed, '2026-02-01')).toBe('current');
    expect(campaignStatus(parsed, '2026-02-02')).toBe('ended');
    expect(campaignStatus({ ...parsed, end: undefined }, '2030-01-01')).toBe('current');
  });

  test('a campaign that ends before it starts is refused at the end field', () => {
    const result = CampaignSchema.safeParse({ ...campaign, end: '2025-01-01' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['end']);
  });

  test('short links and hashtags must be in the form the site can serve', () => {
    const result = CampaignSchema.safeParse({ ...campaign, shortLinks: ['SeeTheSigns'], hashtag: 'See the signs' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['hashtag', 'shortLinks.0']);
  });

  test('short-link sources have codes of their own, in plain words, and need a short link', () => {
    const poster = { code: 'poster', label: 'A4 poster (QR code)' };
    expect(CampaignSchema.parse({ ...campaign, sources: [poster] }).sources).toEqual([poster]);
    expect(CampaignSchema.parse(campaign).sources).toEqual([]);
    const messages = (input: object) => CampaignSchema.safeParse({ ...campaign, ...input }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages({ sources: [{ code: 'QR Poster', label: 'Poster' }] })).toEqual(['sources.0.code: a source code is lower-case letters, digits or hyphens, at most 30, like poster or facebook-may']);
    expect(messages({ sources: [poster, { ...poster, label: 'Another poster' }] })).toEqual(['sources: two sources have the same code: give each place its own code']);
    expect(messages({ shortLinks: [], sources: [poster] })).toEqual(['sources: sources need a short link to be added to: add one under shortLinks, like [/SeeTheSigns]']);
    expect(messages({ sources: [{ code: 'poster' }] })?.[0]).toMatch(/^sources\.0\.label: /);
  });

  test('a sign needs an audience from the list', () => {
    const result = SignSchema.safeParse({ id: 'x', noticed: 'Something odd', why: 'Because it matters', audiences: ['teacher'], category: 'money', source: 'https://example.org/' });
    expect(result.error?.issues[0]?.path).toEqual(['audiences', 0]);
  });

  test('a service phone line must be written as digits and spaces, with times as HH:MM', () => {
    const base = { name: 'Xa', organisation: 'Ya', description: 'A description long enough to pass the check.', audiences: ['parent'], needs: ['family'], area: 'national', privacy, ...sourced };
    const bad = ServiceSchema.safeParse({ ...base, channels: [{ type: 'phone', value: '0800-1111', hours: { weekly: [{ days: ['mon'], opens: '9am', closes: '17:00' }] } }] });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['channels.0.hours.weekly.0.opens', 'channels.0.value']);
    expect(ServiceSchema.safeParse({ ...base, channels: [{ type: 'phone', value: '0800 1111', hours: { alwaysOpen: true } }] }).success).toBe(true);
  });
});

describe('dates are YYYY-MM-DD, never guessed', () => {
  test('a YAML date and a YYYY-MM-DD string are the same day, at midnight UTC', () => {
    expect(DateSchema.parse(new Date('2026-12-01T00:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(DateSchema.parse('2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  test('01/12/2026 is refused, with the date it probably means written the right way', () => {
    const result = checkData(SourcedSchema, { ...sourced, checked: '01/12/2026' });
    expect(result.success).toBe(false);
    expect(!result.success && result.mistakes).toEqual([{ path: ['checked'], message: '"01/12/2026" is not written as YYYY-MM-DD (year, month, day). If you mean 1 December 2026, write 2026-12-01.' }]);
  });

  test('words and impossible days are refused', () => {
    for (const bad of ['last week', '2026-02-30', '2026-13-01', '']) expect(DateSchema.safeParse(bad).success, bad).toBe(false);
  });
});

/** Every object schema reachable from a schema, as its JSON Schema says (what the editor will use). */
function objectsIn(node: unknown, at = ''): { at: string; node: Record<string, unknown> }[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  // A map from ids to entries (a YAML mapping such as the glossary) takes any key: its entries are
  // what must be strict and described.
  const map = n.type === 'object' && !n.properties && typeof n.additionalProperties === 'object';
  const here = n.type === 'object' && !map ? [{ at, node: n }] : [];
  return [
    ...here,
    ...(map ? objectsIn(n.additionalProperties, `${at}.*`) : []),
    ...Object.entries((n.properties ?? {}) as Record<string, unknown>).flatMap(([k, v]) => objectsIn(v, `${at}.${k}`)),
    ...objectsIn(n.items, `${at}[]`),
    ...((n.anyOf ?? n.oneOf ?? []) as unknown[]).flatMap((v, i) => objectsIn(v, `${at}|${i}`)),
  ];
}

const everySchema = [...Object.entries(COLLECTIONS), ...Object.entries(SETTINGS), ...Object.entries(TRANSLATIONS)].map(([name, c]) => ({ name, schema: c.schema }));
const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

describe('every content schema is strict and described, for editors and the content editor', () => {
  for (const { name, schema } of everySchema) {
    test(`${name}: every object refuses unknown fields`, () => {
      const objects = objectsIn(jsonSchema(schema));
      expect(objects.length).toBeGreaterThan(0);
      for (const { at, node } of objects) expect(node.additionalProperties, `${name}${at}`).toBe(false);
    });

    test(`${name}: every field has a label and a hint`, () => {
      for (const { at, node } of objectsIn(jsonSchema(schema))) {
        for (const [key, field] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
          expect(field.label, `${name}${at}.${key}: label`).toMatch(/\w/);
          expect(field.hint, `${name}${at}.${key}: hint`).toMatch(/\w.*\.$/);
        }
      }
    });
  }

  test('a misspelt field is named, with the field it was probably meant to be', () => {
    const result = checkData(CampaignSchema, { ...CampaignSchema.parse({ title: 'Xxx', tagline: 'Yyy', description: 'A description long enough.', audiences: ['parent'], start: '2026-01-01', shareText: 'Share this now' }), hashtg: '#X', shortlinks: ['/x'] });
    expect(!result.success && result.mistakes.map((m) => `${fieldName(m.path)}: ${m.message}`)).toEqual([
      'hashtg: there is no field called "hashtg". Did you mean "hashtag"? Correct the spelling (capital letters matter).',
      'shortlinks: there is no field called "shortlinks". Did you mean "shortLinks"? Correct the spelling (capital letters matter).',
    ]);
  });

  test('zod’s own words are replaced by plain ones built from the field’s label and hint', () => {
    const result = checkData(CampaignSchema, { title: 'X', tagline: 'Yyy', description: 'A description long enough.', audiences: [], start: '2026-01-01' });
    expect(!result.success && result.mistakes.map((m) => `${fieldName(m.path)}: ${m.message}`)).toEqual([
      'title: is too short: write at least 3 characters. (Campaign name: The page heading and the big words on the poster.)',
      expect.stringMatching(/^audiences: needs at least 1 entry\. \(Who it is for: /),
      expect.stringMatching(/^shareText: is missing: add it\. \(Share text: /),
    ]);
  });

  test('list positions are counted from 1, as people count', () => {
    expect(fieldName(['channels', 0, 'hours', 'weekly', 1, 'opens'])).toBe('channels → 1st → hours → weekly → 2nd → opens');
    expect(formatMistakes('content/x.yaml', [{ path: ['a'], message: 'is wrong.', line: 3 }])).toBe('content/x.yaml has a mistake:\n  line 3, a: is wrong.');
  });

  test('"did you mean" suggests only near misses', () => {
    expect(didYouMean('parents', ['parent', 'business'])).toBe('parent');
    expect(didYouMean('colour', ['id', 'title'])).toBeUndefined();
  });

  test('checked must be a date, and say what it was checked against', () => {
    const result = checkData(SourcedSchema, { source: 'https://example.org/', checked: 'last week', checkedAgainst: 'memory' });
    expect(!result.success && result.mistakes.map((m) => `${fieldName(m.path)}: ${m.message}`)).toEqual([
      'checked: "last week" is not a date written as YYYY-MM-DD (year, month, day), e.g. 2027-01-31.',
      'checkedAgainst: must be live-page (you opened the page on the web that day) or saved-copy (you read a stored copy).',
    ]);
    expect(SourcedSchema.safeParse({ source: 'https://example.org/', checked: '2026-11-21' }).error?.issues[0]?.path).toEqual(['checkedAgainst']);
    expect(SourcedSchema.safeParse(sourced).success).toBe(true);
  });

  test('a service must say what happens to what you tell it, in words, with its own source', () => {
    const base = { name: 'Xa', organisation: 'Ya', description: 'A description long enough to pass the check.', audiences: ['parent'], needs: ['family'], area: 'national', channels: [{ type: 'website', value: 'https://example.org/' }], ...sourced };
    const missing = ServiceSchema.safeParse(base);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['privacy']);
    const wrong = checkData(ServiceSchema, { ...base, privacy: { anonymous: 'yes', sharing: 'confidential', statement: 'Private.' } });
    expect(!wrong.success && wrong.mistakes.map((m) => `${fieldName(m.path)}: ${m.message}`)).toEqual([
      'privacy → anonymous: must be true (you need not give your name) or false (you may be asked it).',
      'privacy → sharing: must be one of: police, passed-to-police, may-be-passed-on, private-unless-danger, not-confirmed.',
      'privacy → statement: is too short to say what the service does with what you tell it.',
      expect.stringMatching(/^privacy → source: is missing: add it\. \(Checked against: /),
      expect.stringMatching(/^privacy → checked: is missing: add it\./),
      expect.stringMatching(/^privacy → checkedAgainst: /),
    ]);
    expect(ServiceSchema.safeParse({ ...base, privacy }).success).toBe(true);
  });
});

describe('helpers', () => {
  test('telHref strips spaces', () => expect(telHref('0800 555 111')).toBe('tel:0800555111'));
});

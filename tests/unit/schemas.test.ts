import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { CampaignSchema, isCurrent } from '../../src/schemas/campaign.ts';
import { SourcedSchema, telHref } from '../../src/schemas/common.ts';
import { contactFor, PartnershipSchema } from '../../src/schemas/partnership.ts';
import { ServiceSchema } from '../../src/schemas/service.ts';
import { SignSchema } from '../../src/schemas/sign.ts';
import { formatIssues } from '../../src/lib/format-issues.ts';

const demo = loadPartnership('content/partnership.yaml');

describe('partnership settings', () => {
  test('the demo partnership loads, is marked demo, and uses only reserved local numbers', () => {
    expect(demo.name).toBe('Anytown Safeguarding Partnership');
    expect(demo.demo).toBe(true);
    for (const contact of demo.contacts.filter((c) => c.demo)) {
      // Ofcom's drama ranges: 01632 960000–960999 and 07700 900000–900999.
      expect(contact.number).toMatch(/^(01632 960\d{3}|07700 900\d{3})$/);
    }
    expect(contactFor(demo, 'emergency').number).toBe('999');
  });

  test('a mistake names the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partnership-'));
    const file = join(dir, 'partnership.yaml');
    writeFileSync(file, 'name: X Partnership\nshortName: XP\narea: Xtown\nsiteUrl: not a url\nbrandColour: blue\nsiteEmail: a@example.org\ncontacts: []\n');
    expect(() => loadPartnership(file)).toThrowError(/partnership\.yaml has 4 mistakes:[\s\S]*siteUrl: siteUrl must be the full address[\s\S]*brandColour: brandColour must be written as #rrggbb[\s\S]*contacts:/);
  });

  test('contacts must include the lines every page relies on', () => {
    const result = PartnershipSchema.safeParse({ ...demo, contacts: demo.contacts.filter((c) => c.key !== 'police') });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('emergency, police, children');
  });
});

describe('content schemas', () => {
  const campaign = {
    title: 'See the Signs', tagline: 'Know the signs', description: 'A campaign description long enough to pass.',
    audiences: ['parent'], start: '2026-01-01', end: '2026-02-01', shareText: 'Share this campaign now', shortLinks: ['/SeeTheSigns'],
  };

  test('a campaign is current only inside its window', () => {
    const parsed = CampaignSchema.parse(campaign);
    expect(isCurrent(parsed, new Date('2025-12-31'))).toBe(false);
    expect(isCurrent(parsed, new Date('2026-01-15'))).toBe(true);
    expect(isCurrent(parsed, new Date('2026-02-02'))).toBe(false);
    expect(isCurrent({ ...parsed, end: undefined }, new Date('2030-01-01'))).toBe(true);
  });

  test('a campaign that ends before it starts is refused at the end field', () => {
    const result = CampaignSchema.safeParse({ ...campaign, end: '2025-01-01' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['end']);
  });

  test('short links and hashtags must be in the form the site can serve', () => {
    const result = CampaignSchema.safeParse({ ...campaign, shortLinks: ['SeeTheSigns'], hashtag: 'See the signs' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['hashtag', 'shortLinks.0']);
  });

  test('a sign needs an audience from the list', () => {
    const result = SignSchema.safeParse({ id: 'x', noticed: 'Something odd', why: 'Because it matters', audiences: ['teacher'], category: 'money', source: 'https://example.org/' });
    expect(result.error?.issues[0]?.path).toEqual(['audiences', 0]);
  });

  test('a service phone line must be written as digits and spaces, with times as HH:MM', () => {
    const base = { name: 'Xa', organisation: 'Ya', description: 'A description long enough to pass the check.', audiences: ['parent'], needs: ['family'], area: 'national', anonymous: true, confidential: true, source: 'https://example.org/', checked: '2026-11-21' };
    const bad = ServiceSchema.safeParse({ ...base, channels: [{ type: 'phone', value: '0800-1111', hours: { weekly: [{ days: ['mon'], opens: '9am', closes: '17:00' }] } }] });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['channels.0.hours.weekly.0.opens', 'channels.0.value']);
    expect(ServiceSchema.safeParse({ ...base, channels: [{ type: 'phone', value: '0800 1111', hours: { alwaysOpen: true } }] }).success).toBe(true);
  });

  test('checked must be a date', () => {
    const result = SourcedSchema.safeParse({ source: 'https://example.org/', checked: 'last week' });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['checked: checked must be a date written as YYYY-MM-DD']);
    expect(SourcedSchema.safeParse({ source: 'https://example.org/', checked: '2026-11-21' }).success).toBe(true);
  });
});

describe('helpers', () => {
  test('telHref strips spaces', () => expect(telHref('0800 555 111')).toBe('tel:0800555111'));
  test('formatIssues reads like a sentence', () => {
    expect(formatIssues('content/x.yaml', [{ path: ['a', 0], message: 'is wrong' }])).toBe('content/x.yaml has a mistake:\n  a.0: is wrong');
  });
});

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
    expect(() => loadPartnership(file)).toThrowError(/partnership\.yaml has 5 mistakes:[\s\S]*siteUrl: siteUrl must be the full address[\s\S]*brandColour: brandColour must be written as #rrggbb[\s\S]*contacts:[\s\S]*reportsRead:/);
  });

  test('contacts must include the lines every page relies on, out of hours among them', () => {
    for (const missing of ['police', 'out-of-hours']) {
      const result = PartnershipSchema.safeParse({ ...demo, contacts: demo.contacts.filter((c) => c.key !== missing) });
      expect(result.success, missing).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('emergency, police, children, out-of-hours');
    }
  });

  test('the partnership must say when reports are read', () => {
    const { reportsRead: _, ...rest } = demo;
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
    const base = { name: 'Xa', organisation: 'Ya', description: 'A description long enough to pass the check.', audiences: ['parent'], needs: ['family'], area: 'national', privacy, ...sourced };
    const bad = ServiceSchema.safeParse({ ...base, channels: [{ type: 'phone', value: '0800-1111', hours: { weekly: [{ days: ['mon'], opens: '9am', closes: '17:00' }] } }] });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['channels.0.hours.weekly.0.opens', 'channels.0.value']);
    expect(ServiceSchema.safeParse({ ...base, channels: [{ type: 'phone', value: '0800 1111', hours: { alwaysOpen: true } }] }).success).toBe(true);
  });

  test('checked must be a date, and say what it was checked against', () => {
    const result = SourcedSchema.safeParse({ source: 'https://example.org/', checked: 'last week', checkedAgainst: 'memory' });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'checked: checked must be a date written as YYYY-MM-DD',
      'checkedAgainst: checkedAgainst must be live-page (you opened the page on the web that day) or saved-copy (you read a stored copy)',
    ]);
    expect(SourcedSchema.safeParse({ source: 'https://example.org/', checked: '2026-11-21' }).error?.issues[0]?.path).toEqual(['checkedAgainst']);
    expect(SourcedSchema.safeParse(sourced).success).toBe(true);
  });

  test('a service must say what happens to what you tell it, in words, with its own source', () => {
    const base = { name: 'Xa', organisation: 'Ya', description: 'A description long enough to pass the check.', audiences: ['parent'], needs: ['family'], area: 'national', channels: [{ type: 'website', value: 'https://example.org/' }], ...sourced };
    const missing = ServiceSchema.safeParse(base);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['privacy']);
    const wrong = ServiceSchema.safeParse({ ...base, privacy: { anonymous: 'yes', sharing: 'confidential', statement: 'Private.' } });
    expect(wrong.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'privacy.anonymous: privacy.anonymous must be true (you need not give your name) or false (you may be asked it)',
      'privacy.sharing: privacy.sharing must be one of: police, passed-to-police, may-be-passed-on, private-unless-danger, not-confirmed',
      'privacy.statement: privacy.statement is too short to say what the service does with what you tell it',
      'privacy.source: source must be the full web address (https://…) of the page you checked',
      'privacy.checked: checked must be a date written as YYYY-MM-DD',
      'privacy.checkedAgainst: checkedAgainst must be live-page (you opened the page on the web that day) or saved-copy (you read a stored copy)',
    ]);
    expect(ServiceSchema.safeParse({ ...base, privacy }).success).toBe(true);
  });
});

describe('helpers', () => {
  test('telHref strips spaces', () => expect(telHref('0800 555 111')).toBe('tel:0800555111'));
  test('formatIssues reads like a sentence', () => {
    expect(formatIssues('content/x.yaml', [{ path: ['a', 0], message: 'is wrong' }])).toBe('content/x.yaml has a mistake:\n  a.0: is wrong');
  });
});

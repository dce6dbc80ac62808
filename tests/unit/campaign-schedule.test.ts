// Campaign dates, decided per request: the UK day (across the clock changes), each campaign's
// status, and the gate both servers apply to campaign pages, downloads and short links.
import { describe, expect, test } from 'vitest';
import { campaignGate, campaignStatus, groupCampaigns, isPreviewKey, siteToday, ukDay, type CampaignSchedule } from '../../src/lib/campaign-schedule.ts';
import { readCampaignSchedule } from '../../src/integrations/campaign-schedule.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('the UK day', () => {
  test('midnight in London, in winter (GMT) and in summer (BST)', () => {
    expect(ukDay(new Date('2026-11-30T23:59:59Z'))).toBe('2026-11-30');
    expect(ukDay(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12-01');
    // 23:30 UTC on 14 July is 00:30 on 15 July in London.
    expect(ukDay(new Date('2027-07-14T23:30:00Z'))).toBe('2027-07-15');
    expect(ukDay(new Date('2027-07-14T22:59:00Z'))).toBe('2027-07-14');
  });

  test('SITE_DATE stands in for today when set', () => {
    expect(siteToday('2027-07-15', new Date('2020-01-01T12:00:00Z'))).toBe('2027-07-15');
    expect(siteToday(undefined, new Date('2027-07-14T23:30:00Z'))).toBe('2027-07-15');
  });
});

describe('a campaign’s status', () => {
  const festive = { start: day('2026-12-01'), end: day('2027-01-06') };
  test.each([
    ['2026-11-30', 'upcoming'],
    ['2026-12-01', 'current'],
    ['2027-01-06', 'current'],
    ['2027-01-07', 'ended'],
  ] as const)('on %s it is %s', (today, status) => {
    expect(campaignStatus(festive, today)).toBe(status);
  });

  test('one with no end runs on', () => expect(campaignStatus({ start: day('2026-01-01') }, '2040-01-01')).toBe('current'));

  test('the campaigns page lists current newest first, upcoming soonest first, past latest first', () => {
    const c = (id: string, start: string, end?: string) => ({ id, data: { start: day(start), end: end ? day(end) : undefined } });
    const groups = groupCampaigns([c('a', '2026-01-01'), c('b', '2026-06-01', '2026-12-31'), c('c', '2027-03-01'), c('d', '2027-02-01'), c('e', '2025-01-01', '2025-02-01'), c('f', '2025-03-01', '2025-06-01')], '2027-01-15');
    expect(groups.current.map((x) => x.id)).toEqual(['a']);
    expect(groups.upcoming.map((x) => x.id)).toEqual(['d', 'c']);
    expect(groups.past.map((x) => x.id)).toEqual(['b', 'f', 'e']);
  });
});

describe('the gate both servers apply', () => {
  const schedule: CampaignSchedule = {
    campaigns: { festive: { start: '2026-12-01', end: '2027-01-06' }, always: { start: '2026-01-01' } },
    links: { '/mules': { campaign: 'festive', sources: ['poster'] }, '/seethesigns': { campaign: 'always', sources: [] } },
  };
  const KEY = 'editors-preview-key-123';
  const gate = (path: string, today: string) => campaignGate(schedule, new URL(path, 'https://site.example'), today, KEY);

  test('before its first day: page, downloads and short links (with a source, in any case) are not public', () => {
    for (const path of ['/campaigns/festive/', '/campaigns/festive', '/campaigns/festive/poster-a4.pdf', '/mules', '/MULES/', '/Mules', '/mules/poster', '/MULES/Poster/', '/mules/other']) {
      expect(gate(path, '2026-11-30'), path).toEqual({ kind: 'not-public' });
    }
  });

  test('from its first day the page and short links pass (the front answers and counts the links)', () => {
    for (const path of ['/campaigns/festive/', '/MULES', '/mules/poster']) expect(gate(path, '2026-12-01'), path).toEqual({ kind: 'pass' });
  });

  test('after its last day it stays public (past campaigns), short links included', () => {
    expect(gate('/campaigns/festive/', '2030-01-01')).toEqual({ kind: 'pass' });
    expect(gate('/mules', '2030-01-01')).toEqual({ kind: 'pass' });
  });

  test('an editor with the preview key sees it early; a wrong or missing key does not', () => {
    expect(gate(`/campaigns/festive/?preview=${KEY}`, '2026-11-01')).toEqual({ kind: 'pass' });
    expect(gate(`/Mules/Poster?preview=${KEY}`, '2026-11-01')).toEqual({ kind: 'preview-link', location: `/campaigns/festive/?preview=${KEY}` });
    expect(gate('/campaigns/festive/?preview=editors-preview-key-124', '2026-11-01')).toEqual({ kind: 'not-public' });
    expect(campaignGate(schedule, new URL('https://s.example/campaigns/festive/?preview='), '2026-11-01', undefined)).toEqual({ kind: 'not-public' });
    expect(isPreviewKey(undefined, '')).toBe(false);
    expect(isPreviewKey(KEY, KEY.slice(0, -1))).toBe(false);
  });

  test('everything else passes', () => {
    for (const path of ['/', '/campaigns/', '/campaigns/unknown/', '/parents/', '/mulesx', '/mules/poster/more']) expect(gate(path, '2026-11-30'), path).toEqual({ kind: 'pass' });
  });
});

describe('the schedule the build writes', () => {
  test('is read from the campaigns’ files: days, and short links in lower case with their source codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaigns-'));
    writeFileSync(join(dir, 'summer.mdx'), '\uFEFF---\ntitle: Summer\nstart: 2027-07-15\nend: 2027-09-05\nshortLinks: [/SaferSummer]\nsources:\n  - { code: poster, label: A4 poster }\n---\n\nBody.\n');
    writeFileSync(join(dir, 'broken.mdx'), '---\ntitle: [unclosed\n---\n');
    expect(readCampaignSchedule(dir)).toEqual({ campaigns: { summer: { start: '2027-07-15', end: '2027-09-05' } }, links: { '/safersummer': { campaign: 'summer', sources: ['poster'] } } });
  });

  test('two campaigns cannot share a short link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaigns-'));
    writeFileSync(join(dir, 'a.mdx'), '---\nstart: 2027-01-01\nshortLinks: [/Same]\n---\n');
    writeFileSync(join(dir, 'b.mdx'), '---\nstart: 2027-01-01\nshortLinks: [/same]\n---\n');
    expect(() => readCampaignSchedule(dir)).toThrow(/b\.mdx: shortLinks: \/same is already used by content\/campaigns\/a\.mdx/);
  });
});

// Reach: what counts as a visit, from the request alone; the name a page is counted under; short
// links by source; UK days across the clock changes; the counter's batching; reports and their
// "How did you hear" answers counted a day late, apart from the report; the small-number rule on
// the reach page and its CSV.
import { describe, expect, test } from 'vitest';
import { ReachCounter } from '../../src/reach/counter.ts';
import { ReachCounts, type CountRow, type MonthRow } from '../../src/reach/counts.ts';
import { DayClock, startOfUkDay, ukDay } from '../../src/reach/day.ts';
import { ReachFront } from '../../src/reach/front.ts';
import { heardAnswer } from '../../src/reach/heard.ts';
import { shortLink, type CampaignLinks } from '../../src/reach/links.ts';
import { reachCsv, reachMonths, type ReachCampaign } from '../../src/reach/summary.ts';
import { isVisit, pageSubject } from '../../src/reach/visit.ts';
import { runDeliveryAndRetention } from '../../src/report/delivery.ts';
import { routerFor, tempPipeline, tokenFrom } from '../support/pipeline.ts';

const NAVIGATION = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none', 'sec-fetch-user': '?1' };
const reader = (headers: Record<string, string>) => (name: string) => headers[name];

describe('a visit, told from the request alone', () => {
  test('is a browser navigating to a page', () => {
    expect(isVisit('GET', reader(NAVIGATION))).toBe(true);
    expect(isVisit('HEAD', reader(NAVIGATION))).toBe(false);
    expect(isVisit('POST', reader(NAVIGATION))).toBe(false);
  });

  test('is not a script, a crawler or a link preview, which send no Sec-Fetch headers, nor a page in a frame or a fetch', () => {
    expect(isVisit('GET', reader({}))).toBe(false);
    expect(isVisit('GET', reader({ ...NAVIGATION, 'sec-fetch-dest': 'iframe' }))).toBe(false);
    expect(isVisit('GET', reader({ ...NAVIGATION, 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }))).toBe(false);
  });

  test('is not a prefetch or prerender, in any browser\'s words', () => {
    for (const extra of [{ 'sec-purpose': 'prefetch' }, { 'sec-purpose': 'prefetch;prerender' }, { purpose: 'prefetch' }, { 'x-purpose': 'preview' }, { 'x-moz': 'prefetch' }]) {
      expect(isVisit('GET', reader({ ...NAVIGATION, ...extra }))).toBe(false);
    }
  });
});

describe('the name a page is counted under', () => {
  test('is its path, one form per page, without the query', () => {
    expect(pageSubject('/parents')).toBe('/parents/');
    expect(pageSubject('/parents/')).toBe('/parents/');
    expect(pageSubject('/parents/index.html')).toBe('/parents/');
    expect(pageSubject('//parents//')).toBe('/parents/');
    expect(pageSubject('/')).toBe('/');
    expect(pageSubject('/cy/parents')).toBe('/cy/parents/');
    expect(pageSubject('/reach.csv')).toBe('/reach.csv');
    expect(pageSubject('/caf%C3%A9/')).toBe('/café/');
  });

  test('is nothing for a path not worth a row', () => {
    expect(pageSubject('/%E0%A4%A')).toBeUndefined();
    expect(pageSubject(`/${'a'.repeat(300)}/`)).toBeUndefined();
    expect(pageSubject('/a%0Ab/')).toBeUndefined();
  });
});

describe('short links', () => {
  const links: CampaignLinks = { '/seethesigns': { campaign: 'see-the-signs', sources: ['poster', 'facebook'] } };

  test('lead to the campaign, counted by source, in any case, with or without a slash', () => {
    expect(shortLink(links, 'GET', '/SeeTheSigns')).toEqual({ status: 302, location: '/campaigns/see-the-signs/', subject: '/seethesigns' });
    expect(shortLink(links, 'GET', '/SEETHESIGNS/Poster/')).toEqual({ status: 302, location: '/campaigns/see-the-signs/', subject: '/seethesigns/poster' });
    expect(shortLink(links, 'HEAD', '/seethesigns/facebook')?.subject).toBe('/seethesigns/facebook');
    expect(shortLink(links, 'POST', '/seethesigns')?.status).toBe(307);
  });

  test('with a source code the file does not list still lead there, counted under the link alone', () => {
    expect(shortLink(links, 'GET', '/seethesigns/tiktok')).toMatchObject({ location: '/campaigns/see-the-signs/', subject: '/seethesigns' });
  });

  test('are only the links in the campaign files', () => {
    expect(shortLink(links, 'GET', '/parents/')).toBeUndefined();
    expect(shortLink(links, 'GET', '/seethesigns/poster/extra')).toBeUndefined();
    expect(shortLink(links, 'GET', '/')).toBeUndefined();
    expect(shortLink(links, 'GET', '/constructor')).toBeUndefined();
  });

  test('count an arrival only when a person followed one', () => {
    const counter = new ReachCounter();
    const front = new ReachFront(links, counter);
    front.shortLink('GET', '/seethesigns/poster', reader(NAVIGATION));
    front.shortLink('GET', '/seethesigns/poster', reader({ ...NAVIGATION, purpose: 'prefetch' }));
    front.shortLink('GET', '/seethesigns/poster', reader({}));
    expect(counter.size).toBe(1);
    // Counting off: the link still answers.
    expect(new ReachFront(links, undefined).shortLink('GET', '/seethesigns', reader(NAVIGATION))?.status).toBe(302);
  });
});

describe('UK days', () => {
  test('change at midnight in London, in winter and in summer', () => {
    expect(ukDay(Date.parse('2026-01-15T23:59:59Z'))).toBe('2026-01-15');
    expect(ukDay(Date.parse('2026-07-15T22:59:59Z'))).toBe('2026-07-15');
    expect(ukDay(Date.parse('2026-07-15T23:00:00Z'))).toBe('2026-07-16');
    expect(startOfUkDay(Date.parse('2026-07-16T10:00:00Z'))).toBe(Date.parse('2026-07-15T23:00:00Z'));
    expect(startOfUkDay(Date.parse('2026-01-16T10:00:00Z'))).toBe(Date.parse('2026-01-16T00:00:00Z'));
    // The days the clocks change.
    expect(startOfUkDay(Date.parse('2026-03-29T12:00:00Z'))).toBe(Date.parse('2026-03-29T00:00:00Z'));
    expect(startOfUkDay(Date.parse('2026-10-25T12:00:00Z'))).toBe(Date.parse('2026-10-24T23:00:00Z'));
  });

  test('are worked out again as the hour turns, forwards or back', () => {
    const clock = new DayClock();
    expect(clock.at(Date.parse('2026-07-15T22:30:00Z'))).toBe('2026-07-15');
    expect(clock.at(Date.parse('2026-07-15T23:00:00Z'))).toBe('2026-07-16');
    expect(clock.at(Date.parse('2026-07-15T12:00:00Z'))).toBe('2026-07-15');
  });
});

/** A store for the counter that can be made to fail. */
function memoryCounts() {
  const written: CountRow[] = [];
  let failing = false;
  const counts = { add: async (rows: readonly CountRow[]) => { if (failing) throw new Error('disk full'); written.push(...rows.map((r) => ({ ...r }))); } } as unknown as ReachCounts;
  return { counts, written, fail: (on: boolean) => (failing = on) };
}

describe('the counter', () => {
  test('adds up in memory and writes each thing once per write', async () => {
    const counter = new ReachCounter();
    const at = Date.parse('2026-10-05T09:00:00Z');
    for (let i = 0; i < 3; i++) counter.add('view', '/parents/', at);
    counter.add('view', '/parents/', at + 24 * 3600_000);
    counter.add('arrival', '/mules/poster', at);
    const store = memoryCounts();
    await counter.flush(store.counts);
    expect(store.written).toEqual([
      { day: '2026-10-05', kind: 'view', subject: '/parents/', count: 3 },
      { day: '2026-10-06', kind: 'view', subject: '/parents/', count: 1 },
      { day: '2026-10-05', kind: 'arrival', subject: '/mules/poster', count: 1 },
    ]);
    expect(counter.size).toBe(0);
  });

  test('keeps the counts when the store fails, and writes them with the next ones', async () => {
    const counter = new ReachCounter();
    const at = Date.parse('2026-10-05T09:00:00Z');
    const store = memoryCounts();
    counter.add('view', '/', at);
    store.fail(true);
    await expect(counter.flush(store.counts)).rejects.toThrow('disk full');
    counter.add('view', '/', at);
    store.fail(false);
    await counter.flush(store.counts);
    expect(store.written).toEqual([{ day: '2026-10-05', kind: 'view', subject: '/', count: 2 }]);
  });

  test('holds at most 5,000 different things, so a flood of new paths cannot fill the memory', () => {
    const counter = new ReachCounter();
    for (let i = 0; i < 6000; i++) counter.add('view', `/p${i}/`);
    expect(counter.size).toBe(5000);
    counter.add('view', '/p1/');
    expect(counter.size).toBe(5000);
  });
});

describe('reports and "How did you hear"', () => {
  const DAY = 24 * 3600_000;
  const json = (body: unknown) => new Request('http://localhost/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('an answer is a code, and a malformed one is dropped, never an error', () => {
    expect(heardAnswer('see-the-signs')).toBe('see-the-signs');
    expect(heardAnswer('other')).toBe('other');
    for (const bad of ['', 'See The Signs', '<script>', 'a'.repeat(61), 7, null, ['poster']]) expect(heardAnswer(bad)).toBeUndefined();
  });

  test('are counted only after their day is over, all of a day together, and the answer is not kept with the report', async () => {
    const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
    const monday = Date.parse('2026-10-05T10:00:00Z');
    const p = { ...pipeline, now: () => monday };
    const router = routerFor(p);
    const send = async (extra: Record<string, unknown>) => {
      const response = (await router.handle(json({ token: await tokenFrom(p), concern: 'Cars come and go from number 4 all night.', ...extra }), '198.51.100.7')) as Response;
      expect(response.status).toBe(201);
      return (await response.json()) as { reference: string };
    };
    const first = await send({ heard: 'see-the-signs' });
    await send({ heard: 'see-the-signs' });
    await send({ heard: 'other' });
    await send({ heard: 'Not A Code' });
    await send({});
    // A report is never refused for its answer, and the answer is not part of what the team receives.
    const row = (await pipeline.store.get(first.reference))!;
    const { openReport } = await import('../../src/report/crypto.ts');
    expect(JSON.stringify(await openReport(pipeline.keys, row.reference, row.content!, row.contentKey))).not.toContain('see-the-signs');

    const counts = new ReachCounts(pipeline.store.db);
    // The same day: nothing is counted yet.
    expect((await runDeliveryAndRetention(p, undefined, {}, monday + 3600_000)).counted).toBe(0);
    expect(await counts.months('2026-01')).toEqual([]);
    // The next day, the whole of Monday at once.
    expect((await runDeliveryAndRetention(p, undefined, {}, monday + DAY)).counted).toBe(5);
    expect(await counts.months('2026-01')).toEqual<MonthRow[]>([
      { month: '2026-10', kind: 'heard', subject: 'other', count: 1 },
      { month: '2026-10', kind: 'heard', subject: 'see-the-signs', count: 2 },
      { month: '2026-10', kind: 'report', subject: '', count: 5 },
    ]);
    expect(await counts.db.all("SELECT day FROM reach_counts WHERE kind IN ('report', 'heard') GROUP BY day")).toEqual([{ day: '2026-10-05' }]);
    expect(await counts.db.all('SELECT heard FROM reports WHERE heard IS NOT NULL')).toEqual([]);
    // Counted once: the next run adds nothing.
    expect((await runDeliveryAndRetention(p, undefined, {}, monday + 2 * DAY)).counted).toBe(0);
  });

  test('a report sent twice (a retry) is counted once', async () => {
    const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
    const router = routerFor(pipeline);
    const body = { token: await tokenFrom(pipeline), concern: 'A boy is dropped off at the flats every day.', heard: 'other' };
    for (let i = 0; i < 2; i++) expect(((await router.handle(json(body), '198.51.100.7')) as Response).status).toBe(201);
    await runDeliveryAndRetention(pipeline, undefined, {}, Date.now() + DAY);
    expect((await new ReachCounts(pipeline.store.db).months('2000-01')).map((r) => [r.kind, r.count])).toEqual([['heard', 1], ['report', 1]]);
  });
});

describe('the reach page and its CSV', () => {
  const campaigns: ReachCampaign[] = [{ id: 'see-the-signs', title: 'See the Signs', shortLinks: ['/SeeTheSigns'], sources: [{ code: 'poster', label: 'A4 poster (QR code)' }] }];
  const rows: MonthRow[] = [
    { month: '2026-09', kind: 'view', subject: '/campaigns/see-the-signs/', count: 4 },
    { month: '2026-10', kind: 'view', subject: '/campaigns/see-the-signs/', count: 1234 },
    { month: '2026-10', kind: 'view', subject: '/cy/warning-signs/', count: 5 },
    { month: '2026-10', kind: 'view', subject: '/warning-signs/', count: 2 },
    { month: '2026-10', kind: 'arrival', subject: '/seethesigns/poster', count: 17 },
    { month: '2026-10', kind: 'arrival', subject: '/oldlink', count: 9 },
    { month: '2026-10', kind: 'report', subject: '', count: 3 },
    { month: '2026-10', kind: 'heard', subject: 'see-the-signs', count: 1 },
    { month: '2026-10', kind: 'heard', subject: 'gone-campaign', count: 6 },
  ];
  const months = reachMonths(rows, '2026-01', '2026-11', { campaigns, languages: ['cy'], languageNames: { cy: 'Cymraeg' } });

  test('shows every month from the first counted, newest first, with the same rows each month', () => {
    expect(months.map((m) => m.month)).toEqual(['2026-11', '2026-10', '2026-09']);
    for (const m of months) {
      expect(m.rows.filter((r) => r.section === 'arrivals' && r.key.startsWith('/seethesigns')).map((r) => r.key)).toEqual(['/seethesigns', '/seethesigns/poster']);
      expect(m.rows.filter((r) => r.section === 'heard').map((r) => r.key)).toEqual(['see-the-signs', 'other']);
    }
    const october = months[1]!.rows;
    const find = (section: string, key: string) => october.find((r) => r.section === section && r.key === key);
    expect(find('campaigns', '/campaigns/see-the-signs/')).toMatchObject({ count: 1234, text: '1,234' });
    expect(find('signs', '/cy/warning-signs/')).toMatchObject({ name: 'Warning signs (Cymraeg)', text: '5' });
    expect(find('pages', '')).toMatchObject({ count: 1234 + 5 + 2 });
    expect(find('arrivals', '/seethesigns/poster')).toMatchObject({ group: 'See the Signs', name: 'A4 poster (QR code)', text: '17' });
    expect(find('arrivals', '/oldlink')).toMatchObject({ group: 'Short links no longer in a campaign file', name: '/oldlink', count: 9 });
    // An answer naming no campaign in the files is "another way".
    expect(find('heard', 'other')).toMatchObject({ name: 'Another way', count: 6 });
  });

  test('never shows a count under 5 exactly, on the page or in the CSV', () => {
    const october = months[1]!.rows;
    for (const r of october.filter((x) => x.count < 5)) expect(r.text).toBe('fewer than 5');
    expect(october.find((r) => r.section === 'signs' && r.key === '/warning-signs/')!.text).toBe('fewer than 5');
    expect(october.find((r) => r.section === 'reports')!.text).toBe('fewer than 5');
    const csv = reachCsv(months);
    expect(csv.split('\n')[0]).toBe('month,what,page or source,name,count');
    expect(csv).toContain('2026-10,Campaign pages opened,/campaigns/see-the-signs/,See the Signs,1234');
    expect(csv).toContain('2026-10,Short links followed by source,/seethesigns/poster,See the Signs: A4 poster (QR code),17');
    expect(csv).toContain('2026-10,Reports received,,Reports received,<5');
    expect(csv).toContain('2026-09,Campaign pages opened,/campaigns/see-the-signs/,See the Signs,<5');
    for (const line of csv.trim().split('\n').slice(1)) expect(line).toMatch(/,(<5|[5-9]|\d{2,})$/);
    // The CSV has exactly the page's rows.
    expect(csv.trim().split('\n')).toHaveLength(1 + months.reduce((n, m) => n + m.rows.length, 0));
  });

  test('is empty before anything is counted', () => {
    expect(reachMonths([], '2026-01', '2026-10', { campaigns })).toEqual([]);
  });
});

// One contract for the report store, run against both drivers: SQLite through node:sqlite (the Node
// target) and a real D1 database in workerd, the binding wrangler's getPlatformProxy gives Node from
// wrangler.jsonc (the Cloudflare target). The store's statements are written once; this checks each
// driver runs them the same way.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { getPlatformProxy } from 'wrangler';
import { ReferenceTaken, ReportStore, type NewFollowUp, type NewReport, type SqlDriver } from '../../src/report/store.ts';
import { D1Driver, type D1Like } from '../../src/targets/cloudflare/d1-driver.ts';
import { SqliteDriver } from '../../src/targets/node/sqlite-driver.ts';
import { ReachCounts, type CountRow } from '../../src/reach/counts.ts';

/** The statements of every migration, in order, as wrangler applies them to D1. */
function migrationStatements(): string[] {
  return readdirSync('migrations')
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) =>
      readFileSync(join('migrations', f), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .split(/;\s*(?:\n|$)/)
        .map((s) => s.trim())
        .filter(Boolean),
    );
}

interface Opened {
  /** A driver on an empty store with every migration applied. */
  fresh(): Promise<SqlDriver>;
  close(): Promise<void>;
}

const DRIVERS: [string, () => Promise<Opened>][] = [
  [
    'SQLite (node:sqlite, the Node target)',
    async () => {
      const drivers: SqliteDriver[] = [];
      return {
        fresh: async () => {
          drivers.push(new SqliteDriver(join(mkdtempSync(join(tmpdir(), 'contract-')), 'reports.sqlite'), 'migrations'));
          return drivers.at(-1)!;
        },
        close: async () => drivers.forEach((d) => d.close()),
      };
    },
  ],
  [
    'D1 in workerd (the Cloudflare target)',
    async () => {
      type D1 = D1Like & { batch(statements: unknown[]): Promise<unknown> };
      const { env, dispose } = await getPlatformProxy<{ DB: D1 }>({ configPath: 'wrangler.jsonc', persist: false });
      const db = env.DB;
      await db.batch(migrationStatements().map((sql) => db.prepare(sql)));
      return {
        fresh: async () => {
          await db.batch(['DELETE FROM follow_ups', 'DELETE FROM reports', 'DELETE FROM rate_limits', 'DELETE FROM store_meta', 'DELETE FROM reach_counts'].map((sql) => db.prepare(sql)));
          return new D1Driver(db);
        },
        close: dispose,
      };
    },
  ],
];

const bytes = (...values: number[]) => new Uint8Array(values);
let counter = 0;
function newReport(overrides: Partial<NewReport> = {}): NewReport {
  counter++;
  return {
    reference: `REF${String(counter).padStart(5, '0')}`,
    nonce: `nonce-${counter}-${Math.random()}`,
    receivedAt: 1_000_000 + counter,
    content: bytes(1, 2, 3, counter % 256),
    contentKey: bytes(9, 8, 7),
    followUpWaiting: true,
    nextAttemptAt: 1_000_000,
    urgent: false,
    heard: null,
    ...overrides,
  };
}

function newFollowUp(reference: string, overrides: Partial<NewFollowUp> = {}): NewFollowUp {
  counter++;
  return { reference, nonce: `follow-${counter}-${Math.random()}`, receivedAt: 2_000_000 + counter, content: bytes(4, 4, counter % 256), contentKey: bytes(6, 6), nextAttemptAt: 1_000_000, ...overrides };
}

describe.each(DRIVERS)('the report store on %s', (_name, open) => {
  let opened: Opened;
  let store: ReportStore;
  beforeAll(async () => {
    opened = await open();
  }, 60_000);
  beforeEach(async () => {
    store = new ReportStore(await opened.fresh());
  });
  afterAll(() => opened.close());

  test('stores a report and gives it back, blobs as bytes', async () => {
    const report = newReport();
    expect(await store.insert(report)).toEqual({ reference: report.reference, duplicate: false });
    const row = await store.get(report.reference);
    expect(row).toMatchObject({ reference: report.reference, receivedAt: report.receivedAt, status: 'stored', attempts: 0, nextAttemptAt: 1_000_000, deliveredAt: null, lastError: null });
    expect(row?.content).toBeInstanceOf(Uint8Array);
    expect([...row!.content!]).toEqual([...report.content]);
    expect([...row!.contentKey!]).toEqual([9, 8, 7]);
    expect(await store.get('NOPE-0000')).toBeUndefined();
  });

  test('the same nonce is the same report; a reference in use is refused', async () => {
    const first = newReport();
    await store.insert(first);
    expect(await store.insert(newReport({ nonce: first.nonce }))).toEqual({ reference: first.reference, duplicate: true });
    await expect(store.insert(newReport({ reference: first.reference }))).rejects.toBeInstanceOf(ReferenceTaken);
    expect(await store.list()).toHaveLength(1);
  });

  test('many inserts at once are all kept', async () => {
    const reports = Array.from({ length: 40 }, () => newReport());
    const results = await Promise.all(reports.map((r) => store.insert(r)));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect((await store.list()).map((r) => r.reference)).toEqual(reports.map((r) => r.reference));
  });

  test('counts hits per client per window, and forgets old windows', async () => {
    expect(await store.hit('a', 0)).toBe(1);
    expect(await store.hit('a', 0)).toBe(2);
    expect(await store.hit('b', 0)).toBe(1);
    expect(await store.hit('a', 3600)).toBe(1);
    await store.forgetClients(3600);
    expect(await store.hit('a', 0)).toBe(1);
    expect(await store.hit('a', 3600)).toBe(2);
  });

  test('claims the most pressing due reports first, and each only once until its lease ends', async () => {
    const old = newReport({ nextAttemptAt: 100 });
    const newer = newReport({ nextAttemptAt: 200 });
    const urgent = newReport({ nextAttemptAt: 300, urgent: true });
    const later = newReport({ nextAttemptAt: 5000 });
    const never = newReport({ nextAttemptAt: null });
    for (const r of [old, newer, urgent, later, never]) await store.insert(r);
    const claimed = [];
    for (let i = 0; i < 4; i++) claimed.push(...(await store.claimDue('reports', 1000, 2000, 1)).map((r) => r.reference));
    expect(claimed).toEqual([urgent.reference, old.reference, newer.reference]);
    // After the lease, they are due again; released leases are due at once.
    expect(await store.claimDue('reports', 1500, 2500, 10)).toHaveLength(0);
    expect(await store.claimDue('reports', 2000, 3000, 2)).toHaveLength(2);
    await store.releaseLeases();
    expect(await store.claimDue('reports', 2000, 3000, 10)).toHaveLength(3);
  });

  test('records failures and delivery', async () => {
    const report = newReport();
    await store.insert(report);
    const [claimed] = await store.claimDue('reports', 2_000_000, 3_000_000, 10);
    expect(claimed).toMatchObject({ queue: 'reports', reference: report.reference, nonce: report.nonce, number: null });
    await store.markFailed(claimed!, 4_000_000, `webhook: HTTP 500 ${'x'.repeat(300)}`);
    let row = await store.get(report.reference);
    expect(row).toMatchObject({ status: 'stored', attempts: 1, nextAttemptAt: 4_000_000 });
    expect(row?.lastError).toHaveLength(200);
    // A failed report is free to be claimed when it is next due.
    expect(await store.claimDue('reports', 4_000_000, 5_000_000, 10)).toHaveLength(1);
    await store.markDelivered(claimed!, 4_500_000);
    row = await store.get(report.reference);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, nextAttemptAt: null, deliveredAt: 4_500_000, lastError: null });
    expect(await store.claimDue('reports', 9_000_000, 9_500_000, 10)).toHaveLength(0);
  });

  test('purges only what was delivered before the cut-off, keeping the metadata', async () => {
    const early = newReport({ urgent: true });
    const late = newReport();
    const undelivered = newReport();
    for (const r of [early, late, undelivered]) await store.insert(r);
    await store.markReceived(early.reference, 100);
    await store.markReceived(late.reference, 900);
    expect(await store.purge(500, 1000)).toBe(1);
    expect(await store.get(early.reference)).toMatchObject({ status: 'purged', content: null, contentKey: null, deliveredAt: 100 });
    expect((await store.get(late.reference))?.content).not.toBeNull();
    expect((await store.get(undelivered.reference))?.content).not.toBeNull();
    expect(await store.purge(500, 1000)).toBe(0);
  });

  test('keeps facts about itself, recording each once', async () => {
    expect(await store.readMeta('key_check')).toBeUndefined();
    await store.writeMeta('key_check', 'first');
    await store.writeMeta('key_check', 'second');
    expect(await store.readMeta('key_check')).toBe('first');
    expect(await store.anyWithContent()).toBeUndefined();
    const report = newReport();
    await store.insert(report);
    expect((await store.anyWithContent())?.reference).toBe(report.reference);
  });

  test('numbers a report\'s additions, once each, and gives them back in order', async () => {
    const report = newReport();
    await store.insert(report);
    const first = newFollowUp(report.reference);
    const a = await store.insertFollowUp(first);
    const b = await store.insertFollowUp(newFollowUp(report.reference));
    expect([a.item.number, b.item.number]).toEqual([1, 2]);
    expect(a).toMatchObject({ duplicate: false, item: { queue: 'follow_ups', reference: report.reference, status: 'stored', nonce: first.nonce } });
    expect(await store.insertFollowUp(newFollowUp(report.reference, { nonce: first.nonce }))).toMatchObject({ duplicate: true, item: { number: 1 } });
    const listed = await store.followUpsOf(report.reference);
    expect(listed.map((f) => f.number)).toEqual([1, 2]);
    expect([...listed[0]!.content!]).toEqual([...first.content]);
  });

  test('an addition is delivered only after its report, and purged on the same retention', async () => {
    const report = newReport();
    await store.insert(report);
    await store.insertFollowUp(newFollowUp(report.reference));
    expect(await store.claimDue('follow_ups', 2_000_000, 3_000_000, 10)).toHaveLength(0);
    const [claimedReport] = await store.claimDue('reports', 2_000_000, 3_000_000, 10);
    await store.markDelivered(claimedReport!, 2_100_000);
    const [addition] = await store.claimDue('follow_ups', 2_200_000, 3_000_000, 10);
    expect(addition).toMatchObject({ queue: 'follow_ups', number: 1 });
    await store.markDelivered(addition!, 2_300_000);
    expect(await store.purge(2_200_000, 9_000_000)).toBe(1);
    expect(await store.purge(2_400_000, 9_000_000)).toBe(1);
    expect((await store.followUpsOf(report.reference))[0]).toMatchObject({ status: 'purged', content: null, contentKey: null, deliveredAt: 2_300_000 });
  });

  test('keeps a follow-up code waiting until it is hashed, and forgets both at purge', async () => {
    const report = newReport();
    await store.insert(report);
    expect((await store.unhashedCodes(10)).map((r) => [r.reference, r.followUpWaiting])).toEqual([[report.reference, true]]);
    // Only if the content is still the one the code was read from.
    expect(await store.setCodeHash(report.reference, bytes(7, 7, 7), bytes(1), bytes(0))).toBe(false);
    expect(await store.setCodeHash(report.reference, bytes(7, 7, 7), bytes(1), report.content)).toBe(true);
    expect(await store.unhashedCodes(10)).toEqual([]);
    expect(await store.get(report.reference)).toMatchObject({ followUpWaiting: false, followUpHash: bytes(7, 7, 7), content: bytes(1) });
    await store.replaceFollowUpCode(report.reference, bytes(8));
    expect(await store.get(report.reference)).toMatchObject({ followUpWaiting: true, followUpHash: null, content: bytes(8) });
    await store.markReceived(report.reference, 10);
    await store.purge(20, 30);
    expect(await store.get(report.reference)).toMatchObject({ status: 'purged', followUpWaiting: false, followUpHash: null });
    // A purged report's code cannot come back.
    expect(await store.setCodeHash(report.reference, bytes(9), bytes(1), bytes(8))).toBe(false);
    expect((await store.get(report.reference))?.followUpHash).toBeNull();
  });
});

describe.each(DRIVERS)('the reach counts on %s', (_name, open) => {
  let opened: Opened;
  let counts: ReachCounts;
  let store: ReportStore;
  beforeAll(async () => {
    opened = await open();
  }, 60_000);
  beforeEach(async () => {
    const db = await opened.fresh();
    counts = new ReachCounts(db);
    store = new ReportStore(db);
  });
  afterAll(() => opened.close());

  const row = (day: string, kind: CountRow['kind'], subject: string, count: number): CountRow => ({ day, kind, subject, count });

  test('adds to day totals, and gives back month totals', async () => {
    await counts.add([row('2026-09-30', 'view', '/parents/', 3), row('2026-10-01', 'view', '/parents/', 2), row('2026-10-01', 'arrival', '/seethesigns/poster', 1)]);
    await counts.add([row('2026-10-01', 'view', '/parents/', 5), row('2026-10-31', 'view', '/parents/', 1)]);
    expect(await counts.months('2026-01')).toEqual([
      { month: '2026-09', kind: 'view', subject: '/parents/', count: 3 },
      { month: '2026-10', kind: 'arrival', subject: '/seethesigns/poster', count: 1 },
      { month: '2026-10', kind: 'view', subject: '/parents/', count: 8 },
    ]);
    expect((await counts.months('2026-10')).map((r) => r.month)).toEqual(['2026-10', '2026-10']);
  });

  test('adds many rows at once, past the 100 values a D1 statement takes', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => row('2026-10-02', 'view', `/page-${i}/`, i + 1));
    await counts.add(rows);
    const months = await counts.months('2026-10');
    expect(months).toHaveLength(130);
    expect(months.reduce((sum, r) => sum + r.count, 0)).toBe((130 * 131) / 2);
  });

  test('keeps nothing of a batch that fails part way', async () => {
    await counts.add([row('2026-10-03', 'view', '/a/', 1)]);
    // The second row breaks the table's check (a count must be positive): the first must not stay either.
    await expect(counts.add([row('2026-10-03', 'view', '/a/', 4), row('2026-10-03', 'view', '/b/', 0)])).rejects.toThrow();
    expect(await counts.months('2026-10')).toEqual([{ month: '2026-10', kind: 'view', subject: '/a/', count: 1 }]);
  });

  test('gives the reports not yet counted from before a moment, and counts each once with its answer deleted', async () => {
    const early = newReport({ receivedAt: 1_000, heard: bytes(1, 2, 3) });
    const plain = newReport({ receivedAt: 2_000 });
    const late = newReport({ receivedAt: 9_000, heard: bytes(4) });
    for (const r of [early, plain, late]) await store.insert(r);
    const waiting = await counts.uncountedReports(5_000, 10);
    expect(waiting.map((r) => [r.reference, r.receivedAt, r.heard && [...r.heard]])).toEqual([[early.reference, 1_000, [1, 2, 3]], [plain.reference, 2_000, null]]);
    await counts.countReports([row('1970-01-01', 'report', '', 2), row('1970-01-01', 'heard', 'see-the-signs', 1)], waiting.map((r) => r.id));
    expect(await counts.uncountedReports(5_000, 10)).toEqual([]);
    expect((await counts.uncountedReports(10_000, 10)).map((r) => r.reference)).toEqual([late.reference]);
    expect(await counts.months('1970-01')).toEqual([
      { month: '1970-01', kind: 'heard', subject: 'see-the-signs', count: 1 },
      { month: '1970-01', kind: 'report', subject: '', count: 2 },
    ]);
    // The sealed answer is gone with the counting; the report itself is untouched.
    expect(await counts.db.first('SELECT heard, counted FROM reports WHERE reference = ?', [early.reference])).toEqual({ heard: null, counted: 1 });
    expect([...(await store.get(early.reference))!.content!]).toEqual([...early.content]);
  });
});

// The report store: every SQL statement the pipeline runs, written once, over a small driver that
// each target supplies (node:sqlite on Node, D1 on Cloudflare), on the same migrations/ files.
// The statements are plain SQLite, which D1 speaks. Nothing here is platform-specific.

/** A value SQLite stores: text, an integer, null, or a blob. */
export type SqlValue = string | number | null | Uint8Array;
/** A row as a driver returns it; blobs are always Uint8Array, whatever the platform gave. */
export type SqlRow = Record<string, SqlValue>;

/** A statement and its values, for SqlDriver.batch(). */
export interface SqlStatement {
  sql: string;
  params?: SqlValue[];
}

/** What a target must provide: three ways to run a statement, and a way to make writes durable. */
export interface SqlDriver {
  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /** The first row a statement returns, if any. */
  first(sql: string, params?: SqlValue[]): Promise<SqlRow | undefined>;
  /** Every row a statement returns. */
  all(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
  /**
   * Runs `work` so that its writes are on disk when the promise resolves. The SQLite driver commits
   * concurrent calls together (one fsync for many reports); D1 commits each statement as it runs. On
   * both, each statement is all or nothing, but work must not rely on two writes being one.
   */
  durably<T>(work: (db: SqlDriver) => Promise<T>): Promise<T>;
  /**
   * Runs several statements as one, durably: all of them or none (a transaction in SQLite, one batch
   * in D1). For writes that must not be half done, such as moving counts from one place to another.
   */
  batch(statements: SqlStatement[]): Promise<void>;
  /**
   * After content was deleted: make sure no copy of it is left in the database's files. Resolves
   * false when it could not finish (a busy reader), to be tried again after the next purge.
   */
  scrub(): Promise<boolean>;
}

export type ReportStatus = 'stored' | 'delivered' | 'purged';

/** The two delivery queues: reports, and the additions people make to them. */
export type Queue = 'reports' | 'follow_ups';

/** What both queues hold: sealed content waiting to be delivered, then kept for the retention period. */
export interface QueuedItem {
  queue: Queue;
  /** The row's id within its queue. */
  id: number;
  reference: string;
  /** The form token's one-time nonce: the same form sent again is the same item. */
  nonce: string;
  /** For an addition, its number among the report's additions (1, 2 …); null for a report. */
  number: number | null;
  receivedAt: number;
  status: ReportStatus;
  attempts: number;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  lastError: string | null;
  /** Ciphertext; null once purged. */
  content: Uint8Array | null;
  /** The item's own key, sealed under the master key; null once purged (or for reports stored before there was one). */
  contentKey: Uint8Array | null;
}

/** A report's row: its queue entry, and its follow-up code (sealed in the content until hashed, then only hashed). */
export interface ReportRow extends QueuedItem {
  queue: 'reports';
  /** The code is still sealed inside the content, waiting to be hashed. */
  followUpWaiting: boolean;
  followUpHash: Uint8Array | null;
}

export interface NewReport {
  reference: string;
  /** The form token's one-time nonce: a second submission of the same form is the same report. */
  nonce: string;
  receivedAt: number;
  content: Uint8Array;
  contentKey: Uint8Array;
  /** The content carries a follow-up code, to be hashed. */
  followUpWaiting: boolean;
  /** When delivery should first be tried; null when no deliverer is configured. */
  nextAttemptAt: number | null;
  /** The reporter said someone is in danger now: delivered before anything else. */
  urgent: boolean;
  /** The "How did you hear about this?" answer, sealed, until it is counted (src/reach/tally.ts); null when none was given. */
  heard: Uint8Array | null;
}

export interface NewFollowUp {
  reference: string;
  nonce: string;
  receivedAt: number;
  content: Uint8Array;
  contentKey: Uint8Array;
  nextAttemptAt: number | null;
}

export class ReferenceTaken extends Error {}

const QUEUES: readonly Queue[] = ['reports', 'follow_ups'];

/** The statements both queues run, written once for either table. */
function queueSql(table: Queue) {
  // An addition waits until its report has been delivered, so the team reads them in order.
  const ready = table === 'follow_ups' ? " AND reference IN (SELECT reference FROM reports WHERE status <> 'stored')" : '';
  // Purging a report also ends its follow-up code: nothing can be added once its words are gone.
  const alsoForget = table === 'reports' ? ', follow_up_waiting = 0, follow_up_hash = NULL' : '';
  return {
    // (lease until, now, now, limit): the most pressing due items nobody holds, danger first
    claim: `UPDATE ${table} SET leased_until = ? WHERE rowid IN (
        SELECT rowid FROM ${table} WHERE status = 'stored' AND next_attempt_at <= ? AND (leased_until IS NULL OR leased_until <= ?)${ready}
        ORDER BY urgent DESC, next_attempt_at LIMIT ?
      ) RETURNING rowid AS id, *`,
    releaseLeases: `UPDATE ${table} SET leased_until = NULL WHERE leased_until IS NOT NULL`,
    markDelivered: `UPDATE ${table} SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, next_attempt_at = NULL, leased_until = NULL, last_error = NULL WHERE rowid = ?`,
    markFailed: `UPDATE ${table} SET attempts = attempts + 1, next_attempt_at = ?, leased_until = NULL, last_error = ? WHERE rowid = ?`,
    // (purged at, delivered before): the content, its key and the one bit about it go; the metadata stays
    purge: `UPDATE ${table} SET content = NULL, content_key = NULL, urgent = 0, status = 'purged', purged_at = ?${alsoForget} WHERE status = 'delivered' AND delivered_at < ?`,
    // Store-only mode: the team marks a report (and what was added to it) as read themselves.
    markReceived: `UPDATE ${table} SET status = 'delivered', delivered_at = ?, next_attempt_at = NULL, leased_until = NULL WHERE reference = ? AND status = 'stored'`,
  };
}
const QUEUE_SQL = { reports: queueSql('reports'), follow_ups: queueSql('follow_ups') };

/** The statements that belong to one table. */
const SQL = {
  insert:
    'INSERT INTO reports (reference, nonce, received_at, content, content_key, follow_up_waiting, next_attempt_at, urgent, heard) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  referenceForNonce: 'SELECT reference FROM reports WHERE nonce = ?',
  // (reference, nonce, received at, content, key, next attempt, reference): numbered after the report's last addition
  insertFollowUp: `INSERT INTO follow_ups (reference, number, nonce, received_at, content, content_key, next_attempt_at)
      SELECT ?, COALESCE(MAX(number), 0) + 1, ?, ?, ?, ?, ? FROM follow_ups WHERE reference = ? ON CONFLICT DO NOTHING RETURNING rowid AS id, *`,
  followUpForNonce: 'SELECT rowid AS id, * FROM follow_ups WHERE nonce = ?',
  followUpsOf: 'SELECT rowid AS id, * FROM follow_ups WHERE reference = ? ORDER BY number',
  // (limit): codes still sealed in their reports, to be hashed
  unhashedCodes: 'SELECT rowid AS id, * FROM reports WHERE follow_up_waiting = 1 AND content IS NOT NULL LIMIT ?',
  // (content sealed with a new code, reference): for a report sent again (the person may not have seen the first code)
  replaceCode: 'UPDATE reports SET content = ?, follow_up_waiting = 1, follow_up_hash = NULL WHERE reference = ? AND content IS NOT NULL',
  // (hash, content sealed without the code, reference, the content it was worked out from): unless it changed meanwhile
  setCodeHash: 'UPDATE reports SET follow_up_hash = ?, content = ?, follow_up_waiting = 0 WHERE reference = ? AND content = ?',
  // (client, window start) -> count after this hit
  hit: 'INSERT INTO rate_limits (client, window_start, count) VALUES (?, ?, 1) ON CONFLICT (client, window_start) DO UPDATE SET count = count + 1 RETURNING count',
  forgetClients: 'DELETE FROM rate_limits WHERE window_start < ?',
  get: 'SELECT rowid AS id, * FROM reports WHERE reference = ?',
  list: 'SELECT rowid AS id, * FROM reports ORDER BY received_at',
  anyWithContent: 'SELECT rowid AS id, * FROM reports WHERE content IS NOT NULL LIMIT 1',
  readMeta: 'SELECT value FROM store_meta WHERE name = ?',
  writeMeta: 'INSERT INTO store_meta (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING',
} as const;

const blob = (v: SqlValue | undefined) => (v instanceof Uint8Array ? v : null);
const numberOrNull = (v: SqlValue | undefined) => (v == null ? null : Number(v));

function toItem(queue: Queue, r: SqlRow): QueuedItem {
  return {
    queue,
    id: Number(r.id),
    reference: String(r.reference),
    nonce: String(r.nonce),
    number: queue === 'follow_ups' ? Number(r.number) : null,
    receivedAt: Number(r.received_at),
    status: r.status as ReportStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: numberOrNull(r.next_attempt_at),
    deliveredAt: numberOrNull(r.delivered_at),
    lastError: r.last_error == null ? null : String(r.last_error),
    content: blob(r.content),
    contentKey: blob(r.content_key),
  };
}
const toReport = (r: SqlRow): ReportRow => ({ ...toItem('reports', r), queue: 'reports', followUpWaiting: Number(r.follow_up_waiting) === 1, followUpHash: blob(r.follow_up_hash) });

/** The pipeline's store, the same on every target. */
export class ReportStore {
  readonly db: SqlDriver;
  /** A purge whose scrub could not finish: the next purge scrubs even if it deletes nothing. */
  private scrubOwed = false;

  constructor(db: SqlDriver) {
    this.db = db;
  }

  /**
   * Stores a report durably (committed before it resolves). When the nonce was seen before, stores
   * nothing and returns the earlier reference. Throws `ReferenceTaken` if the reference is in use.
   */
  insert(report: NewReport): Promise<{ reference: string; duplicate: boolean }> {
    return this.db.durably(async (db) => {
      const { reference, nonce, receivedAt, content, contentKey, followUpWaiting, nextAttemptAt, urgent, heard } = report;
      if ((await db.run(SQL.insert, [reference, nonce, receivedAt, content, contentKey, followUpWaiting ? 1 : 0, nextAttemptAt, urgent ? 1 : 0, heard])) === 1) return { reference, duplicate: false };
      const existing = await db.first(SQL.referenceForNonce, [nonce]);
      if (existing) return { reference: String(existing.reference), duplicate: true };
      throw new ReferenceTaken(reference);
    });
  }

  /** Stores an addition durably, numbered after the report's others; the same nonce again returns the first. */
  insertFollowUp(followUp: NewFollowUp): Promise<{ item: QueuedItem; duplicate: boolean }> {
    return this.db.durably(async (db) => {
      const { reference, nonce, receivedAt, content, contentKey, nextAttemptAt } = followUp;
      const inserted = await db.first(SQL.insertFollowUp, [reference, nonce, receivedAt, content, contentKey, nextAttemptAt, reference]);
      if (inserted) return { item: toItem('follow_ups', inserted), duplicate: false };
      return { item: toItem('follow_ups', (await db.first(SQL.followUpForNonce, [nonce]))!), duplicate: true };
    });
  }

  /** A report's additions, in order. */
  async followUpsOf(reference: string): Promise<QueuedItem[]> {
    return (await this.db.all(SQL.followUpsOf, [reference])).map((r) => toItem('follow_ups', r));
  }

  /** Reports whose follow-up code is still sealed, waiting to be hashed. */
  async unhashedCodes(limit: number): Promise<ReportRow[]> {
    return (await this.db.all(SQL.unhashedCodes, [limit])).map(toReport);
  }

  /** Gives a report a new follow-up code, sealed in its content until hashed, ending the old one. */
  async replaceFollowUpCode(reference: string, contentWithCode: Uint8Array): Promise<void> {
    await this.db.run(SQL.replaceCode, [contentWithCode, reference]);
  }

  /**
   * Keeps a report's code as its hash only: the content sealed again without it replaces `was`, the
   * content it was read from, unless that has changed meanwhile (a new code, a purge). True when done.
   */
  async setCodeHash(reference: string, hash: Uint8Array, contentWithoutCode: Uint8Array, was: Uint8Array): Promise<boolean> {
    return (await this.db.run(SQL.setCodeHash, [hash, contentWithoutCode, reference, was])) === 1;
  }

  /** Counts one attempt for a client in the window starting `windowStart`; returns the new count. */
  async hit(clientKey: string, windowStart: number): Promise<number> {
    return Number((await this.db.first(SQL.hit, [clientKey, windowStart]))?.count ?? 1);
  }

  /**
   * Items due for delivery in one queue, most pressing first (danger now, then oldest due), leased to
   * the caller until `leaseUntil` so no one else takes them. Additions wait for their report.
   */
  async claimDue(queue: Queue, now: number, leaseUntil: number, limit: number): Promise<QueuedItem[]> {
    return (await this.db.all(QUEUE_SQL[queue].claim, [leaseUntil, now, now, limit])).map((r) => toItem(queue, r));
  }

  /** Frees every claim: for a server starting up, whose earlier process may have died mid-delivery. */
  async releaseLeases(): Promise<void> {
    for (const queue of QUEUES) await this.db.run(QUEUE_SQL[queue].releaseLeases);
  }

  async markDelivered(item: Pick<QueuedItem, 'queue' | 'id'>, at: number): Promise<void> {
    await this.db.run(QUEUE_SQL[item.queue].markDelivered, [at, item.id]);
  }

  async markFailed(item: Pick<QueuedItem, 'queue' | 'id'>, nextAttemptAt: number, error: string): Promise<void> {
    await this.db.run(QUEUE_SQL[item.queue].markFailed, [nextAttemptAt, error.slice(0, 200), item.id]);
  }

  /** Store-only mode: the team has read a report and its additions, so their retention starts. */
  async markReceived(reference: string, at: number): Promise<void> {
    for (const queue of QUEUES) await this.db.run(QUEUE_SQL[queue].markReceived, [at, reference]);
  }

  /**
   * Deletes the content of reports and additions delivered before `deliveredBefore`, leaving no copy
   * in the files; returns how many.
   */
  async purge(deliveredBefore: number, at: number): Promise<number> {
    let purged = 0;
    for (const queue of QUEUES) purged += await this.db.run(QUEUE_SQL[queue].purge, [at, deliveredBefore]);
    if (purged > 0 || this.scrubOwed) this.scrubOwed = !(await this.db.scrub());
    return purged;
  }

  /** Drops rate-limit rows from before `before`. */
  async forgetClients(before: number): Promise<void> {
    await this.db.run(SQL.forgetClients, [before]);
  }

  async get(reference: string): Promise<ReportRow | undefined> {
    const row = await this.db.first(SQL.get, [reference]);
    return row ? toReport(row) : undefined;
  }

  async list(): Promise<ReportRow[]> {
    return (await this.db.all(SQL.list)).map(toReport);
  }

  /** Any one report that still has content, to test a key against. */
  async anyWithContent(): Promise<ReportRow | undefined> {
    const row = await this.db.first(SQL.anyWithContent);
    return row ? toReport(row) : undefined;
  }

  /** A fact about the store itself (see migrations/0002_store_meta.sql). */
  async readMeta(name: string): Promise<string | undefined> {
    const row = await this.db.first(SQL.readMeta, [name]);
    return row ? String(row.value) : undefined;
  }

  /** Records a fact unless it is already recorded. */
  async writeMeta(name: string, value: string): Promise<void> {
    await this.db.run(SQL.writeMeta, [name, value]);
  }
}

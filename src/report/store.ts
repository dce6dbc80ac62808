// The report store: every SQL statement the pipeline runs, written once, over a small driver that
// each target supplies (node:sqlite on Node, D1 on Cloudflare), on the same migrations/ files.
// The statements are plain SQLite, which D1 speaks. Nothing here is platform-specific.

/** A value SQLite stores: text, an integer, null, or a blob. */
export type SqlValue = string | number | null | Uint8Array;
/** A row as a driver returns it; blobs are always Uint8Array, whatever the platform gave. */
export type SqlRow = Record<string, SqlValue>;

/** What a target must provide: three ways to run a statement, and a way to make writes durable. */
export interface SqlDriver {
  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /** The first row a statement returns, if any. */
  first(sql: string, params?: SqlValue[]): Promise<SqlRow | undefined>;
  /** Every row a statement returns. */
  all(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
  /**
   * Runs `work` so that its writes are on disk when the promise resolves, all or none of them. The
   * SQLite driver commits concurrent calls together (one fsync for many reports); D1 commits each
   * statement as it runs.
   */
  durably<T>(work: (db: SqlDriver) => Promise<T>): Promise<T>;
  /**
   * After content was deleted: make sure no copy of it is left in the database's files. Resolves
   * false when it could not finish (a busy reader), to be tried again after the next purge.
   */
  scrub(): Promise<boolean>;
}

export type ReportStatus = 'stored' | 'delivered' | 'purged';

/** A report's row: metadata stays queryable; `content` is ciphertext, null once purged. */
export interface ReportRow {
  reference: string;
  receivedAt: number;
  status: ReportStatus;
  attempts: number;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  lastError: string | null;
  content: Uint8Array | null;
  /** The report's own key, sealed under the master key; null once purged (or for reports stored before there was one). */
  contentKey: Uint8Array | null;
}

export interface NewReport {
  reference: string;
  /** The form token's one-time nonce: a second submission of the same form is the same report. */
  nonce: string;
  receivedAt: number;
  content: Uint8Array;
  contentKey: Uint8Array;
  /** When delivery should first be tried; null when no deliverer is configured. */
  nextAttemptAt: number | null;
  /** The reporter said someone is in danger now: delivered before anything else. */
  urgent: boolean;
}

export class ReferenceTaken extends Error {}

/** Every statement, once. Each names its parameters in order. */
const SQL = {
  insert:
    'INSERT INTO reports (reference, nonce, received_at, content, content_key, next_attempt_at, urgent) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  referenceForNonce: 'SELECT reference FROM reports WHERE nonce = ?',
  // (client, window start) -> count after this hit
  hit: 'INSERT INTO rate_limits (client, window_start, count) VALUES (?, ?, 1) ON CONFLICT (client, window_start) DO UPDATE SET count = count + 1 RETURNING count',
  // (lease until, now, now, limit): the most pressing due reports nobody holds, danger first
  claimDue: `UPDATE reports SET leased_until = ? WHERE reference IN (
      SELECT reference FROM reports WHERE status = 'stored' AND next_attempt_at <= ? AND (leased_until IS NULL OR leased_until <= ?)
      ORDER BY urgent DESC, next_attempt_at LIMIT ?
    ) RETURNING *`,
  releaseLeases: 'UPDATE reports SET leased_until = NULL WHERE leased_until IS NOT NULL',
  markDelivered:
    "UPDATE reports SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, next_attempt_at = NULL, leased_until = NULL, last_error = NULL WHERE reference = ?",
  markFailed: 'UPDATE reports SET attempts = attempts + 1, next_attempt_at = ?, leased_until = NULL, last_error = ? WHERE reference = ?',
  // (purged at, delivered before): the content, its key and the one bit about it go; the metadata stays
  purge: "UPDATE reports SET content = NULL, content_key = NULL, urgent = 0, status = 'purged', purged_at = ? WHERE status = 'delivered' AND delivered_at < ?",
  forgetClients: 'DELETE FROM rate_limits WHERE window_start < ?',
  get: 'SELECT * FROM reports WHERE reference = ?',
  list: 'SELECT * FROM reports ORDER BY received_at',
  anyWithContent: 'SELECT * FROM reports WHERE content IS NOT NULL LIMIT 1',
  readMeta: 'SELECT value FROM store_meta WHERE name = ?',
  writeMeta: 'INSERT INTO store_meta (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING',
} as const;

const blob = (v: SqlValue | undefined) => (v instanceof Uint8Array ? v : null);
const numberOrNull = (v: SqlValue | undefined) => (v == null ? null : Number(v));

function toReport(r: SqlRow): ReportRow {
  return {
    reference: String(r.reference),
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

/** The pipeline's store, the same on every target. */
export class ReportStore {
  /** A purge whose scrub could not finish: the next purge scrubs even if it deletes nothing. */
  private scrubOwed = false;

  readonly db: SqlDriver;

  constructor(db: SqlDriver) {
    this.db = db;
  }

  /**
   * Stores a report durably (committed before it resolves). When the nonce was seen before, stores
   * nothing and returns the earlier reference. Throws `ReferenceTaken` if the reference is in use.
   */
  insert(report: NewReport): Promise<{ reference: string; duplicate: boolean }> {
    return this.db.durably(async (db) => {
      const { reference, nonce, receivedAt, content, contentKey, nextAttemptAt, urgent } = report;
      if ((await db.run(SQL.insert, [reference, nonce, receivedAt, content, contentKey, nextAttemptAt, urgent ? 1 : 0])) === 1) return { reference, duplicate: false };
      const existing = await db.first(SQL.referenceForNonce, [nonce]);
      if (existing) return { reference: String(existing.reference), duplicate: true };
      throw new ReferenceTaken(reference);
    });
  }

  /** Counts one submission for a client in the window starting `windowStart`; returns the new count. */
  async hit(clientKey: string, windowStart: number): Promise<number> {
    return Number((await this.db.first(SQL.hit, [clientKey, windowStart]))?.count ?? 1);
  }

  /**
   * Reports due for delivery, most pressing first (danger now, then oldest due), leased to the caller
   * until `leaseUntil` so no one else takes them.
   */
  async claimDue(now: number, leaseUntil: number, limit: number): Promise<ReportRow[]> {
    return (await this.db.all(SQL.claimDue, [leaseUntil, now, now, limit])).map(toReport);
  }

  /** Frees every claim: for a server starting up, whose earlier process may have died mid-delivery. */
  async releaseLeases(): Promise<void> {
    await this.db.run(SQL.releaseLeases);
  }

  async markDelivered(reference: string, at: number): Promise<void> {
    await this.db.run(SQL.markDelivered, [at, reference]);
  }

  async markFailed(reference: string, nextAttemptAt: number, error: string): Promise<void> {
    await this.db.run(SQL.markFailed, [nextAttemptAt, error.slice(0, 200), reference]);
  }

  /** Deletes the content of reports delivered before `deliveredBefore`, leaving no copy in the files; returns how many. */
  async purge(deliveredBefore: number, at: number): Promise<number> {
    const purged = await this.db.run(SQL.purge, [at, deliveredBefore]);
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

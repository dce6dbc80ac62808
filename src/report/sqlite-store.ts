// The embedded store: one SQLite file through Node's built-in node:sqlite. NODE-ONLY.
// Writes are group-committed: every insert that arrives while one transaction is being written
// joins the next, so each report is on disk (WAL, synchronous=FULL) before it is acknowledged,
// and the fsync is shared rather than paid per report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { ReferenceTaken, rowFromSql, type NewReport, type ReportRow, type ReportStore } from './store.ts';

interface Pending {
  report: NewReport;
  resolve: (value: { reference: string; duplicate: boolean }) => void;
  reject: (error: unknown) => void;
}

/** Applies every migrations/*.sql file not applied before, in name order. */
export function migrate(db: DatabaseSync, dir: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const done = new Set(db.prepare('SELECT name FROM schema_migrations').all().map((r) => String(r.name)));
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    if (done.has(name)) continue;
    db.exec('BEGIN');
    try {
      db.exec(readFileSync(join(dir, name), 'utf8'));
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(name, Date.now());
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

function toRow(r: Record<string, SQLInputValue>): ReportRow {
  const blob = (v: SQLInputValue | undefined) => (v == null ? null : (v as Uint8Array));
  return rowFromSql(r, blob(r.content), blob(r.content_key));
}

export class SqliteStore implements ReportStore {
  readonly db: DatabaseSync;
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(path: string, migrationsDir: string) {
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL');
    // FULL: a commit is on disk when it returns, even if the machine loses power.
    this.db.exec('PRAGMA synchronous = FULL');
    this.db.exec('PRAGMA busy_timeout = 5000');
    // Deleted content is overwritten with zeros, not left in free pages.
    this.db.exec('PRAGMA secure_delete = ON');
    migrate(this.db, migrationsDir);
  }

  insert(report: NewReport): Promise<{ reference: string; duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      this.pending.push({ report, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const outcomes: ({ reference: string; duplicate: boolean } | Error)[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      const insert = this.db.prepare(
        'INSERT INTO reports (reference, nonce, received_at, content, content_key, next_attempt_at, urgent) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      );
      const byNonce = this.db.prepare('SELECT reference FROM reports WHERE nonce = ?');
      for (const { report } of batch) {
        const result = insert.run(report.reference, report.nonce, report.receivedAt, report.content, report.contentKey, report.nextAttemptAt, report.urgent ? 1 : 0);
        if (result.changes === 1) {
          outcomes.push({ reference: report.reference, duplicate: false });
          continue;
        }
        const existing = byNonce.get(report.nonce);
        outcomes.push(existing ? { reference: String(existing.reference), duplicate: true } : new ReferenceTaken(report.reference));
      }
      this.db.exec('COMMIT');
    } catch (error) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // The transaction may never have begun (for example, the file is read-only).
      }
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof Error) p.reject(outcome);
      else p.resolve(outcome);
    });
  }

  async hit(clientKey: string, windowStart: number): Promise<number> {
    const row = this.db
      .prepare('INSERT INTO rate_limits (client, window_start, count) VALUES (?, ?, 1) ON CONFLICT (client, window_start) DO UPDATE SET count = count + 1 RETURNING count')
      .get(clientKey, windowStart);
    return Number(row?.count ?? 1);
  }

  async claimDue(now: number, leaseUntil: number, limit: number): Promise<ReportRow[]> {
    return this.db
      .prepare(
        `UPDATE reports SET leased_until = ? WHERE reference IN (
           SELECT reference FROM reports WHERE status = 'stored' AND next_attempt_at <= ? AND (leased_until IS NULL OR leased_until <= ?)
           ORDER BY urgent DESC, next_attempt_at LIMIT ?
         ) RETURNING *`,
      )
      .all(leaseUntil, now, now, limit)
      .map(toRow);
  }

  async releaseLeases(): Promise<void> {
    this.db.prepare('UPDATE reports SET leased_until = NULL WHERE leased_until IS NOT NULL').run();
  }

  async markDelivered(reference: string, at: number): Promise<void> {
    this.db.prepare("UPDATE reports SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, next_attempt_at = NULL, leased_until = NULL, last_error = NULL WHERE reference = ?").run(at, reference);
  }

  async markFailed(reference: string, nextAttemptAt: number, error: string): Promise<void> {
    this.db.prepare('UPDATE reports SET attempts = attempts + 1, next_attempt_at = ?, leased_until = NULL, last_error = ? WHERE reference = ?').run(nextAttemptAt, error.slice(0, 200), reference);
  }

  async purge(deliveredBefore: number, at: number): Promise<number> {
    const result = this.db
      .prepare("UPDATE reports SET content = NULL, content_key = NULL, urgent = 0, status = 'purged', purged_at = ? WHERE status = 'delivered' AND delivered_at < ?")
      .run(at, deliveredBefore);
    const purged = Number(result.changes);
    if (purged > 0 || this.unscrubbed) this.scrubLog();
    return purged;
  }

  /** True while the write-ahead log may still hold pages from before a purge. */
  private unscrubbed = false;

  /**
   * Copies the log into the file (where secure_delete has zeroed the purged content) and truncates
   * it, so no earlier copy of a purged page is left in it. Busy readers can stop it from finishing;
   * then it is tried again after the next purge run.
   */
  private scrubLog(): void {
    const result = this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
    this.unscrubbed = Number(result?.busy ?? 1) !== 0;
  }

  async forgetClients(before: number): Promise<void> {
    this.db.prepare('DELETE FROM rate_limits WHERE window_start < ?').run(before);
  }

  async get(reference: string): Promise<ReportRow | undefined> {
    const row = this.db.prepare('SELECT * FROM reports WHERE reference = ?').get(reference);
    return row ? toRow(row) : undefined;
  }

  async list(): Promise<ReportRow[]> {
    return this.db.prepare('SELECT * FROM reports ORDER BY received_at').all().map(toRow);
  }

  async readMeta(name: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT value FROM store_meta WHERE name = ?').get(name);
    return row ? String(row.value) : undefined;
  }

  async writeMeta(name: string, value: string): Promise<void> {
    this.db.prepare('INSERT INTO store_meta (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING').run(name, value);
  }

  async anyWithContent(): Promise<ReportRow | undefined> {
    const row = this.db.prepare('SELECT * FROM reports WHERE content IS NOT NULL LIMIT 1').get();
    return row ? toRow(row) : undefined;
  }

  close(): void {
    this.db.close();
  }
}

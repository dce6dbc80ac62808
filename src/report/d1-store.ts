// The store on Cloudflare D1 (SQLite, replicated by Cloudflare), from the same migrations as the
// embedded SQLite file. WORKER-ONLY in practice, but it imports nothing platform-specific: it takes
// the D1 binding it is given. A D1 write has been committed when its promise resolves.
import { ReferenceTaken, rowFromSql, type NewReport, type ReportRow, type ReportStore } from './store.ts';

/** The parts of Cloudflare's D1 binding this store uses. */
export interface D1Like {
  prepare(sql: string): D1Statement;
}
interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  run(): Promise<{ meta: { changes: number } }>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
}

function toRow(r: Record<string, unknown>): ReportRow {
  // D1 returns BLOBs as arrays of numbers.
  const blob = (v: unknown) => (v == null ? null : v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v as number[]));
  return rowFromSql(r, blob(r.content), blob(r.content_key));
}

export class D1Store implements ReportStore {
  constructor(private readonly db: D1Like) {}

  async insert(report: NewReport): Promise<{ reference: string; duplicate: boolean }> {
    const result = await this.db
      .prepare('INSERT INTO reports (reference, nonce, received_at, content, content_key, next_attempt_at, urgent) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .bind(report.reference, report.nonce, report.receivedAt, report.content, report.contentKey, report.nextAttemptAt, report.urgent ? 1 : 0)
      .run();
    if (result.meta.changes === 1) return { reference: report.reference, duplicate: false };
    const existing = await this.db.prepare('SELECT reference FROM reports WHERE nonce = ?').bind(report.nonce).first<{ reference: string }>();
    if (existing) return { reference: existing.reference, duplicate: true };
    throw new ReferenceTaken(report.reference);
  }

  async hit(clientKey: string, windowStart: number): Promise<number> {
    const row = await this.db
      .prepare('INSERT INTO rate_limits (client, window_start, count) VALUES (?, ?, 1) ON CONFLICT (client, window_start) DO UPDATE SET count = count + 1 RETURNING count')
      .bind(clientKey, windowStart)
      .first<{ count: number }>();
    return Number(row?.count ?? 1);
  }

  async claimDue(now: number, leaseUntil: number, limit: number): Promise<ReportRow[]> {
    const { results } = await this.db
      .prepare(
        `UPDATE reports SET leased_until = ? WHERE reference IN (
           SELECT reference FROM reports WHERE status = 'stored' AND next_attempt_at <= ? AND (leased_until IS NULL OR leased_until <= ?)
           ORDER BY urgent DESC, next_attempt_at LIMIT ?
         ) RETURNING *`,
      )
      .bind(leaseUntil, now, now, limit)
      .all();
    return results.map(toRow);
  }

  async releaseLeases(): Promise<void> {
    await this.db.prepare('UPDATE reports SET leased_until = NULL WHERE leased_until IS NOT NULL').run();
  }

  async markDelivered(reference: string, at: number): Promise<void> {
    await this.db.prepare("UPDATE reports SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, next_attempt_at = NULL, leased_until = NULL, last_error = NULL WHERE reference = ?").bind(at, reference).run();
  }

  async markFailed(reference: string, nextAttemptAt: number, error: string): Promise<void> {
    await this.db.prepare('UPDATE reports SET attempts = attempts + 1, next_attempt_at = ?, leased_until = NULL, last_error = ? WHERE reference = ?').bind(nextAttemptAt, error.slice(0, 200), reference).run();
  }

  async purge(deliveredBefore: number, at: number): Promise<number> {
    const result = await this.db.prepare("UPDATE reports SET content = NULL, content_key = NULL, urgent = 0, status = 'purged', purged_at = ? WHERE status = 'delivered' AND delivered_at < ?").bind(at, deliveredBefore).run();
    return result.meta.changes;
  }

  async forgetClients(before: number): Promise<void> {
    await this.db.prepare('DELETE FROM rate_limits WHERE window_start < ?').bind(before).run();
  }

  async get(reference: string): Promise<ReportRow | undefined> {
    const row = await this.db.prepare('SELECT * FROM reports WHERE reference = ?').bind(reference).first();
    return row ? toRow(row) : undefined;
  }

  async list(): Promise<ReportRow[]> {
    return (await this.db.prepare('SELECT * FROM reports ORDER BY received_at').all()).results.map(toRow);
  }

  async readMeta(name: string): Promise<string | undefined> {
    const row = await this.db.prepare('SELECT value FROM store_meta WHERE name = ?').bind(name).first<{ value: string }>();
    return row ? String(row.value) : undefined;
  }

  async writeMeta(name: string, value: string): Promise<void> {
    await this.db.prepare('INSERT INTO store_meta (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING').bind(name, value).run();
  }

  async anyWithContent(): Promise<ReportRow | undefined> {
    const row = await this.db.prepare('SELECT * FROM reports WHERE content IS NOT NULL LIMIT 1').first();
    return row ? toRow(row) : undefined;
  }
}

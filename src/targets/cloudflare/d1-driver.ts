// The store's driver on Cloudflare: the D1 binding the Worker is given. D1 is SQLite, replicated by
// Cloudflare; a write has been committed when its promise resolves, so durably() needs no more.
// WORKER-ONLY in practice, but it imports nothing platform-specific: the contract tests run it
// against a real D1 in workerd from Node.
import type { SqlDriver, SqlRow, SqlStatement, SqlValue } from '../../report/store.ts';

/** The parts of Cloudflare's D1 binding this driver uses. */
export interface D1Like {
  prepare(sql: string): D1Statement;
  /** Runs statements as one transaction: if one fails, none is kept. */
  batch(statements: D1Statement[]): Promise<unknown>;
}
interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  run(): Promise<{ meta: { changes: number } }>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
}

/** D1 returns BLOBs as arrays of numbers (or ArrayBuffers): the store always sees Uint8Array. */
function toRow(r: Record<string, unknown>): SqlRow {
  const row: SqlRow = {};
  for (const [k, v] of Object.entries(r)) row[k] = Array.isArray(v) ? new Uint8Array(v as number[]) : v instanceof ArrayBuffer ? new Uint8Array(v) : (v as SqlValue);
  return row;
}

export class D1Driver implements SqlDriver {
  private readonly db: D1Like;

  constructor(db: D1Like) {
    this.db = db;
  }

  private statement(sql: string, params: SqlValue[]): D1Statement {
    const statement = this.db.prepare(sql);
    return params.length ? statement.bind(...params) : statement;
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return (await this.statement(sql, params).run()).meta.changes;
  }

  async first(sql: string, params: SqlValue[] = []): Promise<SqlRow | undefined> {
    const row = await this.statement(sql, params).first();
    return row ? toRow(row) : undefined;
  }

  async all(sql: string, params: SqlValue[] = []): Promise<SqlRow[]> {
    return (await this.statement(sql, params).all()).results.map(toRow);
  }

  durably<T>(work: (db: SqlDriver) => Promise<T>): Promise<T> {
    return work(this);
  }

  async batch(statements: SqlStatement[]): Promise<void> {
    if (statements.length) await this.db.batch(statements.map((s) => this.statement(s.sql, s.params ?? [])));
  }

  /**
   * D1 manages its own files. What it keeps is its Time Travel history (restore to any minute in the
   * last 30 days), which no Worker can shorten; docs/report-api.md says so.
   */
  async scrub(): Promise<boolean> {
    return true;
  }
}

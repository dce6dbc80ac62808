// The store's driver on Node: one SQLite file through Node's built-in node:sqlite.
// WAL with synchronous=FULL: a commit is on disk when it returns. Durable writes are group-committed:
// every one that arrives while a transaction is being written joins the next, so each report is on
// disk before it is acknowledged and the fsync is shared rather than paid per report.
// secure_delete zeroes what is deleted, and scrub() empties the WAL after a purge, so deleted content
// leaves no copy in the files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqlDriver, SqlRow, SqlStatement, SqlValue } from '../../report/store.ts';

/** Applies every migrations/*.sql file not applied before, in name order, each in a transaction. */
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

interface Pending {
  work: (db: SqlDriver) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class SqliteDriver implements SqlDriver {
  readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private pending: Pending[] = [];
  private flushing = false;

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

  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return Number(this.statement(sql).run(...(params as SQLInputValue[])).changes);
  }

  async first(sql: string, params: SqlValue[] = []): Promise<SqlRow | undefined> {
    return this.statement(sql).get(...(params as SQLInputValue[])) as SqlRow | undefined;
  }

  async all(sql: string, params: SqlValue[] = []): Promise<SqlRow[]> {
    return this.statement(sql).all(...(params as SQLInputValue[])) as SqlRow[];
  }

  durably<T>(work: (db: SqlDriver) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /**
   * Runs everything pending in one transaction. A statement that fails is undone by SQLite on its
   * own, and its work fails alone (as on D1, work must not rely on two writes being one); a commit
   * that fails (a full disk) fails them all, and nothing is acknowledged that is not on disk.
   */
  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      // Work inside the transaction runs its statements directly; nesting needs no second transaction.
      const inside: SqlDriver = { run: (s, p) => this.run(s, p), first: (s, p) => this.first(s, p), all: (s, p) => this.all(s, p), durably: (w) => w(inside), batch: (s) => this.atomically(s), scrub: async () => false };
      for (const { work } of batch) {
        try {
          outcomes.push({ ok: true, value: await work(inside) });
        } catch (error) {
          outcomes.push({ ok: false, value: error });
        }
      }
      this.db.exec('COMMIT');
    } catch (error) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // The transaction may never have begun (for example, the file is read-only).
      }
      for (const p of batch) p.reject(error);
      outcomes.length = 0;
    } finally {
      batch.forEach((p, i) => {
        const outcome = outcomes[i];
        if (!outcome) return;
        if (outcome.ok) p.resolve(outcome.value);
        else p.reject(outcome.value);
      });
      if (this.pending.length > 0) setImmediate(() => void this.flush());
      else this.flushing = false;
    }
  }

  /** Joins the next group commit, all or nothing. */
  batch(statements: SqlStatement[]): Promise<void> {
    return this.durably(() => this.atomically(statements));
  }

  /**
   * Runs statements inside the open transaction under a savepoint of their own, so they are kept or
   * undone together. Nothing awaits in between, so no other work's statements can fall inside.
   */
  private async atomically(statements: SqlStatement[]): Promise<void> {
    this.db.exec('SAVEPOINT batch');
    try {
      for (const { sql, params = [] } of statements) this.statement(sql).run(...(params as SQLInputValue[]));
      this.db.exec('RELEASE batch');
    } catch (error) {
      this.db.exec('ROLLBACK TO batch');
      this.db.exec('RELEASE batch');
      throw error;
    }
  }

  /**
   * Copies the WAL into the file (where secure_delete has zeroed what was deleted) and truncates it,
   * so no earlier copy of a deleted page is left. A busy reader can stop it finishing (false).
   */
  async scrub(): Promise<boolean> {
    const result = this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
    return Number(result?.busy ?? 1) === 0;
  }

  close(): void {
    this.db.close();
  }
}

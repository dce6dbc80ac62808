// The reach counts in the store: every statement written once, over the report store's driver, so
// they live in the same SQLite file on Node and the same D1 database on Cloudflare
// (migrations/0006_reach.sql). A row is one day's total for one thing; nothing else is kept.
import type { SqlDriver, SqlStatement } from '../report/store.ts';

/**
 * What is counted: `view` a page opened (subject: its path), `arrival` a short link followed
 * (subject: the link and its source code, "/seethesigns/poster"), `report` a report received
 * (subject: empty), `heard` an answer to "How did you hear about this?" (subject: the answer).
 */
export const REACH_KINDS = ['view', 'arrival', 'report', 'heard'] as const;
export type ReachKind = (typeof REACH_KINDS)[number];

/** One day's count of one thing. */
export interface CountRow {
  /** YYYY-MM-DD, in UK time. */
  day: string;
  kind: ReachKind;
  subject: string;
  count: number;
}

/** One month's total of one thing, as the reach page shows it. */
export interface MonthRow {
  /** YYYY-MM. */
  month: string;
  kind: ReachKind;
  subject: string;
  count: number;
}

/** A report not counted yet: when it arrived, and its sealed answer, if it gave one. */
export interface UncountedReport {
  id: number;
  reference: string;
  receivedAt: number;
  heard: Uint8Array | null;
}

// D1 takes at most 100 values per statement: 25 rows of 4.
const ROWS_PER_STATEMENT = 25;
const addRows = (n: number) =>
  `INSERT INTO reach_counts (day, kind, subject, count) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?)').join(', ')}
     ON CONFLICT (kind, subject, day) DO UPDATE SET count = count + excluded.count`;

const SQL = {
  months: `SELECT substr(day, 1, 7) AS month, kind, subject, SUM(count) AS count FROM reach_counts
     WHERE day >= ? GROUP BY month, kind, subject ORDER BY month, kind, subject`,
  // (received before, limit): reports whose day is over and that are not counted yet
  uncounted: 'SELECT rowid AS id, reference, received_at, heard FROM reports WHERE counted = 0 AND received_at < ? ORDER BY received_at LIMIT ?',
  markCounted: (n: number) => `UPDATE reports SET counted = 1, heard = NULL WHERE counted = 0 AND rowid IN (${Array.from({ length: n }, () => '?').join(', ')})`,
} as const;

/** The statements that add `rows` to the counts, at most 25 rows each. */
function additions(rows: readonly CountRow[]): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    statements.push({ sql: addRows(chunk.length), params: chunk.flatMap((r) => [r.day, r.kind, r.subject, r.count]) });
  }
  return statements;
}

export class ReachCounts {
  readonly db: SqlDriver;

  constructor(db: SqlDriver) {
    this.db = db;
  }

  /** Adds the rows to the day totals, all or none. */
  async add(rows: readonly CountRow[]): Promise<void> {
    if (rows.length) await this.db.batch(additions(rows));
  }

  /** Every month's totals from `fromMonth` (YYYY-MM) on, oldest first. */
  async months(fromMonth: string): Promise<MonthRow[]> {
    return (await this.db.all(SQL.months, [`${fromMonth}-01`])).map((r) => ({ month: String(r.month), kind: String(r.kind) as ReachKind, subject: String(r.subject), count: Number(r.count) }));
  }

  /** Up to `limit` reports received before `before` (ms) that are not counted yet, oldest first. */
  async uncountedReports(before: number, limit: number): Promise<UncountedReport[]> {
    return (await this.db.all(SQL.uncounted, [before, limit])).map((r) => ({
      id: Number(r.id),
      reference: String(r.reference),
      receivedAt: Number(r.received_at),
      heard: r.heard instanceof Uint8Array ? r.heard : null,
    }));
  }

  /**
   * Adds the rows and marks the reports counted (deleting their sealed answers) in one step, so a
   * report is counted once even if this is interrupted. At most 100 reports at a time.
   */
  async countReports(rows: readonly CountRow[], reportIds: readonly number[]): Promise<void> {
    if (reportIds.length > 100) throw new RangeError('count at most 100 reports at a time');
    await this.db.batch([...additions(rows), ...(reportIds.length ? [{ sql: SQL.markCounted(reportIds.length), params: [...reportIds] }] : [])]);
  }
}

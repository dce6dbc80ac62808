// Counting off the request path: a request adds one to a total held in memory (a map lookup), and
// the totals are written to the store together, every few seconds, in one statement per 25 rows.
// A page never waits for the store, and a store that cannot be written to loses nothing but counts:
// they wait, up to a limit, for the next try.
import { DayClock } from './day.ts';
import type { CountRow, ReachCounts, ReachKind } from './counts.ts';

/** Different things counted at once, at most; beyond it a new thing waits for the next write. */
const MAX_WAITING = 5_000;

export class ReachCounter {
  private waiting = new Map<string, CountRow>();
  private readonly clock = new DayClock();
  private writing: Promise<void> | undefined;

  /** Adds one to today's count of a thing. */
  add(kind: ReachKind, subject: string, now = Date.now()): void {
    const day = this.clock.at(now);
    const key = `${kind} ${day} ${subject}`;
    const row = this.waiting.get(key);
    if (row) row.count++;
    else if (this.waiting.size < MAX_WAITING) this.waiting.set(key, { day, kind, subject, count: 1 });
  }

  /** How many different things are waiting to be written. */
  get size(): number {
    return this.waiting.size;
  }

  /**
   * Writes everything waiting, all or none; on failure it waits for the next write and the promise
   * rejects. One write at a time: a second call waits for the first, then writes what came since.
   */
  async flush(counts: ReachCounts): Promise<void> {
    while (this.writing) await this.writing.catch(() => undefined);
    if (this.waiting.size === 0) return;
    const rows = [...this.waiting.values()];
    this.waiting = new Map();
    this.writing = counts.add(rows).catch((error: unknown) => {
      for (const row of rows) {
        const key = `${row.kind} ${row.day} ${row.subject}`;
        const now = this.waiting.get(key);
        if (now) now.count += row.count;
        else if (this.waiting.size < MAX_WAITING) this.waiting.set(key, row);
      }
      throw error;
    });
    try {
      await this.writing;
    } finally {
      this.writing = undefined;
    }
  }
}

// Reports and their "How did you hear about this?" answers are counted a day late, all of a day's
// together: the delivery and retention run (on Node its timer, on Cloudflare its cron trigger) adds
// up every report whose UK day is over, and deletes the sealed answers as it does. So no count
// changes at the moment a report arrives, nothing finer than the day is kept, and once the report's
// content is deleted nothing ties it to an answer.
import { openAnswer } from '../report/crypto.ts';
import type { Pipeline } from '../report/pipeline.ts';
import { ReachCounts, type CountRow } from './counts.ts';
import { startOfUkDay, ukDay } from './day.ts';

const AT_A_TIME = 100;

/** Counts every report received before today (UK) that is not counted yet; returns how many. */
export async function countPastReports(p: Pipeline, now: number): Promise<number> {
  const counts = new ReachCounts(p.store.db);
  const before = startOfUkDay(now);
  let counted = 0;
  for (;;) {
    const waiting = await counts.uncountedReports(before, AT_A_TIME);
    if (waiting.length === 0) return counted;
    const totals = new Map<string, CountRow>();
    const add = (day: string, kind: CountRow['kind'], subject: string) => {
      const key = `${kind} ${day} ${subject}`;
      const row = totals.get(key) ?? { day, kind, subject, count: 0 };
      row.count++;
      totals.set(key, row);
    };
    for (const report of waiting) {
      const day = ukDay(report.receivedAt);
      add(day, 'report', '');
      if (!report.heard) continue;
      // An answer that cannot be opened (the store was moved to another key) is not counted.
      const answer = await openAnswer(p.keys, report.reference, report.heard).catch(() => undefined);
      if (answer) add(day, 'heard', answer);
    }
    await counts.countReports([...totals.values()], waiting.map((r) => r.id));
    counted += waiting.length;
    if (waiting.length < AT_A_TIME) return counted;
  }
}

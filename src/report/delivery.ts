// Delivery to the safeguarding team, retried with backoff until it succeeds. Each report is sent
// with its reference as the idempotency key, so a retry after a lost acknowledgement is recognised
// as the same report by the receiver. Errors are recorded without any of the report's content.
import { openReport, type ReportKeys } from './crypto.ts';
import type { Report } from './schema.ts';
import type { ReportStore } from './store.ts';

/** What a deliverer sends: the reference, when it arrived, and the answers. */
export interface DeliveredReport {
  reference: string;
  receivedAt: string;
  report: Report;
}

export interface Deliverer {
  /** For logs: "webhook", "smtp" or "notify". */
  readonly name: string;
  /** Resolves once the receiver has accepted the report; throws otherwise. */
  deliver(message: DeliveredReport): Promise<void>;
}

/** Seconds before the next try: 30 s, 1 min, 2 min … capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts), 60 * 60);
}

/** A short reason for the record: the error's class and status, never its message body. */
function reason(error: unknown): string {
  if (error instanceof DeliveryError) return error.message;
  return error instanceof Error ? error.name : 'Error';
}

/** A failure a deliverer describes safely (a status code, a protocol reply code). */
export class DeliveryError extends Error {}

export interface DeliveryRun {
  delivered: number;
  failed: number;
}

/** Delivers every report that is due, one at a time. Safe to run from several instances at once. */
export async function deliverDue(store: ReportStore, keys: ReportKeys, deliverer: Deliverer, now: number, batch = 20): Promise<DeliveryRun> {
  const run = { delivered: 0, failed: 0 };
  // The lease keeps another instance from sending the same report while this one is trying.
  const due = await store.claimDue(now, now + 5 * 60 * 1000, batch);
  for (const row of due) {
    if (!row.content) continue;
    try {
      const report = await openReport<Report>(keys, row.reference, row.content, row.contentKey);
      await deliverer.deliver({ reference: row.reference, receivedAt: new Date(row.receivedAt).toISOString(), report });
      await store.markDelivered(row.reference, Date.now());
      run.delivered++;
    } catch (error) {
      await store.markFailed(row.reference, Date.now() + backoffSeconds(row.attempts) * 1000, `${deliverer.name}: ${reason(error)}`);
      run.failed++;
    }
  }
  return run;
}

/** Deletes the content of reports delivered more than `retentionDays` ago. Undelivered reports are never purged. */
export function purgeDelivered(store: ReportStore, now: number, retentionDays: number): Promise<number> {
  return store.purge(now - retentionDays * 24 * 60 * 60 * 1000, now);
}

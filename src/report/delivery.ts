// Delivery to the safeguarding team, retried with backoff until it succeeds. Each report is sent
// with its reference as the idempotency key, so a retry after a lost acknowledgement is recognised
// as the same report by the receiver. Errors are recorded without any of the report's content.
import { openReport, type ReportKeys } from './crypto.ts';
import type { Report } from './schema.ts';
import type { ReportRow, ReportStore } from './store.ts';

/** What a deliverer sends: the reference, when it arrived, and the answers. */
export interface DeliveredReport {
  reference: string;
  receivedAt: string;
  report: Report;
}

export interface Deliverer {
  /** For logs: "webhook", "smtp" or "notify". */
  readonly name: string;
  /** Resolves once the receiver has accepted the report; throws otherwise. Stops when `signal` aborts. */
  deliver(message: DeliveredReport, signal: AbortSignal): Promise<void>;
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

export interface DeliveryOptions {
  /** Deliveries in flight at once, so one slow receiver holds up no one else. */
  concurrency?: number;
  /** Each delivery is given up after this long and retried later. */
  timeoutMs?: number;
  /** The most reports one run sends (a Worker's run is bounded in time). */
  limit?: number;
}

/** A claim outlives the delivery's own timeout by this much, then the report is free to be tried again. */
const LEASE_MARGIN_MS = 30_000;

/** Rejects with a DeliveryError once `ms` have passed, aborting the deliverer's own work. */
async function withTimeout(ms: number, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeliveryError(`timed out after ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    await Promise.race([work(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Delivers every report that is due: danger-now reports first, several at once, each within its
 * timeout. Safe to run from several instances at once: a report is claimed before it is sent.
 */
export async function deliverDue(store: ReportStore, keys: ReportKeys, deliverer: Deliverer, now: number, options: DeliveryOptions = {}): Promise<DeliveryRun> {
  const { concurrency = 4, timeoutMs = 30_000, limit = 100 } = options;
  const run = { delivered: 0, failed: 0 };
  // The run's clock starts at `now` (tests pass a later one) and moves on with real time.
  const startedAt = Date.now();
  const clock = () => now + (Date.now() - startedAt);
  let claimed = 0;
  const deliverOne = async (row: ReportRow) => {
    try {
      if (!row.content) throw new DeliveryError('no content');
      const report = await openReport<Report>(keys, row.reference, row.content, row.contentKey);
      const message = { reference: row.reference, receivedAt: new Date(row.receivedAt).toISOString(), report };
      await withTimeout(timeoutMs, (signal) => deliverer.deliver(message, signal));
      await store.markDelivered(row.reference, Date.now());
      run.delivered++;
    } catch (error) {
      await store.markFailed(row.reference, clock() + backoffSeconds(row.attempts) * 1000, `${deliverer.name}: ${reason(error)}`);
      run.failed++;
    }
  };
  // Each worker takes the most pressing report that is due, one at a time, until none is left.
  const worker = async () => {
    while (claimed < limit) {
      claimed++;
      const at = clock();
      const [row] = await store.claimDue(at, at + timeoutMs + LEASE_MARGIN_MS, 1);
      if (!row) return;
      await deliverOne(row);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return run;
}

/** Deletes the content of reports delivered more than `retentionDays` ago. Undelivered reports are never purged. */
export function purgeDelivered(store: ReportStore, now: number, retentionDays: number): Promise<number> {
  return store.purge(now - retentionDays * 24 * 60 * 60 * 1000, now);
}

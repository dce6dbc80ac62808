// Delivery to the safeguarding team, retried with backoff until it succeeds. Each report is sent
// with its reference as the idempotency key, so a retry after a lost acknowledgement is recognised
// as the same report by the receiver. Errors are recorded without any of the report's content.
import { openItem, openReport, type ReportKeys } from './crypto.ts';
import { countPastReports } from '../reach/tally.ts';
import { failures } from './failure-log.ts';
import { followUpContext, hashWaitingCodes, type Pipeline } from './pipeline.ts';
import type { Report } from './schema.ts';
import type { Queue, QueuedItem, ReportStore } from './store.ts';

/** A report as a deliverer sends it: the reference, when it arrived, and the answers. */
export interface DeliveredReport {
  reference: string;
  receivedAt: string;
  report: Report;
}

/** An addition as a deliverer sends it: its report's reference, its number, when it arrived, and the words. */
export interface DeliveredFollowUp {
  reference: string;
  addition: number;
  receivedAt: string;
  details: string;
}

export type Delivery = DeliveredReport | DeliveredFollowUp;
export const isFollowUp = (message: Delivery): message is DeliveredFollowUp => 'addition' in message;

/** The receiver's key for a delivery, the same on every retry: "ABCD-2345", or "ABCD-2345/2" for its second addition. */
export const deliveryKey = (message: Delivery) => (isFollowUp(message) ? `${message.reference}/${message.addition}` : message.reference);

export interface Deliverer {
  /** For logs: "webhook", "smtp" or "notify". */
  readonly name: string;
  /** Resolves once the receiver has accepted the report or addition; throws otherwise. Stops when `signal` aborts. */
  deliver(message: Delivery, signal: AbortSignal): Promise<void>;
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

/** What a queued item says, opened. */
async function messageOf(keys: ReportKeys, item: QueuedItem): Promise<Delivery> {
  if (!item.content) throw new DeliveryError('no content');
  const receivedAt = new Date(item.receivedAt).toISOString();
  if (item.queue === 'reports') return { reference: item.reference, receivedAt, report: await openReport<Report>(keys, item.reference, item.content, item.contentKey) };
  const { details } = await openItem<{ details: string }>(keys, followUpContext(item), item.content, item.contentKey);
  return { reference: item.reference, addition: item.number!, receivedAt, details };
}

/** Reports first, then additions (each waits for its own report to be delivered). */
const QUEUE_ORDER: Queue[] = ['reports', 'follow_ups'];

/**
 * Delivers every report and addition that is due: danger-now reports first, several at once, each
 * within its timeout. Safe to run from several instances at once: an item is claimed before it is sent.
 */
export async function deliverDue(store: ReportStore, keys: ReportKeys, deliverer: Deliverer, now: number, options: DeliveryOptions = {}): Promise<DeliveryRun> {
  const { concurrency = 4, timeoutMs = 30_000, limit = 100 } = options;
  const run = { delivered: 0, failed: 0 };
  // The run's clock starts at `now` (tests pass a later one) and moves on with real time.
  const startedAt = Date.now();
  const clock = () => now + (Date.now() - startedAt);
  let claimed = 0;
  const deliverOne = async (item: QueuedItem) => {
    try {
      const message = await messageOf(keys, item);
      await withTimeout(timeoutMs, (signal) => deliverer.deliver(message, signal));
      await store.markDelivered(item, Date.now());
      run.delivered++;
    } catch (error) {
      await store.markFailed(item, clock() + backoffSeconds(item.attempts) * 1000, `${deliverer.name}: ${reason(error)}`);
      run.failed++;
    }
  };
  /** The most pressing item due, claimed for this worker. */
  const claim = async () => {
    const at = clock();
    for (const queue of QUEUE_ORDER) {
      const [item] = await store.claimDue(queue, at, at + timeoutMs + LEASE_MARGIN_MS, 1);
      if (item) return item;
    }
    return undefined;
  };
  // Each worker takes the most pressing item that is due, one at a time, until none is left.
  const worker = async () => {
    while (claimed < limit) {
      claimed++;
      const item = await claim();
      if (!item) return;
      await deliverOne(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return run;
}

/** Deletes the content of reports delivered more than `retentionDays` ago. Undelivered reports are never purged. */
export function purgeDelivered(store: ReportStore, now: number, retentionDays: number): Promise<number> {
  return store.purge(now - retentionDays * 24 * 60 * 60 * 1000, now);
}

export interface MaintenanceRun extends DeliveryRun {
  purged: number;
  /** Reports of days now over, added to the reach counts. */
  counted: number;
}

const RATE_LIMIT_MEMORY_MS = 2 * 60 * 60 * 1000;

/**
 * One run of delivery and retention, the same on every target (the Node server's timer, the Worker's
 * cron trigger): deliver what is due when a deliverer is configured, delete content past its
 * retention period, forget rate-limit counts older than two hours, replace sealed follow-up
 * codes by their slow hashes, and add the reports of days now over to the reach counts.
 */
export async function runDeliveryAndRetention(pipeline: Pipeline, deliverer: Deliverer | undefined, options: DeliveryOptions, now = Date.now()): Promise<MaintenanceRun> {
  const run = deliverer ? await deliverDue(pipeline.store, pipeline.keys, deliverer, now, options) : { delivered: 0, failed: 0 };
  await hashWaitingCodes(pipeline);
  const purged = await purgeDelivered(pipeline.store, now, pipeline.config.retentionDays);
  await pipeline.store.forgetClients(now - RATE_LIMIT_MEMORY_MS);
  // Counting comes last and fails alone: a store that cannot take counts changes nothing above.
  const counted = await countPastReports(pipeline, now).catch((error: unknown) => {
    failures.record('reach', error);
    return 0;
  });
  return { ...run, purged, counted };
}

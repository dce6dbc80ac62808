// What the pipeline needs from a database. SQLite (Node) and D1 (Workers) both implement it, from
// the same SQL migrations in migrations/.

export type ReportStatus = 'stored' | 'delivered' | 'purged';

/** A report's row: metadata stays queryable; `content` is ciphertext, null once purged. */
export interface ReportRow {
  reference: string;
  receivedAt: number;
  status: ReportStatus;
  attempts: number;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  lastError: string | null;
  content: Uint8Array | null;
  /** The report's own key, sealed under the master key; null once purged (or for reports stored before there was one). */
  contentKey: Uint8Array | null;
}

export interface NewReport {
  reference: string;
  /** The form token's one-time nonce: a second submission of the same form is the same report. */
  nonce: string;
  receivedAt: number;
  content: Uint8Array;
  contentKey: Uint8Array;
  /** When delivery should first be tried; null when no deliverer is configured. */
  nextAttemptAt: number | null;
  /** The reporter said someone is in danger now: delivered before anything else. */
  urgent: boolean;
}

export interface ReportStore {
  /**
   * Stores a report durably (committed before it resolves). When the nonce was seen before, stores
   * nothing and returns the earlier reference. Throws `ReferenceTaken` if the reference is in use.
   */
  insert(report: NewReport): Promise<{ reference: string; duplicate: boolean }>;
  /** Counts one submission for a client in the hour starting `windowStart`; returns the new count. */
  hit(clientKey: string, windowStart: number): Promise<number>;
  /**
   * Reports due for delivery, most pressing first (danger now, then oldest due), leased to the caller
   * until `leaseUntil` so no one else takes them.
   */
  claimDue(now: number, leaseUntil: number, limit: number): Promise<ReportRow[]>;
  /** Frees every claim: for a server starting up, whose earlier process may have died mid-delivery. */
  releaseLeases(): Promise<void>;
  markDelivered(reference: string, at: number): Promise<void>;
  markFailed(reference: string, nextAttemptAt: number, error: string): Promise<void>;
  /** Deletes the content of reports delivered before `deliveredBefore`; returns how many. */
  purge(deliveredBefore: number, at: number): Promise<number>;
  /** Drops rate-limit rows from before `before`. */
  forgetClients(before: number): Promise<void>;
  get(reference: string): Promise<ReportRow | undefined>;
  list(): Promise<ReportRow[]>;
  /** A fact about the store itself (see migrations/0002_store_meta.sql). */
  readMeta(name: string): Promise<string | undefined>;
  /** Records a fact unless it is already recorded. */
  writeMeta(name: string, value: string): Promise<void>;
  /** Any one report that still has content, to test a key against; undefined when there is none. */
  anyWithContent(): Promise<ReportRow | undefined>;
}

export class ReferenceTaken extends Error {}

/** A `reports` row as either driver returns it; the blobs are already bytes. */
export function rowFromSql(r: Record<string, unknown>, content: Uint8Array | null, contentKey: Uint8Array | null): ReportRow {
  return {
    reference: String(r.reference),
    receivedAt: Number(r.received_at),
    status: r.status as ReportRow['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at == null ? null : Number(r.next_attempt_at),
    deliveredAt: r.delivered_at == null ? null : Number(r.delivered_at),
    lastError: r.last_error == null ? null : String(r.last_error),
    content,
    contentKey,
  };
}

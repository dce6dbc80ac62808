// The report pipeline, independent of HTTP and of the platform:
// validate -> refuse abuse -> store durably, encrypted -> answer with a reference (and a follow-up
// code). Then "tell us more": an addition, checked against the code, stored and delivered the same way.
// Nothing here logs, and nothing it returns contains a report's content.
import {
  checkToken,
  clientHash,
  followUpCodeMatches,
  hashFollowUpCode,
  issueToken,
  newFollowUpCode,
  newReference,
  openItem,
  openSealedReport,
  resealReport,
  sameCode,
  sealItem,
  sealAnswer,
  sealReport,
  type ReportKeys,
} from './crypto.ts';
import { heardAnswer } from '../reach/heard.ts';
import { failures } from './failure-log.ts';
import { validateFollowUp } from './follow-up-schema.ts';
import { fieldError, validateReport, type FieldError, type Report } from './schema.ts';
import { FOLLOW_UP_ERRORS, inEnglish, REPORT_ERRORS, type ErrorTable } from './words.ts';
import { ReferenceTaken, type QueuedItem, type ReportRow, type ReportStore } from './store.ts';
import type { ReportLimits } from '../settings.ts';

export interface Pipeline {
  store: ReportStore;
  keys: ReportKeys;
  config: ReportLimits;
  now: () => number;
}

/** What travels beside the answers: the form token, the honeypot and who sent it. */
export interface Submission {
  input: unknown;
  token: unknown;
  /** The hidden field people never see; anything in it means a robot filled the form. */
  honeypot: unknown;
  /** The client's address, used only for a daily-rotated keyed hash. */
  clientAddress: string;
  /** The answer to "How did you hear about this?", if any: counted, never part of the report (src/reach/heard.ts). */
  heard?: unknown;
}

/** Why nothing was stored, the same for a report and an addition. */
export type Refusal =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'rate-limited'; retryAfter: number }
  /** `failure` is the id of the log line that says why, to show the person. */
  | { kind: 'unavailable'; failure: string };

export type Outcome =
  /** Stored. The follow-up code is shown once and can never be shown again. */
  | { kind: 'accepted'; reference: string; followUpCode: string; report: Report }
  /** This form was sent before with other answers: those are kept, these were not stored. */
  | { kind: 'already-sent'; reference: string }
  | Refusal;

export type FollowUpOutcome =
  | { kind: 'accepted'; reference: string; addition: number }
  /** The reference and code do not match a report that can still be added to: the same answer whichever is wrong. */
  | { kind: 'not-matched' }
  /** This form was sent before with other words: those are kept, these were not stored. */
  | { kind: 'already-sent'; reference: string; addition: number }
  | Refusal;

const HOUR = 60 * 60 * 1000;

export function newToken(p: Pipeline): Promise<string> {
  return issueToken(p.keys, p.now());
}

/** Answers in one order, so two reports with the same answers compare equal. */
const canonical = (value: object) => JSON.stringify(value, Object.keys(value).sort());

/** The context an addition is sealed under: its report and its own nonce, so it cannot be moved. */
export const followUpContext = (item: Pick<QueuedItem, 'reference' | 'nonce'>) => `${item.reference}#${item.nonce}`;

/**
 * A form sent twice is one report. When the second sending has the same answers (a retry, a double
 * click) it gets the same reference; when they differ, the person must be told their changes were
 * not stored, rather than be shown "Report sent" for words the team will never see.
 */
async function sameAsStored(p: Pipeline, row: ReportRow | undefined, report: Report): Promise<boolean> {
  if (!row?.content) return true; // already delivered and deleted: nothing left to compare
  return canonical((await openSealedReport<Report>(p.keys, row.reference, row.content, row.contentKey)).report) === canonical(report);
}

/** Counts an attempt against the client's hourly limit; the refusal when it is over. */
async function overLimit(p: Pipeline, purpose: string, limit: number, clientAddress: string, now: number): Promise<Refusal | undefined> {
  if (limit <= 0) return undefined;
  const windowStart = Math.floor(now / HOUR) * HOUR;
  const count = await p.store.hit(await clientHash(p.keys, `${purpose}|${clientAddress}`, now), windowStart);
  return count > limit ? { kind: 'rate-limited', retryAfter: Math.ceil((windowStart + HOUR - now) / 1000) } : undefined;
}

/** The checks every form shares: the honeypot, then the signed token. The nonce on success; problems in the form's own words. */
async function checkForm(p: Pipeline, s: Submission, now: number, table: ErrorTable): Promise<{ nonce: string } | { errors: FieldError[] }> {
  if (typeof s.honeypot === 'string' && s.honeypot.trim() !== '') return { errors: inEnglish([fieldError('token.invalid')], table) };
  const token = await checkToken(p.keys, s.token, now, p.config.minFillSeconds, p.config.tokenMaxAgeSeconds);
  return token.ok ? { nonce: token.nonce } : { errors: inEnglish([fieldError(`token.${token.reason}`)], table) };
}

export async function submit(p: Pipeline, s: Submission): Promise<Outcome> {
  const now = p.now();
  const checked = validateReport(s.input);
  const form = await checkForm(p, s, now, REPORT_ERRORS);
  if (!checked.ok) return { kind: 'invalid', errors: inEnglish(checked.errors, REPORT_ERRORS) };
  if ('errors' in form) return { kind: 'invalid', errors: form.errors };

  try {
    const limited = await overLimit(p, 'report', p.config.rateLimit, s.clientAddress, now);
    if (limited) return limited;
    const heard = heardAnswer(s.heard);
    // A reference clash is vanishingly rare (31^8 codes); try again with a new one.
    for (let attempt = 0; attempt < 5; attempt++) {
      const reference = newReference();
      const followUpCode = newFollowUpCode();
      try {
        const stored = await p.store.insert({
          reference,
          nonce: form.nonce,
          receivedAt: now,
          ...(await sealReport(p.keys, reference, checked.report, followUpCode)),
          followUpWaiting: true,
          nextAttemptAt: p.config.delivering ? now : null,
          urgent: checked.report.danger === 'yes',
          heard: heard === undefined ? null : await sealAnswer(p.keys, reference, heard),
        });
        if (!stored.duplicate) return { kind: 'accepted', reference, followUpCode, report: checked.report };
        const row = await p.store.get(stored.reference);
        if (!(await sameAsStored(p, row, checked.report))) return { kind: 'already-sent', reference: stored.reference };
        // A retry: the person may never have seen the first answer, so the code they see now is the one that works.
        const again = newFollowUpCode();
        if (row?.content) await p.store.replaceFollowUpCode(stored.reference, await resealReport(p.keys, stored.reference, row.contentKey, checked.report, again));
        return { kind: 'accepted', reference: stored.reference, followUpCode: again, report: checked.report };
      } catch (error) {
        if (!(error instanceof ReferenceTaken)) throw error;
      }
    }
    return { kind: 'unavailable', failure: failures.record('store', new ReferenceTaken('five references in a row were taken')) };
  } catch (error) {
    // The store could not commit: say so, and never show a reference that is not on disk.
    return { kind: 'unavailable', failure: failures.record('store', error) };
  }
}

/**
 * Does `code` open this report for additions? Each way through works out the slow hash once: with no
 * report, or one past retention, too, so a wrong reference takes as long to refuse as a wrong code.
 */
async function codeMatches(p: Pipeline, row: ReportRow | undefined, code: string): Promise<boolean> {
  if (row?.followUpHash) return followUpCodeMatches(code, row.followUpHash);
  // Still waiting to be hashed: the hash is due anyway, so it is worked out now.
  const waiting = row?.followUpWaiting ? await hashWaitingCode(p, row) : undefined;
  if (waiting) return sameCode(waiting, code);
  await hashFollowUpCode(code);
  return false;
}

/**
 * Replaces a report's sealed code by its slow hash, sealing the content again without it. Returns
 * the code (to compare), or undefined when the report has none.
 */
async function hashWaitingCode(p: Pipeline, row: ReportRow): Promise<string | undefined> {
  if (!row.content) return undefined;
  const { report, followUpCode } = await openSealedReport<Report>(p.keys, row.reference, row.content, row.contentKey);
  if (!followUpCode) return undefined;
  const hash = await hashFollowUpCode(followUpCode);
  await p.store.setCodeHash(row.reference, hash, await resealReport(p.keys, row.reference, row.contentKey, report), row.content);
  return followUpCode;
}

/** "Tell us more": stores an addition to a report, if the reference and follow-up code match. */
export async function addFollowUp(p: Pipeline, s: Submission): Promise<FollowUpOutcome> {
  const now = p.now();
  const checked = validateFollowUp(s.input);
  const form = await checkForm(p, s, now, FOLLOW_UP_ERRORS);
  if (!checked.ok) return { kind: 'invalid', errors: inEnglish(checked.errors, FOLLOW_UP_ERRORS) };
  if ('errors' in form) return { kind: 'invalid', errors: form.errors };
  const { reference, followUpCode, details } = checked.followUp;

  try {
    // Every attempt counts, right or wrong: guessing codes is slow by design.
    const limited = await overLimit(p, 'follow-up', p.config.followUpRateLimit, s.clientAddress, now);
    if (limited) return limited;
    const row = await p.store.get(reference);
    if (!(await codeMatches(p, row, followUpCode)) || !row?.contentKey) return { kind: 'not-matched' };
    const sealed = await sealItem(p.keys, followUpContext({ reference, nonce: form.nonce }), { details });
    const stored = await p.store.insertFollowUp({ reference, nonce: form.nonce, receivedAt: now, content: sealed.content, contentKey: sealed.contentKey, nextAttemptAt: p.config.delivering ? now : null });
    const addition = stored.item.number!;
    if (stored.duplicate) {
      const before = stored.item.content ? await openItem<{ details: string }>(p.keys, followUpContext(stored.item), stored.item.content, stored.item.contentKey) : { details };
      if (before.details !== details || stored.item.reference !== reference) return { kind: 'already-sent', reference: stored.item.reference, addition };
    }
    return { kind: 'accepted', reference, addition };
  } catch (error) {
    return { kind: 'unavailable', failure: failures.record('store', error) };
  }
}

/**
 * Replaces sealed follow-up codes by their slow hashes, a few at a time: part of the delivery and
 * retention run, so the cost is never paid while a report waits for its answer. Returns how many.
 */
export async function hashWaitingCodes(p: Pipeline, limit = 25): Promise<number> {
  const waiting = await p.store.unhashedCodes(limit);
  for (const row of waiting) await hashWaitingCode(p, row);
  return waiting.length;
}

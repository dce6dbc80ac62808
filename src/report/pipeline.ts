// The report pipeline, independent of HTTP and of the platform:
// validate -> refuse abuse -> store durably, encrypted -> answer with a reference.
// Nothing here logs, and nothing it returns contains a report's content.
import { checkToken, clientHash, issueToken, openReport, sealReport, newReference, type ReportKeys } from './crypto.ts';
import { failures } from './failure-log.ts';
import { validateReport, type FieldError, type Report } from './schema.ts';
import { ReferenceTaken, type ReportStore } from './store.ts';
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
}

export type Outcome =
  | { kind: 'accepted'; reference: string; report: Report }
  /** This form was sent before with other answers: those are kept, these were not stored. */
  | { kind: 'already-sent'; reference: string }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'rate-limited'; retryAfter: number }
  /** `failure` is the id of the log line that says why, to show the person. */
  | { kind: 'unavailable'; failure: string };

const HOUR = 60 * 60 * 1000;

// Why a report was not sent, and that nothing typed was lost: a person told only "send it again"
// cannot tell a glitch from a refusal, and may give up.
export const TOKEN_MESSAGES = {
  invalid: 'Your report was not sent, because this copy of the form could not be checked (it may have come from an old or saved page). Your answers are still here: check them and press Send report again',
  expired: 'Your report was not sent, because the form had been open for too long and expired, to protect you. Your answers are still here: check them and press Send report again',
  'too-fast': 'Your report was not sent, because it came back within seconds of the form opening, which is what automatic spam does. Your answers are still here: check them and press Send report again',
} as const;

/** What to tell someone whose changed answers were not stored because the form had already been sent. */
export const alreadySentMessage = (reference: string) =>
  `You already sent this form: it is report ${reference}. The changes you made since were not sent. Check your answers and send the form again to send them as a new report.`;

export function newToken(p: Pipeline): Promise<string> {
  return issueToken(p.keys, p.now());
}

/** Answers in one order, so two reports with the same answers compare equal. */
const canonical = (report: Report) => JSON.stringify(report, Object.keys(report).sort());

/**
 * A form sent twice is one report. When the second sending has the same answers (a retry, a double
 * click) it gets the same reference; when they differ, the person must be told their changes were
 * not stored, rather than be shown "Report sent" for words the team will never see.
 */
async function sameAsStored(p: Pipeline, reference: string, report: Report): Promise<boolean> {
  const row = await p.store.get(reference);
  if (!row?.content) return true; // already delivered and deleted: nothing left to compare
  return canonical(await openReport<Report>(p.keys, reference, row.content, row.contentKey)) === canonical(report);
}

export async function submit(p: Pipeline, s: Submission): Promise<Outcome> {
  const now = p.now();
  const checked = validateReport(s.input);
  if (typeof s.honeypot === 'string' && s.honeypot.trim() !== '') {
    return { kind: 'invalid', errors: [{ field: 'token', message: TOKEN_MESSAGES.invalid }] };
  }
  const token = await checkToken(p.keys, s.token, now, p.config.minFillSeconds, p.config.tokenMaxAgeSeconds);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  if (!token.ok) return { kind: 'invalid', errors: [{ field: 'token', message: TOKEN_MESSAGES[token.reason] }] };

  try {
    if (p.config.rateLimit > 0) {
      const windowStart = Math.floor(now / HOUR) * HOUR;
      const count = await p.store.hit(await clientHash(p.keys, s.clientAddress, now), windowStart);
      if (count > p.config.rateLimit) return { kind: 'rate-limited', retryAfter: Math.ceil((windowStart + HOUR - now) / 1000) };
    }
    // A reference clash is vanishingly rare (31^8 codes); try again with a new one.
    for (let attempt = 0; attempt < 5; attempt++) {
      const reference = newReference();
      try {
        const stored = await p.store.insert({
          reference,
          nonce: token.nonce,
          receivedAt: now,
          ...(await sealReport(p.keys, reference, checked.report)),
          nextAttemptAt: p.config.delivering ? now : null,
          urgent: checked.report.danger === 'yes',
        });
        if (stored.duplicate && !(await sameAsStored(p, stored.reference, checked.report))) return { kind: 'already-sent', reference: stored.reference };
        return { kind: 'accepted', reference: stored.reference, report: checked.report };
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

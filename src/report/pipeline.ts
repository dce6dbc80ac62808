// The report pipeline, independent of HTTP and of the platform:
// validate -> refuse abuse -> store durably, encrypted -> answer with a reference.
// Nothing here logs, and nothing it returns contains a report's content.
import type { ReportConfig } from './config.ts';
import { checkToken, clientHash, encryptContent, issueToken, newReference, type ReportKeys } from './crypto.ts';
import { fieldError, validateReport, type FieldError, type Report } from './schema.ts';
import { ReferenceTaken, type ReportStore } from './store.ts';

export interface Pipeline {
  store: ReportStore;
  keys: ReportKeys;
  config: ReportConfig;
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
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'unavailable' };

const HOUR = 60 * 60 * 1000;


export function newToken(p: Pipeline): Promise<string> {
  return issueToken(p.keys, p.now());
}

export async function submit(p: Pipeline, s: Submission): Promise<Outcome> {
  const now = p.now();
  const checked = validateReport(s.input);
  if (typeof s.honeypot === 'string' && s.honeypot.trim() !== '') {
    return { kind: 'invalid', errors: [fieldError('token.invalid')] };
  }
  const token = await checkToken(p.keys, s.token, now, p.config.minFillSeconds, p.config.tokenMaxAgeSeconds);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  if (!token.ok) return { kind: 'invalid', errors: [fieldError(`token.${token.reason}`)] };

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
          content: await encryptContent(p.keys, reference, checked.report),
          nextAttemptAt: p.config.delivering ? now : null,
        });
        return { kind: 'accepted', reference: stored.reference, report: checked.report };
      } catch (error) {
        if (!(error instanceof ReferenceTaken)) throw error;
      }
    }
    return { kind: 'unavailable' };
  } catch {
    // The store could not commit: say so, and never show a reference that is not on disk.
    return { kind: 'unavailable' };
  }
}

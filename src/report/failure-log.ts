// Failures the people running the server must be able to see — never with any of a report's
// content. Each failure gets a short id, shown to the person in the answer and written in the log
// line, so a "could not be saved" they report can be matched to its cause. The line says which part
// failed and the error's class and code (SQLITE_FULL, ECONNREFUSED), never its message, which could
// quote a value. Under a burst (a full disk refuses every report) one line a minute carries the count.

export type FailureKind = 'store' | 'pipeline' | 'handler' | 'delivery-run' | 'reach';

export interface FailureLog {
  /** Records one failure; returns its id. */
  record(kind: FailureKind, error: unknown): string;
}

/** The error's class and codes, which name the cause without quoting anything. */
export function errorClass(error: unknown): string {
  if (!(error instanceof Error)) return `class=${typeof error}`;
  const e = error as Error & { code?: unknown; errcode?: unknown; errstr?: unknown };
  const parts = [`class=${e.name}`];
  if (typeof e.code === 'string' || typeof e.code === 'number') parts.push(`code=${e.code}`);
  if (typeof e.errcode === 'number') parts.push(`sqlite=${e.errcode}`);
  // SQLite's own text for the code ("database or disk is full"), never the statement or a value.
  if (typeof e.errstr === 'string' && /^[a-z ]{1,60}$/i.test(e.errstr)) parts.push(`"${e.errstr}"`);
  return parts.join(' ');
}

const ID_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ23456789';
function newId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** A failure log writing to `write` (console.error), at most one line per kind and class a minute. */
export function failureLog(write: (line: string) => void = (line) => console.error(line), windowMs = 60_000, now: () => number = Date.now): FailureLog {
  const seen = new Map<string, { total: number; sinceLine: number; lineAt: number }>();
  return {
    record(kind, error) {
      const id = newId();
      const cls = errorClass(error);
      const key = `${kind} ${cls}`;
      const entry = seen.get(key) ?? { total: 0, sinceLine: 0, lineAt: -Infinity };
      entry.total++;
      entry.sinceLine++;
      if (now() - entry.lineAt >= windowMs) {
        const more = entry.sinceLine > 1 ? ` (${entry.sinceLine - 1} more like it since the last line)` : '';
        write(`report failure: part=${kind} ${cls} id=${id} count=${entry.total}${more}`);
        entry.lineAt = now();
        entry.sinceLine = 0;
      }
      seen.set(key, entry);
      return id;
    },
  };
}

/** The process's log: every failure on a target goes through this one, so the counts are the process's. */
export const failures = failureLog();

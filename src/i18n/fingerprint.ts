// The fingerprint a translation records of the English it follows. BUILD-TIME ONLY.
import { createHash } from 'node:crypto';

/** 12 hex characters of SHA-256 over the text, line endings normalised so Windows editors agree. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('hex').slice(0, 12);
}

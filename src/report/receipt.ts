// A stored report or addition posted from an HTML form is answered with a redirect (post/redirect/
// get) to the confirmation page, so that reload shows the confirmation again and never sends
// anything again, and Back leads to the empty form rather than to the post. The confirmation's
// address carries a receipt: what the confirmation shows (reference, follow-up code, danger answer,
// addition number), sealed with AES-GCM, so that the address the browser keeps in its history
// shows none of it, and nobody can make a confirmation for something that was not stored. A receipt
// opens for RECEIPT_MAX_AGE_MS — long enough to reload and write the reference and code down, short
// because anyone with the browser's history could open it in that time; then the page has expired.
import { base64url, REFERENCE_PATTERN, type ReportKeys } from './crypto.ts';

export const RECEIPT_MAX_AGE_MS = 15 * 60 * 1000;
/** The confirmation page, and the name of its one query parameter. */
export const RECEIPT_PATH = '/report/sent/';
export const RECEIPT_PARAM = 'receipt';

/** What the confirmation shows: for a report, its follow-up code and danger answer; for an addition, its number. */
export type Receipt = { reference: string; followUpCode: string; danger: boolean } | { reference: string; addition: number };

const enc = new TextEncoder();
const PURPOSE = enc.encode('see-the-signs:receipt');

export async function sealReceipt(keys: ReportKeys, receipt: Receipt, now: number): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = enc.encode(JSON.stringify({ ...receipt, t: now }));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: PURPOSE }, keys.receipt, plain));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return base64url.encode(out);
}

/** The receipt in a confirmation address, or null when it is missing, altered, made up or expired. */
export async function openReceipt(keys: ReportKeys, sealed: string | null, now: number): Promise<Receipt | null> {
  if (!sealed || sealed.length > 300) return null;
  let opened: Record<string, unknown>;
  try {
    const bytes = base64url.decode(sealed);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: PURPOSE }, keys.receipt, bytes.slice(12));
    opened = JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>;
  } catch {
    return null;
  }
  const { reference, followUpCode, danger, addition, t } = opened;
  if (typeof reference !== 'string' || !REFERENCE_PATTERN.test(reference) || typeof t !== 'number') return null;
  if (t > now + 60_000 || now - t > RECEIPT_MAX_AGE_MS) return null;
  if (typeof addition === 'number') return { reference, addition };
  if (typeof followUpCode === 'string' && typeof danger === 'boolean') return { reference, followUpCode, danger };
  return null;
}

/** Where a stored report's or addition's form post is redirected. */
export async function receiptLocation(keys: ReportKeys, receipt: Receipt, now: number): Promise<string> {
  return `${RECEIPT_PATH}?${RECEIPT_PARAM}=${await sealReceipt(keys, receipt, now)}`;
}

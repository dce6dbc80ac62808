// After a report is stored, the form post is answered with a redirect (post/redirect/get) to the
// confirmation page, so that reload shows the confirmation again and never sends the report again,
// and Back leads to the empty form rather than to the post. The confirmation's address carries a
// receipt: the reference and the danger answer, sealed (AES-GCM), so that the address the browser
// keeps in its history shows neither, and nobody can make a confirmation for a report that was not
// stored. A receipt opens for RECEIPT_MAX_AGE_MS, long enough to reload and write the reference
// down; after that the page only says it has expired.
import { base64url, REFERENCE_PATTERN, type ReportKeys } from './crypto.ts';

export const RECEIPT_MAX_AGE_MS = 30 * 60 * 1000;
/** The confirmation page, and the name of its one query parameter. */
export const RECEIPT_PATH = '/report/sent/';
export const RECEIPT_PARAM = 'receipt';

export interface Receipt {
  reference: string;
  /** The person said someone is in danger now. */
  danger: boolean;
}

const enc = new TextEncoder();
const PURPOSE = enc.encode('see-the-signs:receipt');

export async function sealReceipt(keys: ReportKeys, receipt: Receipt, now: number): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = enc.encode(JSON.stringify({ r: receipt.reference, d: receipt.danger ? 1 : 0, t: now }));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: PURPOSE }, keys.receipt, plain));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return base64url.encode(out);
}

/** The receipt in a confirmation address, or null when it is missing, altered, made up or expired. */
export async function openReceipt(keys: ReportKeys, sealed: string | null, now: number): Promise<Receipt | null> {
  if (!sealed || sealed.length > 200) return null;
  try {
    const bytes = base64url.decode(sealed);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: PURPOSE }, keys.receipt, bytes.slice(12));
    const { r, d, t } = JSON.parse(new TextDecoder().decode(plain)) as { r: unknown; d: unknown; t: unknown };
    if (typeof r !== 'string' || !REFERENCE_PATTERN.test(r) || typeof t !== 'number') return null;
    if (t > now + 60_000 || now - t > RECEIPT_MAX_AGE_MS) return null;
    return { reference: r, danger: d === 1 };
  } catch {
    return null;
  }
}

/** Where a stored report's form post is redirected. */
export async function receiptLocation(keys: ReportKeys, receipt: Receipt, now: number): Promise<string> {
  return `${RECEIPT_PATH}?${RECEIPT_PARAM}=${await sealReceipt(keys, receipt, now)}`;
}

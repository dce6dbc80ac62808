// Keys, encryption, form tokens and the rate-limit hash, on Web Crypto so that the Node server and
// a Cloudflare Worker share one implementation. One 32-byte secret is stretched (HKDF) into a
// separate key for each job, so no key does two things.

const enc = new TextEncoder();
const dec = new TextDecoder();

export interface ReportKeys {
  /** AES-256-GCM key for report content. */
  content: CryptoKey;
  /** HMAC-SHA256 key that signs form tokens. */
  token: CryptoKey;
  /** HMAC-SHA256 key that hashes client addresses for the rate limit. */
  client: CryptoKey;
  /** AES-256-GCM key that seals the confirmation page's address (receipt.ts). */
  receipt: CryptoKey;
  /** HMAC-SHA256 key whose output identifies the secret without revealing it (see keyCheck). */
  check: CryptoKey;
  /** HMAC-SHA256 key that makes each report's and addition's own key from its salt (sealItem). */
  item: CryptoKey;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
export const base64url = { encode: toBase64Url, decode: fromBase64Url };

/** Parses the secret (base64 or base64url, 32 bytes); throws a message that says what to change. */
export function parseSecret(text: string): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64Url(text.trim().replace(/=+$/, ''));
  } catch {
    throw new Error('REPORT_SECRET must be base64: create one with `openssl rand -base64 32`');
  }
  if (bytes.length !== 32) throw new Error(`REPORT_SECRET must be 32 bytes of base64 (it is ${bytes.length}): create one with \`openssl rand -base64 32\``);
  return bytes;
}

export async function deriveKeys(secret: Uint8Array<ArrayBuffer>): Promise<ReportKeys> {
  const master = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  const derive = (info: string, algorithm: AesKeyGenParams | HmacKeyGenParams, usages: KeyUsage[]) =>
    crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: enc.encode(`see-the-signs:${info}`) }, master, algorithm, false, usages);
  return {
    content: await derive('content', { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']),
    token: await derive('token', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign', 'verify']),
    client: await derive('client', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']),
    receipt: await derive('receipt', { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']),
    check: await derive('key-check', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']),
    item: await derive('item-key', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']),
  };
}

/** A value that is the same for the same secret and tells nothing about it: kept in the store to notice a changed key. */
export async function keyCheck(keys: ReportKeys): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', keys.check, enc.encode('see-the-signs key check'))));
}

/** AES-256-GCM with a fresh IV; `context` is bound in as associated data. Output: IV then sealed bytes. */
async function encryptWith(key: CryptoKey, context: string, plain: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(context) }, key, plain));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return out;
}

async function decryptWith(key: CryptoKey, context: string, blob: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(blob);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: enc.encode(context) }, key, bytes.slice(12)));
}

const importDataKey = (raw: Uint8Array<ArrayBuffer>) => crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);

/** Sealed content, and what its own key is made from (see sealItem). */
export interface Sealed {
  content: Uint8Array;
  contentKey: Uint8Array;
}

/** An item's own key: an HMAC of its salt and context under the item key, which never leaves the server. */
async function derivedKey(keys: ReportKeys, context: string, salt: Uint8Array): Promise<CryptoKey> {
  const message = new Uint8Array(salt.length + context.length * 3);
  message.set(salt);
  const written = enc.encodeInto(context, message.subarray(salt.length)).written;
  return importDataKey(new Uint8Array(await crypto.subtle.sign('HMAC', keys.item, message.subarray(0, salt.length + written))));
}

/**
 * The key an item was sealed with, from what is stored beside it: a 16-byte salt (now), a key sealed
 * under the master key (60 bytes, the first version of per-item keys), or nothing (an item stored
 * before there were per-item keys, sealed under the master key itself).
 */
async function itemKey(keys: ReportKeys, context: string, contentKey: Uint8Array | null): Promise<CryptoKey> {
  if (!contentKey) return keys.content;
  if (contentKey.length === 16) return derivedKey(keys, context, contentKey);
  return importDataKey(await decryptWith(keys.content, `key:${context}`, contentKey));
}

/**
 * Seals content under a key of its own, made from a random salt stored beside it. Retention deletes
 * the salt with the content, so a copy of the ciphertext left anywhere (a backup, a free page) no
 * longer opens with the key file. `context` (a report's reference, an addition's reference and
 * nonce) is bound into both, so neither can be moved to another row. Two Web Crypto calls more than
 * sealing under the master key: an HMAC and a key import, about 30 µs of CPU.
 */
export async function sealItem(keys: ReportKeys, context: string, content: unknown): Promise<Sealed> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { content: await encryptWith(await derivedKey(keys, context, salt), context, enc.encode(JSON.stringify(content))), contentKey: salt };
}

/** Opens what sealItem() sealed. */
export async function openItem<T>(keys: ReportKeys, context: string, content: Uint8Array, contentKey: Uint8Array | null): Promise<T> {
  return JSON.parse(dec.decode(await decryptWith(await itemKey(keys, context, contentKey), context, content))) as T;
}

/**
 * A report as sealed: the answers, and its follow-up code until the code is hashed. The code rides
 * in the same sealed content, so receiving a report costs no extra encryption for it.
 */
interface SealedAnswers<T> {
  r: T;
  c?: string;
}

/** Seals a report's answers with its follow-up code, under the report's own key. */
export function sealReport(keys: ReportKeys, reference: string, report: unknown, followUpCode: string | undefined): Promise<Sealed> {
  return sealItem(keys, reference, { r: report, ...(followUpCode ? { c: followUpCode } : {}) } satisfies SealedAnswers<unknown>);
}

/** Opens a report: its answers, and its follow-up code if it has not been hashed yet. */
export async function openSealedReport<T>(keys: ReportKeys, reference: string, content: Uint8Array, contentKey: Uint8Array | null): Promise<{ report: T; followUpCode: string | undefined }> {
  const opened = await openItem<SealedAnswers<T> | T>(keys, reference, content, contentKey);
  // Reports stored before follow-up codes were sealed as the bare answers.
  if (typeof opened === 'object' && opened !== null && 'r' in opened) return { report: (opened as SealedAnswers<T>).r, followUpCode: (opened as SealedAnswers<T>).c };
  return { report: opened as T, followUpCode: undefined };
}

/** Opens a report's answers. */
export async function openReport<T>(keys: ReportKeys, reference: string, content: Uint8Array, contentKey: Uint8Array | null): Promise<T> {
  return (await openSealedReport<T>(keys, reference, content, contentKey)).report;
}

/** Seals a report's answers again under the same key: without its code once hashed, or with a new one. */
export async function resealReport(keys: ReportKeys, reference: string, contentKey: Uint8Array | null, report: unknown, followUpCode?: string): Promise<Uint8Array> {
  const answers: SealedAnswers<unknown> = { r: report, ...(followUpCode ? { c: followUpCode } : {}) };
  return encryptWith(await itemKey(keys, reference, contentKey), reference, enc.encode(JSON.stringify(answers)));
}

/** The longest "How did you hear about this?" answer: a campaign's name in its file, or "other". */
export const ANSWER_MAX_LENGTH = 60;

/**
 * Seals a report's "How did you hear about this?" answer (a short code, never the person's words)
 * until it is counted with the rest of its day (src/reach/tally.ts). Padded to one length, so that
 * not even the size of what is stored tells one answer from another.
 */
export function sealAnswer(keys: ReportKeys, reference: string, answer: string): Promise<Uint8Array> {
  return encryptWith(keys.content, `heard:${reference}`, enc.encode(answer.slice(0, ANSWER_MAX_LENGTH).padEnd(ANSWER_MAX_LENGTH, ' ')));
}

/** Opens what sealAnswer() sealed. */
export async function openAnswer(keys: ReportKeys, reference: string, sealed: Uint8Array): Promise<string> {
  return dec.decode(await decryptWith(keys.content, `heard:${reference}`, sealed)).trimEnd();
}

/**
 * "K7PX-2MPA-9RTE-4WNB": sixteen characters of the reference alphabet (about 79 bits), so it can be
 * written down and read out. Shown once; only its hash is kept.
 */
export function newFollowUpCode(): string {
  const chars = randomChars(16);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
export const FOLLOW_UP_CODE_PATTERN = /^[A-HJ-NPR-Z2-9]{4}(-[A-HJ-NPR-Z2-9]{4}){3}$/;

/**
 * PBKDF2-SHA256 with 100,000 iterations, the most Cloudflare Workers allow, and a salt of its own:
 * a stolen database gives nothing faster than guessing each code slowly. Stored as salt then hash.
 * It costs tens of milliseconds, so it runs in the delivery and retention run, never when a report
 * is received.
 */
export const FOLLOW_UP_HASH_ITERATIONS = 100_000;
export async function hashFollowUpCode(code: string, salt: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(16))): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', enc.encode(code), 'PBKDF2', false, ['deriveBits']);
  const hash = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: FOLLOW_UP_HASH_ITERATIONS }, material, 256));
  const out = new Uint8Array(salt.length + hash.length);
  out.set(salt);
  out.set(hash, salt.length);
  return out;
}

/** Compares two byte strings in time that depends only on their length. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i] ?? 0);
  return difference === 0;
}

/** True when `code` hashes to `stored`. */
export async function followUpCodeMatches(code: string, stored: Uint8Array): Promise<boolean> {
  return sameBytes(await hashFollowUpCode(code, new Uint8Array(stored.slice(0, 16))), stored);
}

/** True when two codes are the same, compared in constant time. */
export const sameCode = (a: string, b: string) => sameBytes(enc.encode(a), enc.encode(b));

/** A form token: when it was issued, a one-time nonce, and a signature over both. */
export async function issueToken(keys: ReportKeys, nowMs: number): Promise<string> {
  const nonce = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  const body = `${nowMs.toString(36)}.${nonce}`;
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', keys.token, enc.encode(body)));
  return `${body}.${toBase64Url(sig)}`;
}

export type TokenCheck = { ok: true; nonce: string } | { ok: false; reason: 'invalid' | 'too-fast' | 'expired' };

export async function checkToken(keys: ReportKeys, token: unknown, nowMs: number, minFillSeconds: number, maxAgeSeconds: number): Promise<TokenCheck> {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'invalid' };
  const [issued, nonce, sig] = token.split('.');
  if (!issued || !nonce || !sig || !/^[0-9a-z]+$/.test(issued)) return { ok: false, reason: 'invalid' };
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = fromBase64Url(sig);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const valid = await crypto.subtle.verify('HMAC', keys.token, signature, enc.encode(`${issued}.${nonce}`));
  if (!valid) return { ok: false, reason: 'invalid' };
  const age = (nowMs - parseInt(issued, 36)) / 1000;
  if (age < minFillSeconds) return { ok: false, reason: 'too-fast' };
  if (age > maxAgeSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, nonce };
}

/** A keyed hash of a client address that changes every UTC day; the address itself is never kept. */
export async function clientHash(keys: ReportKeys, address: string, nowMs: number): Promise<string> {
  const day = new Date(nowMs).toISOString().slice(0, 10);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.client, enc.encode(`${day}|${address}`)));
  return toBase64Url(mac.slice(0, 18));
}

const ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ23456789';
/** `count` characters of ALPHABET, each equally likely. */
function randomChars(count: number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    for (const b of crypto.getRandomValues(new Uint8Array(count * 2))) {
      // Rejection sampling keeps every character equally likely.
      if (b < 248 && out.length < count) out.push(ALPHABET[b % ALPHABET.length]!);
    }
  }
  return out;
}
/** "ABCD-2345": eight characters with no I, O, Q, 0 or 1, so it can be read out over the phone. */
export function newReference(): string {
  const out = randomChars(8);
  return `${out.slice(0, 4).join('')}-${out.slice(4).join('')}`;
}
export const REFERENCE_PATTERN = /^[A-HJ-NPR-Z2-9]{4}-[A-HJ-NPR-Z2-9]{4}$/;

// The pipeline and its HTTP handlers against a real SQLite file.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { newReference, openReport, REFERENCE_PATTERN } from '../../src/report/crypto.ts';
import { submit } from '../../src/report/pipeline.ts';
import { formToInput, validateReport } from '../../src/report/schema.ts';
import { inEnglish } from '../../src/report/words.ts';
import { routerFor, tempPipeline, tokenFrom } from '../support/pipeline.ts';
import type { Pipeline } from '../../src/report/pipeline.ts';

/** The JSON API's answer, through the router every target uses. */
const api = async (pipeline: Pipeline, request: Request, address: string) => (await routerFor(pipeline).handle(request, address)) as Response;

const CONCERN = 'A van parks outside 4 Elm Road at night and teenagers carry bags inside.';
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/reports', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('the report schema', () => {
  test('only the account of what happened is required', () => {
    expect(validateReport({ concern: CONCERN }).ok).toBe(true);
    // The schema (also run in the browser) gives the code; the pipeline puts the English words in.
    expect(validateReport({ concern: '   ' })).toEqual({ ok: false, errors: [{ field: 'concern', message: 'concern.invalid', code: 'concern.invalid' }] });
    const tooLong = validateReport({ concern: 'x'.repeat(5001) });
    expect(tooLong.ok ? [] : inEnglish(tooLong.errors)).toEqual([{ field: 'concern', message: 'What you are worried about must be 5000 characters or fewer', code: 'concern.tooLong' }]);
  });
  test('errors come in the order of the form', () => {
    const result = validateReport({ contact: 'contact', danger: 'perhaps' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['danger', 'concern', 'contactMethod']);
  });
  test('form data: blank answers are left out, checkboxes are a list', () => {
    const form = new URLSearchParams('concern=Hi&where=&categories=cuckooing&categories=weapons&extra=x');
    expect(formToInput(form)).toEqual({ concern: 'Hi', categories: ['cuckooing', 'weapons'] });
  });
});

describe('the pipeline', () => {
  test('stores the report encrypted and answers with a reference', async () => {
    const { dir, pipeline } = await tempPipeline();
    const outcome = await submit(pipeline, { input: { concern: CONCERN }, token: await tokenFrom(pipeline), honeypot: '', clientAddress: '203.0.113.9' });
    expect(outcome.kind).toBe('accepted');
    const reference = outcome.kind === 'accepted' ? outcome.reference : '';
    expect(reference).toMatch(REFERENCE_PATTERN);
    const row = await pipeline.store.get(reference);
    expect(row?.status).toBe('stored');
    // The words are not in the file; the key opens them.
    const file = readFileSync(join(dir, 'reports.sqlite'));
    const wal = readFileSync(join(dir, 'reports.sqlite-wal'));
    expect(Buffer.concat([file, wal]).includes(Buffer.from('Elm Road'))).toBe(false);
    expect(Buffer.concat([file, wal]).includes(Buffer.from('203.0.113.9'))).toBe(false);
    expect((await openReport<{ concern: string }>(pipeline.keys, reference, row!.content!, row!.contentKey)).concern).toBe(CONCERN);
    // Content cannot be moved to another row: the reference is bound into the ciphertext.
    await expect(openReport(pipeline.keys, 'AAAA-2222', row!.content!, row!.contentKey)).rejects.toThrow();
    expect(statSync(join(dir, 'report.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'reports.sqlite')).mode & 0o777).toBe(0o600);
  });

  test('the same form sent twice is one report', async () => {
    const { pipeline } = await tempPipeline();
    const token = await tokenFrom(pipeline);
    const a = await submit(pipeline, { input: { concern: CONCERN }, token, honeypot: undefined, clientAddress: 'x' });
    const b = await submit(pipeline, { input: { concern: CONCERN }, token, honeypot: undefined, clientAddress: 'x' });
    expect(a.kind === 'accepted' && b.kind === 'accepted' && a.reference === b.reference).toBe(true);
    expect(await pipeline.store.list()).toHaveLength(1);
  });

  test('the same form sent again with changed answers is not "sent": the first answers stay, and the person is told', async () => {
    const { pipeline } = await tempPipeline();
    const token = await tokenFrom(pipeline);
    const first = await submit(pipeline, { input: { concern: CONCERN }, token, honeypot: '', clientAddress: 'x' });
    const changed = await submit(pipeline, { input: { concern: `${CONCERN} Also a red car.` }, token, honeypot: '', clientAddress: 'x' });
    expect(first.kind).toBe('accepted');
    expect(changed).toEqual({ kind: 'already-sent', reference: first.kind === 'accepted' ? first.reference : '' });
    const response = await api(pipeline, post({ token, concern: 'Different again.' }), 'x');
    expect(response.status).toBe(409);
    expect((await response.json()).errors[0]).toMatchObject({ field: 'token', message: expect.stringContaining('changes you made since were not sent') });
    const rows = await pipeline.store.list();
    expect(rows).toHaveLength(1);
    expect((await openReport<{ concern: string }>(pipeline.keys, rows[0]!.reference, rows[0]!.content!, rows[0]!.contentKey)).concern).toBe(CONCERN);
  });

  test('refuses a missing, forged, too-fast or expired token, and a filled honeypot', async () => {
    const { pipeline } = await tempPipeline({ REPORT_MIN_FILL_SECONDS: '5', REPORT_TOKEN_MAX_AGE_SECONDS: '3600' });
    const tryWith = async (token: unknown, honeypot = '') =>
      submit(pipeline, { input: { concern: CONCERN }, token, honeypot, clientAddress: 'x' });
    const good = await tokenFrom(pipeline, 10);
    // A forged signature: one of its first characters changed, each of which carries six bits of it
    // (changing the last two could leave the token as it was: ending in "xx" already, or differing
    // only in padding bits; seen once in about a thousand runs).
    const sig = good.lastIndexOf('.') + 1;
    const forged = `${good.slice(0, sig)}${good[sig] === 'A' ? 'B' : 'A'}${good.slice(sig + 1)}`;
    for (const token of [undefined, 'abc', forged, await tokenFrom(pipeline, 1), await tokenFrom(pipeline, 7200)]) {
      const outcome = await tryWith(token);
      expect(outcome.kind).toBe('invalid');
      expect(outcome.kind === 'invalid' && outcome.errors[0]!.field).toBe('token');
    }
    expect((await tryWith(good, 'http://spam.example')).kind).toBe('invalid');
    expect((await tryWith(good)).kind).toBe('accepted');
    expect(await pipeline.store.list()).toHaveLength(1);
  });

  test('limits reports per client per hour, keeping only a hash of the address', async () => {
    const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '2' });
    const send = async (clientAddress: string) =>
      submit(pipeline, { input: { concern: CONCERN }, token: await tokenFrom(pipeline), honeypot: '', clientAddress });
    expect((await send('198.51.100.1')).kind).toBe('accepted');
    expect((await send('198.51.100.1')).kind).toBe('accepted');
    const third = await send('198.51.100.1');
    expect(third.kind).toBe('rate-limited');
    expect(third.kind === 'rate-limited' && third.retryAfter).toBeGreaterThan(0);
    expect((await send('198.51.100.2')).kind).toBe('accepted');
    const rows = pipeline.driver.db.prepare('SELECT client FROM rate_limits').all();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(String(row.client)).not.toContain('198.51');
  });

  test('REPORT_RATE_LIMIT=0 turns the limit off', async () => {
    const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
    for (let i = 0; i < 15; i++) {
      expect((await submit(pipeline, { input: { concern: CONCERN }, token: await tokenFrom(pipeline), honeypot: '', clientAddress: 'x' })).kind).toBe('accepted');
    }
  });

  test('a database that refuses writes gives "unavailable" and no reference', async () => {
    const { pipeline } = await tempPipeline();
    // Root ignores file modes, so the refusal is made in SQLite itself: every write now fails.
    pipeline.driver.db.exec('PRAGMA query_only = 1');
    const outcome = await submit(pipeline, { input: { concern: CONCERN }, token: await tokenFrom(pipeline), honeypot: '', clientAddress: 'x' });
    expect(outcome.kind).toBe('unavailable');
    const response = await api(pipeline, post({ token: await tokenFrom(pipeline), concern: CONCERN }), 'y');
    expect(response.status).toBe(503);
    expect(await response.json()).not.toHaveProperty('reference');
    pipeline.driver.db.exec('PRAGMA query_only = 0');
    expect(await pipeline.store.list()).toHaveLength(0);
  });

  test('references use no ambiguous characters', () => {
    for (let i = 0; i < 2000; i++) expect(newReference()).toMatch(/^[A-HJ-NPR-Z2-9]{4}-[A-HJ-NPR-Z2-9]{4}$/);
  });
});

describe('the JSON API', () => {
  test('token, 201, 422, 415, 413, 400 and 429 answers', async () => {
    const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '1', REPORT_MAX_BODY_BYTES: '2048' });
    const tokenResponse = await api(pipeline, new Request('http://localhost/api/reports/token'), 'a');
    const { token, minFillSeconds } = await tokenResponse.json();
    expect(minFillSeconds).toBe(0);
    expect(tokenResponse.headers.get('cache-control')).toBe('no-store');

    const created = await api(pipeline, post({ token, concern: CONCERN }), 'a');
    expect(created.status).toBe(201);
    expect((await created.json()).reference).toMatch(REFERENCE_PATTERN);

    const invalid = await api(pipeline, post({ token: await tokenFrom(pipeline), concern: '', categories: 'nope' }), 'b');
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors.map((e: { field: string }) => e.field)).toEqual(['categories', 'concern']);

    expect((await api(pipeline, post('concern=x', { 'content-type': 'application/x-www-form-urlencoded' }), 'c')).status).toBe(415);
    expect((await api(pipeline, post({ concern: 'x'.repeat(4000) }), 'c')).status).toBe(413);
    expect((await api(pipeline, post('{"concern":'), 'c')).status).toBe(400);
    expect((await api(pipeline, post('[1,2]'), 'c')).status).toBe(400);

    const limited = await api(pipeline, post({ token: await tokenFrom(pipeline), concern: CONCERN }), 'a');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('10,000 malformed bodies: no 5xx, no crash, nothing stored', async () => {
    const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
    const token = await tokenFrom(pipeline);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const junk = (): unknown => pick([
      () => null, () => true, () => rand() * 1e9, () => 'x'.repeat(Math.floor(rand() * 300)), () => [junk()], () => ({ [pick(['concern', 'categories', 'contact', '__proto__', 'constructor'])]: junk() }),
      () => '\u0000\uD800\uFFFF', () => -0, () => ({ length: 1e9 }),
    ])();
    const statuses = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) {
      let body: string;
      const mode = i % 4;
      if (mode === 0) body = JSON.stringify({ token: pick([token, 'bad', undefined, 1]), concern: junk(), categories: junk(), contact: junk(), email: junk() });
      else if (mode === 1) body = JSON.stringify(junk());
      else if (mode === 2) body = Array.from({ length: Math.floor(rand() * 64) }, () => String.fromCharCode(Math.floor(rand() * 256))).join('');
      else body = JSON.stringify({ token, concern: '' }).slice(0, Math.floor(rand() * 30));
      const response = await api(pipeline, post(body), `fuzz-${i}`);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, body).toBeLessThan(500);
    }
    expect([...statuses.keys()].every((s) => [400, 413, 422].includes(s))).toBe(true);
    expect(await pipeline.store.list()).toHaveLength(0);
  });
});

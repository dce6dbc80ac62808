// "Tell us more": a report's follow-up code lets the person who sent it add to it. The addition is
// stored sealed, delivered once after its report with its reference, and deleted on the same
// retention; a wrong code and an unknown reference get the same answer; attempts are limited; the
// code is kept only as a slow hash.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { FOLLOW_UP_CODE_PATTERN, followUpCodeMatches } from '../../src/report/crypto.ts';
import { deliverDue, purgeDelivered, runDeliveryAndRetention } from '../../src/report/delivery.ts';
import { webhookDeliverer } from '../../src/report/deliver-webhook.ts';
import { hashWaitingCodes, type Pipeline } from '../../src/report/pipeline.ts';
import { notifyPeer, smtpPeer, webhookReceiver } from '../support/peers.ts';
import { notifyDeliverer } from '../../src/targets/node/deliver-notify.ts';
import { smtpDeliverer } from '../../src/targets/node/deliver-smtp.ts';
import { CLI, routerFor, tempPipeline, tokenFrom } from '../support/pipeline.ts';

const run = promisify(execFile);
const DAY = 24 * 60 * 60 * 1000;
const json = (path: string, body: unknown) => new Request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function call(p: Pipeline, path: string, body: Record<string, unknown>, address = '198.51.100.20') {
  const response = (await routerFor(p).handle(json(path, { token: await tokenFrom(p), ...body }), address)) as Response;
  return { status: response.status, body: await response.json() };
}
const report = (p: Pipeline, concern = 'Men use the empty shop on Mill Lane at night.') => call(p, '/api/reports', { concern });
const addTo = (p: Pipeline, reference: string, followUpCode: string, details: string, address?: string) => call(p, '/api/reports/follow-ups', { reference, followUpCode, details }, address);

function onDisk(dir: string): Buffer {
  return Buffer.concat(['reports.sqlite', 'reports.sqlite-wal'].map((f) => join(dir, f)).filter(existsSync).map((f) => readFileSync(f)));
}

describe('the follow-up code', () => {
  test('comes back with the reference, once, and is kept only sealed, then as a slow hash', async () => {
    const { dir, pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
    const sent = await report(pipeline);
    expect(sent.status).toBe(201);
    const { reference, followUpCode } = sent.body;
    expect(followUpCode).toMatch(FOLLOW_UP_CODE_PATTERN);
    expect(onDisk(dir).includes(Buffer.from(followUpCode))).toBe(false);
    expect(await hashWaitingCodes(pipeline)).toBe(1);
    const row = (await pipeline.store.get(reference))!;
    expect(row.followUpWaiting).toBe(false);
    expect(row.followUpHash).toHaveLength(48);
    expect(await followUpCodeMatches(followUpCode, row.followUpHash!)).toBe(true);
    expect(await followUpCodeMatches(followUpCode.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')), row.followUpHash!)).toBe(false);
    expect(onDisk(dir).includes(Buffer.from(followUpCode))).toBe(false);
  });

  test('adds to the report, numbered, sealed, however the code is typed', async () => {
    const { dir, pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
    const { reference, followUpCode } = (await report(pipeline)).body;
    expect(await addTo(pipeline, reference, followUpCode, 'The car is a blue estate, plate ends 7KX.')).toEqual({ status: 201, body: { reference, addition: 1 } });
    // After the code has been hashed, and typed in lower case without its hyphens.
    await hashWaitingCodes(pipeline);
    const typed = followUpCode.toLowerCase().replace(/-/g, ' ');
    expect(await addTo(pipeline, reference.toLowerCase(), typed, 'They come on Fridays.')).toEqual({ status: 201, body: { reference, addition: 2 } });
    expect((await pipeline.store.followUpsOf(reference)).map((f) => f.number)).toEqual([1, 2]);
    expect(onDisk(dir).includes(Buffer.from('plate ends 7KX'))).toBe(false);
  });

  test('a wrong code, an unknown reference and a purged report all get the same answer', async () => {
    const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0', REPORT_FOLLOW_UP_RATE_LIMIT: '0' });
    const { reference, followUpCode } = (await report(pipeline)).body;
    const other = (await report(pipeline)).body;
    const wrongCode = await addTo(pipeline, reference, other.followUpCode, 'Something more.');
    const unknown = await addTo(pipeline, 'ZZZZ-2222', followUpCode, 'Something more.');
    expect(wrongCode.status).toBe(422);
    expect(unknown).toEqual(wrongCode);
    expect(wrongCode.body.errors[0]).toMatchObject({ field: 'followUpCode', message: expect.stringContaining('could not find a report with that reference and follow-up code') });
    // After retention the report's code is gone with its words.
    await pipeline.store.markReceived(reference, Date.now());
    await purgeDelivered(pipeline.store, Date.now() + 8 * DAY, 7);
    expect(await addTo(pipeline, reference, followUpCode, 'Something more.')).toEqual(wrongCode);
    expect(await pipeline.store.followUpsOf(reference)).toEqual([]);
  });

  test('attempts are limited per client, right or wrong', async () => {
    const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0', REPORT_FOLLOW_UP_RATE_LIMIT: '3' });
    const { reference, followUpCode } = (await report(pipeline)).body;
    const statuses = [];
    for (const code of ['AAAA-AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB-BBBB', followUpCode, followUpCode]) statuses.push((await addTo(pipeline, reference, code, 'More.')).status);
    expect(statuses).toEqual([422, 422, 201, 429]);
    expect((await addTo(pipeline, reference, followUpCode, 'From elsewhere.', '198.51.100.99')).status).toBe(201);
  });

  test('checks its answers: a code that cannot be one, and nothing to add', async () => {
    const { pipeline } = await tempPipeline();
    const answer = await addTo(pipeline, 'ABCD', 'not a code', '   ');
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['reference', 'followUpCode', 'details']);
  });

  test('the same form sent again is one addition; with other words it says so', async () => {
    const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
    const { reference, followUpCode } = (await report(pipeline)).body;
    const token = await tokenFrom(pipeline);
    const send = async (details: string) => {
      const response = (await routerFor(pipeline).handle(json('/api/reports/follow-ups', { token, reference, followUpCode, details }), 'x')) as Response;
      return { status: response.status, body: await response.json() };
    };
    expect(await send('Once.')).toEqual({ status: 201, body: { reference, addition: 1 } });
    expect(await send('Once.')).toEqual({ status: 201, body: { reference, addition: 1 } });
    expect((await send('Changed.')).status).toBe(409);
    expect(await pipeline.store.followUpsOf(reference)).toHaveLength(1);
  });
});

describe('delivery and retention of additions', () => {
  test('each addition reaches the team once, after its report, linked to it', async () => {
    const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'webhook', REPORT_RATE_LIMIT: '0' });
    const peer = await webhookReceiver('s');
    try {
      const deliverer = webhookDeliverer({ url: peer.url, secret: 's', allowPlainLoopback: true });
      const { reference, followUpCode } = (await report(pipeline)).body;
      expect((await addTo(pipeline, reference, followUpCode, 'Added before the report went.')).status).toBe(201);
      // The report's delivery fails once: the addition must wait for it.
      peer.failTimes(1);
      expect(await deliverDue(pipeline.store, pipeline.keys, deliverer, Date.now())).toEqual({ delivered: 0, failed: 1 });
      expect(peer.arrivals).toEqual([reference]);
      const later = Date.now() + 60_000;
      expect(await deliverDue(pipeline.store, pipeline.keys, deliverer, later)).toEqual({ delivered: 2, failed: 0 });
      expect(peer.arrivals).toEqual([reference, reference, `${reference}/1`]);
      expect(peer.received.get(`${reference}/1`)).toEqual({ reference, addition: 1, receivedAt: expect.any(String), details: 'Added before the report went.' });
      expect(await deliverDue(pipeline.store, pipeline.keys, deliverer, later + DAY)).toEqual({ delivered: 0, failed: 0 });

      // Retention: the words go, the record stays; and one routine does both on every target.
      const run = await runDeliveryAndRetention(pipeline, deliverer, {}, Date.now() + 8 * DAY);
      expect(run.purged).toBe(2);
      expect((await pipeline.store.followUpsOf(reference))[0]).toMatchObject({ status: 'purged', content: null });
    } finally {
      await peer.close();
    }
  });

  test('by email, an addition has its own subject and is threaded under its report; Notify gets its own reference', async () => {
    const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'smtp', REPORT_RATE_LIMIT: '0' });
    const { reference, followUpCode } = (await report(pipeline)).body;
    await addTo(pipeline, reference, followUpCode, 'Seen again on Sunday.');
    const mail = await smtpPeer();
    const serviceId = '26785a09-ab16-4eb0-8407-a37497a57506';
    const secret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
    const notify = await notifyPeer(serviceId, secret);
    try {
      const smtp = smtpDeliverer({ url: mail.url, from: 'site@partnership.example.org', to: 'team@partnership.example.org', allowPlainLoopback: true });
      expect(await deliverDue(pipeline.store, pipeline.keys, smtp, Date.now())).toEqual({ delivered: 2, failed: 0 });
      const headers = mail.messages.map((m) => m.slice(0, m.indexOf('\r\n\r\n')));
      expect(headers[0]).toContain(`Subject: Concern report ${reference}`);
      expect(headers[1]).toContain(`Subject: Addition 1 to concern report ${reference}`);
      expect(headers[1]).toContain(`Message-ID: <report-${reference}-1@partnership.example.org>`);
      expect(headers[1]).toContain(`In-Reply-To: <report-${reference}@partnership.example.org>`);

      // The same addition through Notify (its own store, so it is due again).
      const again = await tempPipeline({ REPORT_DELIVERY: 'notify', REPORT_RATE_LIMIT: '0' });
      const sent = (await report(again.pipeline)).body;
      await addTo(again.pipeline, sent.reference, sent.followUpCode, 'Seen again on Sunday.');
      const deliverer = notifyDeliverer({ apiKey: `kit_live-${serviceId}-${secret}`, templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a', to: 'team@partnership.example.org', baseUrl: notify.url, allowPlainLoopback: true });
      expect(await deliverDue(again.pipeline.store, again.pipeline.keys, deliverer, Date.now())).toEqual({ delivered: 2, failed: 0 });
      expect(notify.emails[1]).toMatchObject({ reference: `${sent.reference}/1`, personalisation: { reference: `Addition 1 to concern report ${sent.reference}` } });
      expect(String((notify.emails[1]!.personalisation as { report: string }).report)).toContain('What they added: Seen again on Sunday.');
    } finally {
      await mail.close();
      await notify.close();
    }
  });

  test('`npm run reports -- show` shows the additions, and export carries them', async () => {
    const { dir, pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
    const { reference, followUpCode } = (await report(pipeline)).body;
    await addTo(pipeline, reference, followUpCode, 'A second car\u001b[2J came too.');
    const env = { ...process.env, REPORT_DB_PATH: join(dir, 'reports.sqlite'), REPORT_KEY_FILE: join(dir, 'report.key') };
    expect((await run(process.execPath, [CLI, 'list'], { env })).stdout).toMatch(new RegExp(`^${reference} .* 1$`, 'm'));
    const shown = (await run(process.execPath, [CLI, 'show', reference], { env })).stdout;
    expect(shown).toContain('Addition 1 (stored');
    expect(shown).toContain('What they added: A second car[U+001B][2J came too.');
    const exported = JSON.parse((await run(process.execPath, [CLI, 'export'], { env })).stdout.trim());
    expect(exported.additions).toEqual([{ addition: 1, receivedAt: expect.any(String), status: 'stored', deliveredAt: null, details: 'A second car\u001b[2J came too.' }]);
  });
});

// The examples the forms give must be codes the form accepts: an example with a letter codes never
// use (it once had a Q) would be refused with an error quoting that same example.
test('every example code in the forms and their catalogues is a valid follow-up code', () => {
  const files = ['src/pages/[...locale]/report/follow-up.astro', 'src/report/words.ts', 'src/report/follow-up-schema.ts', ...['en', 'cy', 'pl', 'ur'].map((c) => `content/i18n/${c}.yaml`)];
  const examples = files.filter(existsSync).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\b[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3}\b/g)].map((m) => `${f}: ${m[0]}`));
  expect(examples.length).toBeGreaterThanOrEqual(4);
  expect(examples.filter((e) => !FOLLOW_UP_CODE_PATTERN.test(e.split(': ')[1]!))).toEqual([]);
});

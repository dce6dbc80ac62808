// Delivery to real peers on loopback, retries, exactly-once from the team's side, and retention.
import { describe, expect, test } from 'vitest';
import { deliverDue, purgeDelivered } from '../../src/report/delivery.ts';
import { notifyDeliverer } from '../../src/targets/node/deliver-notify.ts';
import { smtpDeliverer } from '../../src/targets/node/deliver-smtp.ts';
import { webhookDeliverer } from '../../src/report/deliver-webhook.ts';
import { submit, type Pipeline } from '../../src/report/pipeline.ts';
import { notifyPeer, smtpPeer, webhookReceiver } from '../support/peers.ts';
import { tempPipeline, tokenFrom } from '../support/pipeline.ts';

async function report(p: Pipeline, input: Record<string, unknown>): Promise<string> {
  const outcome = await submit(p, { input, token: await tokenFrom(p), honeypot: '', clientAddress: '127.0.0.1' });
  if (outcome.kind !== 'accepted') throw new Error(outcome.kind);
  return outcome.reference;
}
const later = (minutes: number) => Date.now() + minutes * 60 * 1000;

describe('webhook delivery', () => {
  test('signed, with the reference as idempotency key; a peer that is down then up gets every report once', async () => {
    const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'webhook', REPORT_RATE_LIMIT: '0' });
    const peer = await webhookReceiver('hook-secret');
    const port = peer.port;
    await peer.close(); // the team's system is down
    const refs = [];
    for (let i = 0; i < 25; i++) refs.push(await report(pipeline, { concern: `Report number ${i}` }));
    const deliverer = webhookDeliverer({ url: peer.url, secret: 'hook-secret', allowPlainLoopback: true }, 2000);

    const down = await deliverDue(pipeline.store, pipeline.keys, deliverer, Date.now(), { limit: 100 });
    expect(down).toEqual({ delivered: 0, failed: 25 });
    const failed = await pipeline.store.get(refs[0]!);
    expect(failed?.status).toBe('stored');
    expect(failed?.lastError).toMatch(/^webhook: no answer/);
    expect(failed?.lastError).not.toContain('Report number');

    // Up again, on the same address; one request fails with a 500 and is retried later.
    const up = await webhookReceiver('hook-secret', port);
    up.failTimes(1);
    let delivered = 0;
    for (let round = 1; round <= 4 && delivered < 25; round++) {
      delivered += (await deliverDue(pipeline.store, pipeline.keys, deliverer, later(120 * round), { limit: 100 })).delivered;
    }
    expect(delivered).toBe(25);
    expect(up.received.size).toBe(25);
    expect(new Set(up.received.keys())).toEqual(new Set(refs));
    expect((up.received.get(refs[3]!) as { report: { concern: string } }).report.concern).toBe('Report number 3');
    // Nothing is due any more: a later run sends nothing twice.
    expect(await deliverDue(pipeline.store, pipeline.keys, deliverer, later(24 * 60), { limit: 100 })).toEqual({ delivered: 0, failed: 0 });
    expect(up.requests).toBe(26);
    await up.close();
  });

  test('a report stays claimed while one instance is sending it', async () => {
    const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'webhook' });
    await report(pipeline, { concern: 'Only once please' });
    const first = await pipeline.store.claimDue('reports', Date.now(), later(5), 10);
    const second = await pipeline.store.claimDue('reports', Date.now(), later(5), 10);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });
});

describe('SMTP delivery', () => {
  test('a real SMTP server receives the report, escaped, with the reference alone in the subject', async () => {
    const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'smtp' });
    const peer = await smtpPeer();
    const ref = await report(pipeline, { concern: '<script>alert(1)</script> & "friends"', where: 'Flat 2\r\nBcc: victim@example.org' });
    const run = await deliverDue(pipeline.store, pipeline.keys, smtpDeliverer({ url: peer.url, from: 'site@safeguarding.example.org', to: 'team@safeguarding.example.org', allowPlainLoopback: true }), Date.now());
    expect(run).toEqual({ delivered: 1, failed: 0 });
    expect(peer.messages).toHaveLength(1);
    const mail = peer.messages[0]!;
    const headers = mail.slice(0, mail.indexOf('\r\n\r\n'));
    expect(headers).toContain(`Subject: Concern report ${ref}`);
    expect(headers).toContain(`Message-ID: <report-${ref}@safeguarding.example.org>`);
    expect(headers).not.toMatch(/^Bcc:/im);
    // The HTML part, decoded from quoted-printable, carries the words escaped.
    const htmlPart = mail.slice(mail.indexOf('Content-Type: text/html'));
    const html = htmlPart.slice(htmlPart.indexOf('\r\n\r\n')).replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    await peer.close();
  });
});

describe('GOV.UK Notify delivery', () => {
  test('the official client sends to a server speaking Notify\'s API, with the reference', async () => {
    const serviceId = '26785a09-ab16-4eb0-8407-a37497a57506';
    const secret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
    const peer = await notifyPeer(serviceId, secret);
    const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'notify' });
    const ref = await report(pipeline, { concern: 'Boys on bikes collect packages from the flat.' });
    const deliverer = notifyDeliverer({ apiKey: `partnership_live-${serviceId}-${secret}`, templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a', to: 'team@safeguarding.example.org', baseUrl: peer.url, allowPlainLoopback: true });
    expect(await deliverDue(pipeline.store, pipeline.keys, deliverer, Date.now())).toEqual({ delivered: 1, failed: 0 });
    expect(peer.emails).toHaveLength(1);
    expect(peer.emails[0]).toMatchObject({ email_address: 'team@safeguarding.example.org', reference: ref, personalisation: { reference: ref } });
    expect(String((peer.emails[0]!.personalisation as { report: string }).report)).toContain('Boys on bikes');

    // A wrong key is refused by the server, and the report waits to be retried.
    const ref2 = await report(pipeline, { concern: 'Another one' });
    const wrong = notifyDeliverer({ apiKey: `partnership_live-${serviceId}-00000000-0000-0000-0000-000000000000`, templateId: 'x', to: 't@example.org', baseUrl: peer.url, allowPlainLoopback: true });
    expect(await deliverDue(pipeline.store, pipeline.keys, wrong, Date.now())).toEqual({ delivered: 0, failed: 1 });
    expect((await pipeline.store.get(ref2))?.lastError).toBe('notify: Notify 403');
    await peer.close();
  });
});

describe('retention', () => {
  test('content is deleted a set time after delivery; undelivered reports are kept', async () => {
    const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'webhook', REPORT_RETENTION_DAYS: '7' });
    const peer = await webhookReceiver('s');
    const delivered = await report(pipeline, { concern: 'Will be delivered' });
    await deliverDue(pipeline.store, pipeline.keys, webhookDeliverer({ url: peer.url, secret: 's', allowPlainLoopback: true }), Date.now());
    await peer.close();
    const undelivered = await report(pipeline, { concern: 'Not delivered yet' });

    expect(await purgeDelivered(pipeline.store, later(6 * 24 * 60), 7)).toBe(0);
    expect(await purgeDelivered(pipeline.store, later(8 * 24 * 60), 7)).toBe(1);
    const purged = await pipeline.store.get(delivered);
    expect(purged).toMatchObject({ status: 'purged', content: null });
    expect(purged?.deliveredAt).toBeGreaterThan(0);
    expect((await pipeline.store.get(undelivered))?.content).not.toBeNull();
  });
});

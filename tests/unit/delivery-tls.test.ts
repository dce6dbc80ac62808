// Reports leave only over TLS: an SMTP server that does not offer STARTTLS gets nothing (a network
// attacker can strip the offer), and a webhook or Notify address must be https://. Plain text is
// allowed only to loopback, and only when a setting says so (the tests' own peers).
import { expect, test } from 'vitest';
import { deliverDue } from '../../src/report/delivery.ts';
import { notifyDeliverer } from '../../src/targets/node/deliver-notify.ts';
import { smtpDeliverer } from '../../src/targets/node/deliver-smtp.ts';
import { webhookDeliverer } from '../../src/report/deliver-webhook.ts';
import { submit } from '../../src/report/pipeline.ts';
import { readSettings } from '../../src/settings.ts';
import { smtpPeer } from '../support/peers.ts';
import { tempPipeline, tokenFrom } from '../support/pipeline.ts';

test('an SMTP server that offers no STARTTLS is sent nothing', async () => {
  const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'smtp' });
  const outcome = await submit(pipeline, { input: { concern: 'Must not cross the network in clear.' }, token: await tokenFrom(pipeline), honeypot: '', clientAddress: 'x' });
  const peer = await smtpPeer(); // STARTTLS disabled
  try {
    const deliverer = smtpDeliverer({ url: peer.url, from: 'site@safeguarding.example.org', to: 'team@safeguarding.example.org' }, 5000);
    expect(await deliverDue(pipeline.store, pipeline.keys, deliverer, Date.now())).toEqual({ delivered: 0, failed: 1 });
    expect(peer.messages).toEqual([]);
    expect(outcome.kind === 'accepted' && (await pipeline.store.get(outcome.reference))?.status).toBe('stored');
  } finally {
    await peer.close();
  }
});

test('a webhook or Notify address without TLS is refused before anything is sent', () => {
  expect(() => webhookDeliverer({ url: 'http://cases.example.org/reports', secret: 's' })).toThrow(/https:/);
  expect(() => webhookDeliverer({ url: 'http://127.0.0.1:9/reports', secret: 's' })).toThrow(/https:/);
  expect(() => webhookDeliverer({ url: 'http://cases.example.org/reports', secret: 's', allowPlainLoopback: true })).toThrow(/https:/);
  expect(() => webhookDeliverer({ url: 'http://127.0.0.1:9/reports', secret: 's', allowPlainLoopback: true })).not.toThrow();
  expect(() => notifyDeliverer({ apiKey: 'k', templateId: 't', to: 'a@example.org', baseUrl: 'http://notify.example.org' })).toThrow(/https:/);
});

test('start-up settings name the address that would send in clear', () => {
  const webhook = { REPORT_DELIVERY: 'webhook', REPORT_WEBHOOK_SECRET: 's' };
  expect(() => readSettings({ ...webhook, REPORT_WEBHOOK_URL: 'http://cases.example.org/r' })).toThrow(/REPORT_WEBHOOK_URL must use https:/);
  expect(() => readSettings({ ...webhook, REPORT_WEBHOOK_URL: 'http://127.0.0.1:9/r' })).toThrow(/REPORT_WEBHOOK_URL/);
  expect(readSettings({ ...webhook, REPORT_WEBHOOK_URL: 'http://127.0.0.1:9/r', REPORT_ALLOW_PLAINTEXT_LOOPBACK: '1' }).delivery.target.kind).toBe('webhook');
  expect(readSettings({ ...webhook, REPORT_WEBHOOK_URL: 'https://cases.example.org/r' }).delivery.target.kind).toBe('webhook');
});
